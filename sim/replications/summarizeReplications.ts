import { mean, sampleStandardDeviation } from 'simple-statistics';
import type { MetricRecord } from '../channels/ChannelPlugin.js';
import { type ChannelMap, channelEntries, channelPlugin } from '../channels/index.js';
import { metricNames } from '../metrics/metricRegistry.js';
import { studentT975 } from '../metrics/studentT975.js';
import type { ReplicationMetrics } from './measureReplication.js';

/** Mean over replications and its 95% Student-t confidence interval; null where undefined. */
export interface MetricSummary {
  mean: number | null;
  ci95: [number, number] | null;
  /** Replications in which the metric was defined (e.g. had answered calls). */
  n: number;
}

/** One channel's metrics summarized over replications, by the registry's metric names. */
export type MetricSummaries = Record<string, MetricSummary>;

/** A channel's summary at the three levels (run or window, days, intervals) and per class. */
export interface ChannelSummary {
  readonly run: MetricSummaries;
  readonly days: MetricSummaries[];
  readonly intervals: MetricSummaries[];
  /** Whole run per class (phone's priority classes), in the model's order; empty without classes. */
  readonly classes: MetricSummaries[];
}

export interface ReplicationSummary {
  readonly channels: ChannelMap<ChannelSummary>;
}

export function summarizeReplications(replications: readonly ReplicationMetrics[]): ReplicationSummary {
  const first = replications[0];
  if (!first) throw new RangeError('no replications to summarize');
  const channels: Record<string, ChannelSummary> = {};
  for (const [name, measured] of channelEntries(first.channels)) {
    const all = replications.map((r) => r.channels[name]!);
    const names = metricNames(name);
    const classMetrics = channelPlugin(name).classMetrics;
    channels[name] = {
      run: summarizeRecords(
        all.map((m) => m.run),
        names,
      ),
      days: measured.days.map((_, d) =>
        summarizeRecords(
          all.map((m) => m.days[d]!),
          names,
        ),
      ),
      intervals: measured.intervals.map((_, i) =>
        summarizeRecords(
          all.map((m) => m.intervals[i]!),
          names,
        ),
      ),
      classes: measured.classes.map((_, k) =>
        summarizeRecords(
          all.map((m) => m.classes[k]!),
          classMetrics,
        ),
      ),
    };
  }
  return { channels };
}

/** Each metric's mean and CI over the replications in which it is defined. */
export function summarizeRecords(values: readonly MetricRecord[], names: readonly string[]): MetricSummaries {
  const out: MetricSummaries = {};
  for (const metric of names) {
    out[metric] = summarizeValues(
      values.map((v) => v[metric] ?? null).filter((x): x is number => x !== null),
    );
  }
  return out;
}

export function summarizeValues(xs: readonly number[]): MetricSummary {
  if (xs.length === 0) return { mean: null, ci95: null, n: 0 };
  const m = mean(xs as number[]);
  if (xs.length === 1) return { mean: m, ci95: null, n: 1 };
  const half = (studentT975(xs.length - 1) * sampleStandardDeviation(xs as number[])) / Math.sqrt(xs.length);
  return { mean: m, ci95: [m - half, m + half], n: xs.length };
}
