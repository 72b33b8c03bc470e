import { mean, sampleStandardDeviation } from 'simple-statistics';
import { studentT975 } from '../../sim/metrics/studentT975.js';
import type { MetricValue } from '../runMetrics.js';

/** B − A with its 95% CI; ci95 null when it cannot be estimated (e.g. one replication). */
export interface Difference {
  value: number | null;
  ci95: [number, number] | null;
}

const NO_DIFFERENCE: Difference = { value: null, ci95: null };

/**
 * Paired: B − A replication by replication. With common random numbers both runs saw the same
 * arrivals and handle times in replication r, so the noise cancels and the CI is much narrower
 * than the two runs' own CIs suggest. Replications where either value is undefined are dropped.
 */
export function pairedDifference(
  a: ReadonlyArray<number | null>,
  b: ReadonlyArray<number | null>,
): Difference {
  const diffs: number[] = [];
  a.forEach((x, r) => {
    const y = b[r];
    if (x !== null && y !== null && y !== undefined) diffs.push(y - x);
  });
  if (diffs.length === 0) return NO_DIFFERENCE;
  const m = mean(diffs);
  if (diffs.length === 1) return { value: m, ci95: null };
  const half = (studentT975(diffs.length - 1) * sampleStandardDeviation(diffs)) / Math.sqrt(diffs.length);
  return { value: m, ci95: [m - half, m + half] };
}

/**
 * Welch's unpaired CI from two summaries: each run's standard error is recovered from its own
 * Student-t CI half-width, then combined with Welch-Satterthwaite degrees of freedom.
 */
export function welchDifference(a: MetricValue, b: MetricValue): Difference {
  if (a.mean === null || b.mean === null) return NO_DIFFERENCE;
  const value = b.mean - a.mean;
  const sa = standardError(a);
  const sb = standardError(b);
  if (sa === null || sb === null) return { value, ci95: null };
  return welchInterval(value, { se: sa, n: a.n }, { se: sb, n: b.n });
}

/** A mean's standard error and the number of observations it was estimated from. */
export interface Estimate {
  se: number;
  n: number;
}

/**
 * The 95% interval of a difference of two independent means: value ± t(df)·√(se_a² + se_b²), with
 * Welch-Satterthwaite degrees of freedom (each side's variance estimated from its n − 1).
 */
export function welchInterval(value: number, a: Estimate, b: Estimate): Difference {
  const va = a.se * a.se;
  const vb = b.se * b.se;
  if (va + vb === 0) return { value, ci95: [value, value] };
  const df = (va + vb) ** 2 / ((va * va) / (a.n - 1) + (vb * vb) / (b.n - 1));
  const half = studentT975(Math.max(1, df)) * Math.sqrt(va + vb);
  return { value, ci95: [value - half, value + half] };
}

/** A mean's standard error, recovered from its Student-t CI half-width; null without a CI. */
export function standardError(m: MetricValue): number | null {
  if (!m.ci95 || m.n < 2) return null;
  return (m.ci95[1] - m.ci95[0]) / 2 / studentT975(m.n - 1);
}
