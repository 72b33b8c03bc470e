// Two-sided 95% quantile of Student's t (the 0.975 quantile) for the confidence intervals of
// replication means. Exact table values for small df; beyond 30 the Cornish-Fisher expansion around
// the normal quantile is accurate to better than 1e-4.
const TABLE = [
  12.7062, 4.3027, 3.1824, 2.7764, 2.5706, 2.4469, 2.3646, 2.306, 2.2622, 2.2281, 2.201, 2.1788, 2.1604,
  2.1448, 2.1314, 2.1199, 2.1098, 2.1009, 2.093, 2.086, 2.0796, 2.0739, 2.0687, 2.0639, 2.0595, 2.0555,
  2.0518, 2.0484, 2.0452, 2.0423,
];
const Z = 1.959963984540054;

export function studentT975(df: number): number {
  if (df < 1) throw new RangeError(`degrees of freedom must be at least 1, got ${df}`);
  if (df > TABLE.length) return cornishFisher(df);
  if (Number.isInteger(df)) return TABLE[df - 1]!;
  // Welch-Satterthwaite gives fractional df: interpolate the table linearly in 1/df, where the
  // quantile is nearly linear (the expansion above is poor below about 5 df).
  const lo = Math.floor(df);
  const hi = lo + 1;
  const w = (1 / lo - 1 / df) / (1 / lo - 1 / hi);
  return TABLE[lo - 1]! + w * (TABLE[hi - 1]! - TABLE[lo - 1]!);
}

export function cornishFisher(df: number): number {
  const z = Z;
  const z3 = z ** 3;
  const z5 = z ** 5;
  const z7 = z ** 7;
  return (
    z +
    (z3 + z) / (4 * df) +
    (5 * z5 + 16 * z3 + 3 * z) / (96 * df ** 2) +
    (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * df ** 3)
  );
}
