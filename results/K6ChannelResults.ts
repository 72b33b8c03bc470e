import type { ScenarioModel } from '../scenarios/ScenarioModel.js';
import type { ChannelName } from '../sim/channels/index.js';
import type { MetricSummary } from '../sim/replications/summarizeReplications.js';
import type { K6Measurement } from './k6Points.js';

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
}
