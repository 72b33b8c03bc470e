// Read access to the metrics of a loaded run that tolerates metrics a run does not carry (a k6
// run measures fewer): a missing metric reads as undefined (null mean, no CI), never as a crash.
import type { PhoneMetric } from '../sim/metrics/PhoneMetrics.js';
import type { LoadedRun } from './loadRun.js';
import type { MetricSeries } from './parseIntervalsCsv.js';
import type { PhoneSummaryData } from './runSchema.js';

export interface MetricValue {
  mean: number | null;
  ci95: [number, number] | null;
  n: number;
}

const UNDEFINED_METRIC: MetricValue = { mean: null, ci95: null, n: 0 };

export function metricOf(summary: PhoneSummaryData, metric: PhoneMetric): MetricValue {
  return summary[metric] ?? UNDEFINED_METRIC;
}

export function intervalSeries(run: LoadedRun, metric: PhoneMetric): MetricSeries {
  const found = run.intervals.metrics[metric];
  if (found) return found;
  const empty = run.intervals.date.map(() => null);
  return { mean: empty, lo: empty, hi: empty };
}

const SL_VARIANTS = ['slOffered', 'slAnswered', 'slExcludingShortAbandons'] as const;

/** The service-level variant the scenario's target names; slOffered (the default) otherwise. */
export function slVariant(run: LoadedRun): PhoneMetric {
  const variant = run.summary.targets.phone.variant;
  return (SL_VARIANTS as readonly string[]).includes(variant) ? (variant as PhoneMetric) : 'slOffered';
}

/** What the run-level figures cover: "whole run", or the window (day 1 00:00-02:00). */
export function runLabel(run: LoadedRun): string {
  const w = run.summary.window;
  return w ? `day ${w.day} ${w.from}-${w.to}` : 'whole run';
}
