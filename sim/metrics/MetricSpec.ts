// What the harness knows about one metric of one channel, declared once (in the channel's folder,
// e.g. sim/channels/phone/phoneMetricSpecs.ts) and read by every consumer: summaries, intervals.csv,
// report charts and tables, compare, the --fail-on gate, k6 thresholds and `hotline sim`'s table.
import type { ServiceLevelKind } from './serviceLevel.js';

/** How a metric reads: shares as %, durations in seconds, the rest as plain numbers. */
export type MetricUnit = 'count' | 'share' | 'seconds' | 'agents' | 'hours';

/** Which way is better; 'neutral' where more is neither good nor bad (demand, staff). */
export type MetricDirection = 'higher' | 'lower' | 'neutral';

/** The k6 aggregate a threshold expression tests (`rate>=0.8`, `avg<=30`, `p(90)<=60`...). */
export type K6Stat = 'rate' | 'avg' | 'count' | 'max' | 'p(50)' | 'p(80)' | 'p(90)' | 'p(95)' | 'p(99)';

/** Where a k6 replay carries the metric: a k6 metric (optionally with tags) and its aggregate. */
export interface K6Source {
  /** k6 metric name as thresholds spell it, e.g. `sl_offered` or `calls{outcome:answered}`. */
  readonly metric: string;
  readonly stat: K6Stat;
}

/** Views that pick a subset of the metrics: the report's per-day table, the compare table. */
export type MetricView = 'table' | 'compare';

export interface MetricSpec<Name extends string = string> {
  /** The name in summary.json, intervals.csv, --fail-on rules and targets: `slOffered`, `asaS`. */
  readonly name: Name;
  readonly channel: string;
  /** For people, naming the variant ("SL (slOffered)", never just "SL"). */
  readonly label: string;
  /** Also how it is formatted (formatValue in results/report/formatMetric.ts reads only this). */
  readonly unit: MetricUnit;
  readonly direction: MetricDirection;
  /** How a k6 replay measures it; null when a client cannot see it (occupancy, agents...). */
  readonly k6: K6Source | null;
  /** The service-level kind when the metric is a service level; null otherwise. */
  readonly serviceLevel: ServiceLevelKind | null;
  /** Whether per-interval charts draw its 95% interval as a band. */
  readonly band: boolean;
  readonly views: readonly MetricView[];
}

/** A threshold in words: `long` after the goal ("within 20 s"), `short` after a column's metric ("@20s"). */
export interface ThresholdText {
  readonly long: string;
  readonly short: string;
}

/** What a channel declares: its metrics, in the order files list them, and what its targets limit. */
export interface ChannelMetricSpecs<Name extends string = string> {
  readonly channel: string;
  readonly metrics: readonly MetricSpec<Name>[];
  /** The service-level variant reports fall back to when the targets name none. */
  readonly defaultServiceLevel: Name;
  /** The metrics the scenario's `maxAbandonRate` and `maxAsa` targets limit. */
  readonly targetMetrics: { readonly abandonRate: Name; readonly asa: Name };
  /**
   * How the service level's threshold reads when it is not seconds on the wall clock: e-mail's 9h
   * are working time, the portal's threshold is each application type's own deadline. Absent:
   * "within 20 s" and "@20s" (sim/metrics/thresholdText.ts).
   */
  readonly thresholdText?: (thresholdS: number) => ThresholdText;
}
