import type { ScenarioModel } from '../scenarios/ScenarioModel.js';
import type { ChannelName } from '../sim/channels/index.js';
import type { K6Stat } from '../sim/metrics/MetricSpec.js';
import type { MetricSummary } from '../sim/replications/summarizeReplications.js';
import type { K6Measurement, K6Sample } from './k6Points.js';

/** One channel's metrics keyed by the registry's names, as measured by k6. */
export type ChannelSummary = Record<string, MetricSummary>;

/** One measured channel at run, day and interval levels, like the simulator's summary. */
export interface K6ChannelLevels<S = ChannelSummary> {
  run: S;
  days: S[];
  /** One per scenario interval over the whole calendar; all null outside the replayed window. */
  intervals: S[];
}

/** Values of k6 metrics by aggregate, as the threshold re-judgement reads them. */
export type K6Values = Record<string, Partial<Record<K6Stat, number | null>>>;

/**
 * A channel's part of a k6 run's results (results/<channel>/): its facts (`K6Measurement.channels`),
 * the samples they are read from, and its figures from them. readK6Points, runLoad and the threshold
 * re-judgement iterate the list in k6Results.ts. Methods (not function properties) so that a list of
 * channels with different facts is one list.
 */
export interface K6ChannelResults<Name extends ChannelName = ChannelName, Facts = unknown> {
  readonly channel: Name;
  /**
   * Its metrics over the measured contacts whose interval passes `keep` (a run, a day, an interval),
   * with `thresholdS` its service-level threshold.
   */
  measure(
    measurement: K6Measurement,
    thresholdS: number,
    keep?: (interval: number) => boolean,
  ): ChannelSummary;
  /** Its service-level threshold in a scenario; null when the scenario lacks the channel. */
  thresholdS(scenario: ScenarioModel): number | null;
  /** Its facts before any sample is read (empty lists). */
  emptyFacts(): Facts;
  /**
   * The k6 metrics whose samples carry its facts, and how a sample lands in them (readK6Points has
   * already skipped the samples of unmeasured intervals).
   */
  readonly samples: Readonly<Record<string, SampleReader<Facts>>>;
  /** Values of its transport-health metrics that are not registry metrics (e.g. phone's call_errors). */
  healthValues?(measurement: K6Measurement): K6Values;
}

/** How a sample lands in a channel's facts (a method type: bivariant in the facts, see above). */
type SampleReader<Facts> = { read(sample: K6Sample, into: Facts): void }['read'];

/** Any channel of the list (its facts seen as unknown). */
export type AnyK6ChannelResults = K6ChannelResults<ChannelName, unknown>;
