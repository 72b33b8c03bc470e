import type { Distribution } from '../../distributions/Distribution.js';
import type { ChannelTargets } from '../../metrics/judgeTargets.js';

/** Why a check-in failed; the order is the order of counters, metrics and call rules. */
export const FAILURE_MODES = [
  'noResponse',
  'appError',
  'geolocationWrong',
  'photoNotIdentified',
  'cannotUseApp',
] as const;
export type FailureMode = (typeof FAILURE_MODES)[number];

/** A failure's call to the hotline: with this probability, after this delay. */
export interface CallRuleModel {
  readonly probability: number;
  readonly delay: Distribution | null;
}

/** The check-in channel, frozen: durations in seconds, distributions as objects. */
export interface CheckinModel {
  /** Expected people under monitoring, the mean over each interval of the horizon. */
  readonly population: Float64Array;
  /** Expected prompts per interval (population x prompt rate x interval), before any draw. */
  readonly expectedPrompts: Float64Array;
  readonly responseDelay: Distribution;
  readonly deadlineS: number;
  /** Probability of each mode per prompt to an app user, FAILURE_MODES order (cannotUseApp: 0). */
  readonly failureProbability: Float64Array;
  /** Share of app users' prompts sent to manual review. */
  readonly reviewShare: number;
  readonly verificationCapacity: number;
  readonly verificationLatency: Distribution;
  /** An agent's work on one manual review (review skill); null when reviewShare is 0. */
  readonly reviewTime: Distribution | null;
  /** Call rule per mode, FAILURE_MODES order. */
  readonly calls: readonly CallRuleModel[];
  /** Share of the population who cannot run the app. */
  readonly cannotUseAppShare: number;
  readonly targets: ChannelTargets;
  readonly maxFailureRate: number | null;
}
