import { sampleStandardDeviation } from 'simple-statistics';
import type { MetricSpec } from '../../sim/metrics/MetricSpec.js';
import { type Difference, welchInterval } from './differenceCi.js';

/**
 * How a run-level figure is built from its intervals' values: 'mean' for shares and averages over the
 * run's contacts (k6 rate and avg), 'sum' for counts; null for quantiles and maxima (a run's p90 or
 * maximum is not the mean of its intervals' ones, so batch means say nothing about it) and for what
 * k6 does not measure.
 */
export type BatchAggregate = 'mean' | 'sum';

export function batchAggregate(spec: MetricSpec): BatchAggregate | null {
  switch (spec.k6?.stat) {
    case 'rate':
    case 'avg':
      return 'mean';
    case 'count':
      return 'sum';
    default:
      return null;
  }
}

/** One measured run's side: its run-level figure and its per-interval values (null: no contact). */
export interface BatchedRun {
  mean: number | null;
  intervals: ReadonlyArray<number | null>;
}

/**
 * B − A for two measured (k6) runs, by batch means. A k6 run is ONE sample path: its calls wait in
 * one queue, so their outcomes are strongly correlated, and the whole run is one day. Taking its
 * calls as independent trials (the Wilson interval) gives an interval far too narrow, and a gate on
 * it false-alarms. Here each measured interval is one observation (a batch): a run's standard error
 * is the SD of its interval values over √k, and the two runs are combined with Welch.
 *
 * Assumptions, stated wherever the method is named: the intervals of a run are roughly independent
 * (the queue forgets its state within an interval) and alike (a load that changes across the window
 * only widens the interval); the two runs' days differ by no more than that noise (a scenario
 * without `dailyCv`, or both replays with the same `--seed`, hence the same day's volume). The
 * interval is centred on the run-level difference, the figure the verdict and the gate judge.
 * Null interval with fewer than two measured intervals on a side (nothing to estimate a spread
 * from), and for figures that are not means or sums of their intervals (`batchAggregate`).
 */
export function batchMeansDifference(
  a: BatchedRun,
  b: BatchedRun,
  aggregate: BatchAggregate | null,
): Difference {
  if (a.mean === null || b.mean === null) return { value: null, ci95: null };
  const value = b.mean - a.mean;
  if (aggregate === null) return { value, ci95: null };
  const ea = batchEstimate(a.intervals, aggregate);
  const eb = batchEstimate(b.intervals, aggregate);
  if (ea === null || eb === null) return { value, ci95: null };
  return welchInterval(value, ea, eb);
}

/** A run's standard error from its k interval values: s/√k for a mean of them, s·√k for their sum. */
export function batchEstimate(
  intervals: ReadonlyArray<number | null>,
  aggregate: BatchAggregate,
): { se: number; n: number } | null {
  const values = intervals.filter((x): x is number => x !== null && Number.isFinite(x));
  const k = values.length;
  if (k < 2) return null;
  const s = sampleStandardDeviation(values);
  return { se: aggregate === 'mean' ? s / Math.sqrt(k) : s * Math.sqrt(k), n: k };
}
