import { studentT975 } from '../../sim/metrics/studentT975.js';
import type { MetricValue } from '../runMetrics.js';
import type { Difference } from './differenceCi.js';

/**
 * One replication's standard deviation s in a prediction of n replications, from its CI of the
 * mean (half-width t(n − 1)·s/√n); null without a CI.
 */
export function replicationSd(prediction: MetricValue): number | null {
  if (!prediction.ci95 || prediction.n < 2) return null;
  return (
    ((prediction.ci95[1] - prediction.ci95[0]) / 2 / studentT975(prediction.n - 1)) * Math.sqrt(prediction.n)
  );
}

/**
 * B − A for two measured (k6) runs judged by the spread of a prediction of the same window
 * (`hotline compare --spread-from <sim run>`): each measurement is one sample path, whose spread is
 * one replication's, s (day volume, queue and every call included, as the simulator draws them). Two
 * independent paths differ by s·√2: (b − a) ± t(n − 1)·s·√2. Assumes the prediction is of the same
 * scenario and window as the replays (the page names the run it took s from).
 */
export function spreadDifference(a: MetricValue, b: MetricValue, prediction: MetricValue): Difference {
  if (a.mean === null || b.mean === null) return { value: null, ci95: null };
  const value = b.mean - a.mean;
  const s = replicationSd(prediction);
  if (s === null) return { value, ci95: null };
  const half = studentT975(prediction.n - 1) * s * Math.SQRT2;
  return { value, ci95: [value - half, value + half] };
}
