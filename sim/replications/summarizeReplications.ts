import { mean, sampleStandardDeviation } from 'simple-statistics';
import type { ChatMetric } from '../channels/chat/chatMetricSpecs.js';
import type { ChatMetrics } from '../channels/chat/deriveChatMetrics.js';
import { CLASS_METRICS, type ClassMetric } from '../metrics/ClassMetrics.js';
import { metricNames } from '../metrics/metricRegistry.js';
import type { PhoneMetric, PhoneMetrics } from '../metrics/PhoneMetrics.js';
import { studentT975 } from '../metrics/studentT975.js';
import type { ReplicationMetrics } from './measureReplication.js';

/** Mean over replications and its 95% Student-t confidence interval; null where undefined. */
export interface MetricSummary {
  mean: number | null;
  ci95: [number, number] | null;
  /** Replications in which the metric was defined (e.g. had answered calls). */
  n: number;
}

export type PhoneSummary = Record<PhoneMetric, MetricSummary>;

export type ClassSummary = Record<ClassMetric, MetricSummary>;

export type ChatSummary = Record<ChatMetric, MetricSummary>;

/** A channel's summary at the three levels: run (or window), days, intervals. */
export interface ChannelLevels<S> {
  readonly run: S;
  readonly days: S[];
  readonly intervals: S[];
}

export interface ReplicationSummary {
  /** The chat channel; null when the scenario has none. */
  readonly chat: ChannelLevels<ChatSummary> | null;
  readonly run: PhoneSummary;
  /** Per priority class, in priority order (highest first). */
  readonly classes: ClassSummary[];
  readonly days: PhoneSummary[];
  readonly intervals: PhoneSummary[];
}

export function summarizeReplications(replications: readonly ReplicationMetrics[]): ReplicationSummary {
  const first = replications[0];
  if (!first) throw new RangeError('no replications to summarize');
  const chat = first.chat;
  return {
    chat:
      chat === null
        ? null
        : {
            run: summarizeChat(replications.map((r) => r.chat!.run)),
            days: chat.days.map((_, d) => summarizeChat(replications.map((r) => r.chat!.days[d]!))),
            intervals: chat.intervals.map((_, i) =>
              summarizeChat(replications.map((r) => r.chat!.intervals[i]!)),
            ),
          },
    run: summarizeLevel(replications.map((r) => r.run)),
    classes: first.classes.map((_, k) => {
      const out = {} as ClassSummary;
      for (const metric of CLASS_METRICS) {
        out[metric] = summarizeValues(
          replications.map((r) => r.classes[k]![metric]).filter((x): x is number => x !== null),
        );
      }
      return out;
    }),
    days: first.days.map((_, d) => summarizeLevel(replications.map((r) => r.days[d]!))),
    intervals: first.intervals.map((_, i) => summarizeLevel(replications.map((r) => r.intervals[i]!))),
  };
}

function summarizeLevel(values: readonly PhoneMetrics[]): PhoneSummary {
  const out = {} as PhoneSummary;
  for (const metric of metricNames('phone')) {
    out[metric] = summarizeValues(values.map((v) => v[metric]).filter((x): x is number => x !== null));
  }
  return out;
}

function summarizeChat(values: readonly ChatMetrics[]): ChatSummary {
  const out = {} as ChatSummary;
  for (const metric of metricNames('chat')) {
    out[metric] = summarizeValues(values.map((v) => v[metric]).filter((x): x is number => x !== null));
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
