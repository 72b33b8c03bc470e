// Phone's part of the k6 config (ReplayConfig.channels.phone) and of the k6 options. Free of k6 and
// Node imports: bundled into the k6 script, unit-tested in Node.
import { arrivalRateScenario } from '../arrivalRateScenario.js';
import { type CallAdapter, resolveAdapter } from '../callAdapter.js';
import type { ReplayTarget } from '../K6ChannelClient.js';
import type { K6Stage } from '../planArrivals.js';
import type { RetrialConfig } from './phoneCalls.js';
import type { PhoneReplayPlan } from './phoneProfile.js';

export interface PhoneReplayConfig {
  stages: K6Stage[];
  preAllocatedVUs: number;
  maxVUs: number;
  /** See ArrivalPlan.cumulative. */
  cumulative: number[];
  /** Scenario interval index of each window interval. */
  intervalIndex: number[];
  /**
   * Whether calls follow an arrival schedule (PhoneReplayPlan.offsetsMs). The callers (their arrival
   * instants, patience, class and retrial draws: PhoneReplayPlan.callers) travel in their own JSON
   * file (CALLERS_FILE_ENV) that k6 loads once into a SharedArray, not into every VU.
   */
  scheduled: boolean;
  /** How calls are placed and replies read (the mocks' contract unless --adapter says otherwise). */
  adapter: CallAdapter;
  requestTimeoutMs: number;
  slThresholdS: number;
  /** Callers who call again, as the scenario says; null when the scenario has no retrials. */
  retrial: RetrialConfig | null;
}

/** Path of the JSON array of callers (CallerPlan, by iteration). */
export const CALLERS_FILE_ENV = 'HOTLINE_K6_CALLERS_FILE';

export function phoneReplayConfig(plan: PhoneReplayPlan, target: ReplayTarget): PhoneReplayConfig {
  return {
    stages: plan.stages,
    preAllocatedVUs: plan.preAllocatedVUs,
    maxVUs: plan.maxVUs,
    cumulative: plan.cumulative,
    intervalIndex: plan.intervals.map((i) => i.index),
    scheduled: plan.offsetsMs.length > 0,
    adapter: target.adapter ?? resolveAdapter(),
    requestTimeoutMs: plan.requestTimeoutMs,
    slThresholdS: plan.slThresholdS,
    retrial: plan.retrial,
  };
}

/** Phone's k6 scenario: one iteration per caller, on the profile's stages. */
export function phoneK6Scenario(
  config: PhoneReplayConfig,
  replay: { timeUnitMs: number; leadMs: number },
): Record<string, unknown> {
  // Calls still waiting at the end of the schedule finish: lead + longest hold.
  return arrivalRateScenario('phone', config, replay, config.requestTimeoutMs);
}
