// Outbound's part of the replay profile. The k6 client plays the callees, so it has no arrivals of
// its own (the mocks' model dials): its demand is zero in every interval, and its plan is the callee
// pool (VUs) and the callees' draws. Pure and free of k6 imports.
import type { ScenarioModel } from '../../../scenarios/ScenarioModel.js';
import type { ChannelReplayPlan, PlanContext } from '../K6ChannelClient.js';
import type { ArrivalPlan, ChannelDemand, ProfileInterval } from '../planArrivals.js';
import { type CalleePlan, drawCallees } from './outboundCallees.js';
import { CLAIM_WAIT_MS } from './outboundReplayConfig.js';
import { predictedPeakDialling } from './predictedDialling.js';

export interface OutboundReplayPlan extends ChannelReplayPlan {
  intervals: ProfileInterval[];
  /** VUs of the callee service: each holds one answered line at a time; more wait for rings. */
  calleeVus: number;
  /** The callees of the claims, by k6's iteration number (the plans file). */
  callees: CalleePlan[];
  maxAttempts: number;
  /** Model seconds of a scenario interval (a dial's interval from its model instant). */
  intervalS: number;
  thresholds: Record<string, string[]>;
}

/** VUs of the callee service at most (k6 memory on a shared machine); the rest ring unclaimed. */
export const MAX_CALLEE_VUS = 500;
/** Callee draws at most; past them the plans repeat from the first. */
export const MAX_CALLEES = 100_000;

export function outboundDemand(scenario: ScenarioModel): ChannelDemand | null {
  const { outbound } = scenario.channels;
  if (outbound === undefined) return null;
  // No arrivals from k6: the model dials. The k6 scenario is a pool of callees (constant VUs).
  return { channel: 'outbound', expectedAt: () => 0, openAt: (k) => outbound.open[k] === 1, dailyCv: 0 };
}

/**
 * The most agents that may be on outbound dials at once in [startS, endS): the peak on duty in the
 * groups with the outbound skill, less the T that must stay idle (at least 1).
 */
export function peakDiallers(scenario: ScenarioModel, startS: number, endS: number): number {
  let peak = 0;
  for (const group of scenario.agentGroups) {
    if (!group.skills.includes('outbound')) continue;
    const { changeTimesS, agents } = group.staffing;
    for (let i = 0; i < agents.length; i++) {
      const from = changeTimesS[i]!;
      const to = i + 1 < changeTimesS.length ? changeTimesS[i + 1]! : Number.POSITIVE_INFINITY;
      if (from < endS && to > startS) peak = Math.max(peak, agents[i]!);
    }
  }
  return Math.max(1, peak - scenario.channels.outbound!.reserveIdleAgents);
}

/**
 * A generous bound on the claims of the window: the dials (every possible dialler busy on
 * back-to-back dials of the mean length (connected: talk + after-call work; else the no-answer
 * time), doubled) and the claims that find none (each VU's long polls that run out, `idleClaims`).
 */
export function claimsBound(
  scenario: ScenarioModel,
  diallers: number,
  windowS: number,
  idleClaims: number,
): number {
  const outbound = scenario.channels.outbound!;
  const p = outbound.connectProbability;
  const meanDialS =
    p * (outbound.talkTime.mean + (outbound.afterCallWork?.mean ?? 0)) + (1 - p) * outbound.noAnswerTime.mean;
  return Math.min(
    MAX_CALLEES,
    Math.ceil((2 * diallers * windowS) / Math.max(1, meanDialS)) + idleClaims + 50,
  );
}

export function outboundPlan(
  scenario: ScenarioModel,
  plan: ArrivalPlan,
  context: PlanContext,
): OutboundReplayPlan {
  const outbound = scenario.channels.outbound!;
  const { startS, endS, seed, calendar, timeScale } = context.settings;
  const diallers = peakDiallers(scenario, startS, endS);
  // A VU per line held: the simulator's peak of dials in progress in the window (replication 0, the
  // mocks' own morning) with half again and 5 spare, never more than every dialler's callee + 1.
  const predicted = predictedPeakDialling(scenario, seed, startS, endS);
  const calleeVus = Math.min(MAX_CALLEE_VUS, diallers + 1, Math.ceil(predicted * 1.5) + 5);
  const wallMs = ((endS - startS) / timeScale) * 1000;
  const idleClaims = calleeVus * (Math.ceil(wallMs / CLAIM_WAIT_MS) + 1);
  return {
    intervals: plan.intervals,
    calleeVus,
    callees: drawCallees(
      claimsBound(scenario, diallers, endS - startS, idleClaims),
      outbound.connectProbability,
      outbound.talkTime,
      seed,
    ),
    maxAttempts: outbound.maxAttempts,
    intervalS: calendar.intervalS,
    // The campaign's target (reached within a day of loading) is not visible to a callee.
    thresholds: {},
  };
}
