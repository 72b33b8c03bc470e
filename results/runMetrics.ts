// Read access to the metrics of a loaded run that tolerates metrics a run does not carry (a k6
// run measures fewer): a missing metric reads as undefined (null mean, no CI), never as a crash.
import { serviceLevelVariant } from '../sim/metrics/metricRegistry.js';
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
  const found = run.intervals.channels.phone[metric];
  if (found) return found;
  const empty = run.intervals.date.map(() => null);
  return { mean: empty, lo: empty, hi: empty };
}

/** The service-level variant the scenario's target names; the channel's default (slOffered) otherwise. */
export function slVariant(run: LoadedRun): PhoneMetric {
  return serviceLevelVariant('phone', run.summary.targets.phone.variant) as PhoneMetric;
}

/** What the run-level figures cover: "whole run", or the window (day 1 00:00-02:00). */
export function runLabel(run: LoadedRun): string {
  const w = run.summary.window;
  return w ? `day ${w.day} ${w.from}-${w.to}` : 'whole run';
}
