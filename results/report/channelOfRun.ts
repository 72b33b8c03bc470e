// One channel's part of a loaded run, as the report's channel sections read it: its figures (run and
// days), its targets, its interval series, and a target drawn as a dashed line across a chart.
import type { LoadedRun } from '../loadRun.js';
import type { MetricSeries } from '../parseIntervalsCsv.js';
import type { ChartSeries } from './chartSpec.js';
import { PALETTE } from './chartSpec.js';

/** Figures by metric name: the mean and its 95% CI (null where undefined). */
export type Figures = Partial<Record<string, { mean: number | null; ci95: [number, number] | null }>>;
export type DayFigures = Figures & { date: string; weekday: string };

/** A channel's run and per-day figures, or null when the run has no such channel. */
export function channelOfRun(run: LoadedRun, channel: string): { run: Figures; days: DayFigures[] } | null {
  const summary = run.summary as unknown as {
    channels: Record<string, Figures | undefined>;
    days: Record<string, DayFigures[] | undefined>;
  };
  const figures = summary.channels[channel];
  const days = summary.days[channel];
  return figures && days ? { run: figures, days } : null;
}

/** A channel's targets as summary.json carries them (the caller names their shape), or null. */
export function channelTargetsOf<T>(run: LoadedRun, channel: string): T | null {
  return (run.summary.targets as Record<string, T | undefined>)[channel] ?? null;
}

/** A channel's metric per interval, or null when intervals.csv has no such column. */
export function channelSeries(run: LoadedRun, channel: string, metric: string): MetricSeries | null {
  const channels = run.intervals.channels as Record<
    string,
    Record<string, MetricSeries | undefined> | undefined
  >;
  return channels[channel]?.[metric] ?? null;
}

/** The same, with an all-empty series where the column is missing (a chart then shows a gap). */
export function channelSeriesOrEmpty(run: LoadedRun, channel: string, metric: string): MetricSeries {
  const found = channelSeries(run, channel, metric);
  if (found) return found;
  const empty = run.intervals.date.map(() => null);
  return { mean: empty, lo: empty, hi: empty };
}

/** A target or limit as a dashed black line across every interval of the run. */
export function limitSeries(run: LoadedRun, value: number, label: string): ChartSeries {
  return { label, axis: 0, color: PALETTE[6]!, dash: true, values: run.intervals.date.map(() => value) };
}
