import type { ScenarioModel } from '../scenarios/ScenarioModel.js';
import type { ChannelName } from '../sim/channels/index.js';
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

/**
 * A channel's part of a k6 run's results (results/<channel>/): its figures from the facts k6
 * recorded. runLoad and the threshold re-judgement iterate the list in k6ChannelResults.ts.
 */
export interface K6ChannelResults {
  readonly channel: ChannelName;
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
  /** Its fields of a measurement before any sample is read (empty lists). */
  emptyFacts(): Partial<K6Measurement>;
  /**
   * The k6 metrics whose samples carry its facts, and how a sample lands in the measurement
   * (readK6Points has already skipped the samples of unmeasured intervals).
   */
  readonly samples: Readonly<Record<string, (sample: K6Sample, into: K6Measurement) => void>>;
}
