// Phone's part of the replay profile: its demand, and its plan from its drawn arrivals: the callers
// (callerPlans.ts), the VU pool, the request timeout, its thresholds. Pure and free of k6 imports.
import type { ScenarioModel } from '../../../scenarios/ScenarioModel.js';
import type { PhoneModel } from '../../../sim/channels/phone/PhoneModel.js';
import { type ChannelTargets, k6TargetThresholds } from '../../../sim/metrics/judgeTargets.js';
import type { ChannelReplayPlan, PlanContext } from '../K6ChannelClient.js';
import type { ArrivalPlan, ChannelDemand, K6Stage, ProfileInterval } from '../planArrivals.js';
import { buildCallerPlans, type CallerPlan } from './callerPlans.js';
import type { RetrialConfig } from './phoneCalls.js';

export interface PhoneReplayPlan extends ChannelReplayPlan {
  intervals: ProfileInterval[];
  stages: K6Stage[];
  /** See ArrivalPlan.cumulative. */
  cumulative: number[];
  plannedCalls: number;
  /**
   * Wall ms after the scenario start at which iteration n sends its call (`poisson`), lead included;
   * empty with `even` arrivals (each call goes when k6 starts its iteration).
   */
  offsetsMs: number[];
  /** Caller n's draws (class, patience, IVR time, retrials), from the simulator's streams. */
  callers: CallerPlan[];
  /** Predicted calls in flight at the peak (VUs busy), before headroom. */
  peakConcurrency: number;
  preAllocatedVUs: number;
  maxVUs: number;
  /** Wall ms k6 waits for one call before failing it (a caller hangs up earlier, at its patience). */
  requestTimeoutMs: number;
  thresholds: Record<string, string[]>;
  /** T of the phone service level. */
  slThresholdS: number;
  /** The scenario's retrials, replayed by the calling VU itself (null: none). */
  retrial: RetrialConfig | null;
}

/** Share of calls assumed to fail (blocked, abandoned, closed) when sizing VUs for retrials. */
const RETRY_SIZING_FAILURE_SHARE = 0.1;

export const MAX_HTTP_FAILED_RATE = 0.01;

export function phoneDemand(scenario: ScenarioModel): ChannelDemand | null {
  const { phone } = scenario.channels;
  if (phone === undefined) return null;
  return {
    channel: 'phone',
    expectedAt: (k) => phone.expectedCalls[k] ?? 0,
    openAt: (k) => phone.open[k] === 1,
    dailyCv: phone.dailyCv,
  };
}

export function phonePlan(
  scenario: ScenarioModel,
  arrivals: ArrivalPlan,
  context: PlanContext,
): PhoneReplayPlan {
  const phone = scenario.channels.phone!;
  const { timeScale, timeUnitMs, seed } = context.settings;
  const holdMs = expectedHoldMs(phone, timeScale);
  const peakRatePerMs = Math.max(0, ...arrivals.intervals.map((i) => i.target / timeUnitMs));
  // Little's law: calls in flight = arrival rate x time a VU holds a call (sleep until its arrival,
  // about the lead on average, then the wait and the reply; a caller who calls again holds it through
  // the retrial delay too).
  const retrial = phone.retrial ?? null;
  // How many calls fail is what the replay measures; the pool assumes up to RETRY_SIZING_FAILURE_SHARE
  // of them, and maxVUs leaves room for more (k6 reports dropped iterations if even that is short).
  const retryHoldMs = retrial
    ? RETRY_SIZING_FAILURE_SHARE *
      Math.max(retrial.afterBlocked, retrial.afterAbandoned, retrial.afterClosed) *
      (retrial.maxAttempts - 1) *
      ((retrial.delay.mean / timeScale) * 1000 + holdMs)
    : 0;
  const peakConcurrency = peakRatePerMs * (context.leadMs + holdMs + retryHoldMs);
  const preAllocatedVUs = Math.ceil(peakConcurrency * 1.5) + 5;
  const maxVUs = Math.max(preAllocatedVUs * (retrial ? 3 : 2), preAllocatedVUs + 50);
  const longestPatienceS = Math.max(...phone.classes.map((c) => c.patience.mean));
  // A call never waits longer than its patience; allow a generous tail (10 mean patiences) plus 30 s.
  const requestTimeoutMs = Math.round((10 * longestPatienceS * 1000) / timeScale + 30_000);
  return {
    intervals: arrivals.intervals,
    stages: arrivals.stages,
    cumulative: arrivals.cumulative,
    plannedCalls: arrivals.planned,
    offsetsMs: arrivals.offsetsMs,
    callers: buildCallerPlans(scenario, arrivals.planned, arrivals.offsetsMs, seed),
    peakConcurrency,
    preAllocatedVUs,
    maxVUs,
    requestTimeoutMs: Number.isFinite(requestTimeoutMs) ? requestTimeoutMs : 600_000,
    thresholds: phoneThresholds(phone.targets),
    slThresholdS: phone.targets.thresholdS,
    retrial: retrial
      ? {
          afterBlocked: retrial.afterBlocked,
          afterAbandoned: retrial.afterAbandoned,
          afterClosed: retrial.afterClosed,
          maxAttempts: retrial.maxAttempts,
          delay: retrial.delaySpec,
        }
      : null,
  };
}

/**
 * Expected wall ms a request is held: the caller's wait, compressed. Bounded above by the mean
 * patience (nobody waits longer than they are willing to) plus the IVR time, plus 50 ms of HTTP.
 */
function expectedHoldMs(phone: PhoneModel, timeScale: number): number {
  const patienceS = Math.max(...phone.classes.map((c) => c.patience.mean));
  const waitS = Number.isFinite(patienceS) ? patienceS : 600;
  const ivrS = phone.ivr?.time.mean ?? 0;
  return ((waitS + ivrS) / timeScale) * 1000 + 50;
}

/** k6 thresholds: the scenario's targets as judgeTargets checks them (k6TargetThresholds), plus transport health. */
export function phoneThresholds(targets: ChannelTargets): Record<string, string[]> {
  const thresholds = k6TargetThresholds('phone', targets);
  // Hang-ups are timed-out requests, so k6's http_req_failed counts them; call_errors does not.
  thresholds.call_errors = [`rate<${MAX_HTTP_FAILED_RATE}`];
  thresholds.dropped_iterations = ['count==0'];
  return thresholds;
}
