// Shared by every channel's k6 scenario function (bundled into k6): which window interval an
// iteration belongs to, from the iteration-number boundaries its arrival plan carries.

/** Which window interval iteration n belongs to (see ArrivalPlan.cumulative); the last one past the end. */
export function intervalOfIteration(cumulative: readonly number[], n: number): number {
  let lo = 0;
  let hi = cumulative.length - 1;
  if (n < 0 || n >= cumulative[hi]!) return n < 0 ? -1 : hi - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid]! <= n) lo = mid;
    else hi = mid;
  }
  return lo;
}
