import { mean, sampleStandardDeviation } from 'simple-statistics';
import { studentT975 } from '../../sim/metrics/studentT975.js';

/** One side's mean, its standard error and the number of observations that error was estimated from. */
export interface RatioSide {
  mean: number;
  se: number;
  n: number;
}

/**
 * The relative change B/A − 1 with its 95% interval, by the delta method, for independent sides:
 * Var(B/A) ≈ (se_B² + R²·se_A²) / A² with R = B/A, degrees of freedom by Welch-Satterthwaite over
 * the two parts (or `df` when both errors come from one estimate). Dividing the difference's
 * interval by A, as the gate did, leaves out A's own noise (the R²·se_A² part).
 * Null when A ≤ 0 (no relative change) or an error was estimated from fewer than two observations.
 */
export function ratioInterval(a: RatioSide, b: RatioSide, df?: number): [number, number] | null {
  if (!(a.mean > 0) || a.n < 2 || b.n < 2) return null;
  const r = b.mean / a.mean;
  const fromB = (b.se / a.mean) ** 2;
  const fromA = ((r * a.se) / a.mean) ** 2;
  const variance = fromB + fromA;
  if (variance === 0) return [r - 1, r - 1];
  const dof = df ?? variance ** 2 / ((fromB * fromB) / (b.n - 1) + (fromA * fromA) / (a.n - 1));
  const half = studentT975(Math.max(1, dof)) * Math.sqrt(variance);
  return [r - 1 - half, r - 1 + half];
}

/**
 * The relative change mean(B)/mean(A) − 1 over paired replications (common random numbers): the
 * pairs carry the covariance of A and B, which the linearisation of the ratio keeps. With
 * d_r = b_r − R·a_r, Var(R) ≈ s_d² / (n·ā²), n − 1 degrees of freedom. Replications where either
 * value is undefined are dropped; null with fewer than two pairs or ā ≤ 0.
 */
export function pairedRatioInterval(
  a: ReadonlyArray<number | null>,
  b: ReadonlyArray<number | null>,
): [number, number] | null {
  const pairs: Array<[number, number]> = [];
  a.forEach((x, r) => {
    const y = b[r];
    if (x !== null && y !== null && y !== undefined) pairs.push([x, y]);
  });
  if (pairs.length < 2) return null;
  const meanA = mean(pairs.map(([x]) => x));
  if (!(meanA > 0)) return null;
  const r = mean(pairs.map(([, y]) => y)) / meanA;
  const residuals = pairs.map(([x, y]) => y - r * x);
  const se = sampleStandardDeviation(residuals) / (Math.sqrt(pairs.length) * meanA);
  const half = studentT975(pairs.length - 1) * se;
  return [r - 1 - half, r - 1 + half];
}
