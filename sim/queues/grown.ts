type SlotArray = Float64Array | Int32Array | Uint8Array | Uint32Array;

/**
 * A copy of `values` in a larger array of the same kind (new slots zero). Contact slots live in
 * parallel typed arrays that double when full; this is the one place that copies them.
 */
export function grown<A extends SlotArray>(values: A, capacity: number): A {
  const larger = new (values.constructor as new (length: number) => A)(capacity);
  larger.set(values);
  return larger;
}
