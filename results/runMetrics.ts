// Read access to the metrics of a loaded run that tolerates metrics a run does not carry (a k6
// run measures fewer) and channels it does not have: a missing metric reads as undefined (null
// mean, no CI), never as a crash.
import { serviceLevelVariant } from '../sim/metrics/metricRegistry.js';
import type { LoadedRun } from './loadRun.js';
import type { MetricSeries } from './parseIntervalsCsv.js';
import type { ChannelSummaryData, DaySummaryData } from './runSchema.js';

export interface MetricValue {
  mean: number | null;
  ci95: [number, number] | null;
  n: number;
}

const UNDEFINED_METRIC: MetricValue = { mean: null, ci95: null, n: 0 };

/** A metric of a channel's (or a day's, a class's) figures; undefined when the run does not carry it. */
export function metricOf(
  summary: ChannelSummaryData | DaySummaryData | undefined,
  metric: string,
): MetricValue {
  const value = summary?.[metric];
  return typeof value === 'object' && value !== null ? value : UNDEFINED_METRIC;
}

export function intervalSeries(run: LoadedRun, metric: string, channel: string): MetricSeries {
  const found = (run.intervals.channels as Record<string, Record<string, MetricSeries> | undefined>)[
    channel
  ]?.[metric];
  if (found) return found;
  const empty = run.intervals.date.map(() => null);
  return { mean: empty, lo: empty, hi: empty };
}

/** The service-level variant the run's target names; the channel's default otherwise. */
export function slVariant(run: LoadedRun, channel: string): string {
  const targets = (run.summary.targets as Record<string, { variant: string } | undefined>)[channel];
  return serviceLevelVariant(channel, targets?.variant);
}

/** What the run-level figures cover: "whole run", or the window (day 1 00:00-02:00). */
export function runLabel(run: LoadedRun): string {
  const w = run.summary.window;
  return w ? `day ${w.day} ${w.from}-${w.to}` : 'whole run';
}
