/**
 * The q-quantile of a histogram of whole numbers (bucket i counts the value i): the smallest value
 * whose cumulative count reaches q of the total; null when the histogram is empty.
 */
export function dayQuantile(histogram: ArrayLike<number>, q: number): number | null {
  let total = 0;
  for (let i = 0; i < histogram.length; i++) total += histogram[i]!;
  if (total === 0) return null;
  let acc = 0;
  for (let i = 0; i < histogram.length; i++) {
    acc += histogram[i]!;
    if (acc >= q * total) return i;
  }
  return histogram.length - 1;
}
