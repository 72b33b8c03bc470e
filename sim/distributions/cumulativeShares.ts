/** Running sums of shares (class mix), so one uniform draw picks a class by a short scan. */
export function cumulativeShares(shares: readonly number[]): Float64Array {
  const out = new Float64Array(shares.length);
  let acc = 0;
  shares.forEach((s, i) => {
    acc += s;
    out[i] = acc;
  });
  return out;
}
