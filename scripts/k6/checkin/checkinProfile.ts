// The check-in channel's part of the replay profile: its demand (the check-ins actually submitted),
// and its plan from its drawn arrivals: who uploads from where, the polling, the VU pool. Pure and
// free of k6 imports.
import type { ScenarioModel } from '../../../scenarios/ScenarioModel.js';
import type { CheckinModel } from '../../../sim/channels/checkin/CheckinModel.js';
import { createStream } from '../../../sim/rng/createStream.js';
import type { ChannelReplayPlan, PlanContext } from '../K6ChannelClient.js';
import type { ArrivalPlan, ChannelDemand, K6Stage, ProfileInterval } from '../planArrivals.js';
import {
  type CheckinPolling,
  type CheckinUploadPlan,
  checkinPolling,
  drawCheckinUploads,
} from './checkinUploads.js';

export interface CheckinReplayPlan extends ChannelReplayPlan {
  intervals: ProfileInterval[];
  stages: K6Stage[];
  cumulative: number[];
  plannedUploads: number;
  /** Wall ms after the scenario start at which upload n is sent (lead included); empty with even arrivals. */
  offsetsMs: number[];
  /** Upload n's person and geolocation (iteration n). */
  uploads: CheckinUploadPlan[];
  polling: CheckinPolling;
  preAllocatedVUs: number;
  maxVUs: number;
  /** The confirmation threshold T, model seconds. */
  thresholdS: number;
  thresholds: Record<string, string[]>;
}

/**
 * Share of prompts that become an upload, as CheckinProcess draws a prompt: the person can use the
 * app, the prompt is neither unanswered nor an app error, and the response comes before the deadline.
 */
export function submittedShare(checkin: CheckinModel): number {
  const [noResponse, appError] = checkin.failureProbability;
  return (1 - checkin.cannotUseAppShare) * Math.max(0, 1 - noResponse! - appError!) * withinDeadline(checkin);
}

/** Draws of the response delay that estimate P(delay <= deadline) (exact for a constant delay). */
const DEADLINE_DRAWS = 20_000;

/**
 * P(response delay <= deadline). Distributions carry no CDF, so it is estimated from DEADLINE_DRAWS
 * draws of a fixed stream (standard error below 0.0036): the same number for every seed.
 */
export function withinDeadline(checkin: CheckinModel): number {
  const { responseDelay, deadlineS } = checkin;
  if (responseDelay.cv === 0) return responseDelay.mean <= deadlineS ? 1 : 0;
  const rng = createStream('replay', 'checkin.withinDeadline', 0);
  let within = 0;
  for (let i = 0; i < DEADLINE_DRAWS; i++) if (responseDelay.sample(rng) <= deadlineS) within++;
  return within / DEADLINE_DRAWS;
}

/**
 * The check-ins uploaded per interval: the model's expected prompts x the submitted share. The
 * simulator submits a check-in a response delay after its prompt; a shifted Poisson process with
 * independent delays is Poisson with the rate shifted by the delay (minutes against hourly intervals),
 * so the replay draws the uploads in the prompts' intervals (exact for a flat prompt profile in steady
 * state). No day factor: the simulator draws prompts without one.
 */
export function checkinDemand(scenario: ScenarioModel): ChannelDemand | null {
  const { checkin } = scenario.channels;
  if (checkin === undefined) return null;
  const share = submittedShare(checkin);
  return {
    channel: 'checkin',
    expectedAt: (k) => (checkin.expectedPrompts[k] ?? 0) * share,
    openAt: () => true,
    dailyCv: 0,
  };
}

/** Model seconds a client polls a check-in for: an hour at least (FACTS: photo confirmation took about an hour). */
export function pollForS(checkin: CheckinModel): number {
  return Math.max(3600, 4 * checkin.targets.thresholdS);
}

export function checkinPlan(
  scenario: ScenarioModel,
  plan: ArrivalPlan,
  context: PlanContext,
): CheckinReplayPlan {
  const checkin = scenario.channels.checkin!;
  const { timeScale, seed, startS } = context.settings;
  const thresholdS = checkin.targets.thresholdS;
  const forS = pollForS(checkin);
  const polling = checkinPolling(Math.max(1, thresholdS / 30), forS, timeScale);
  // Little's law on uploads: the verification, and for the review share half the polling (generous).
  const holdS = checkin.verificationLatency.mean + (checkin.reviewShare * forS) / 2;
  const peakRatePerMs = Math.max(0, ...plan.intervals.map((i) => i.plannedCalls / Math.max(1, i.wallMs)));
  const peak = peakRatePerMs * (plan.leadMs + (holdS / timeScale) * 1000 + polling.everyMs + 100);
  const preAllocatedVUs = Math.ceil(peak * 1.5) + 5;
  const intervalS = scenario.calendar.intervalS;
  const people = Math.round(checkin.population[Math.floor(startS / intervalS)] ?? 0);
  return {
    intervals: plan.intervals,
    stages: plan.stages,
    cumulative: plan.cumulative,
    plannedUploads: plan.planned,
    offsetsMs: plan.offsetsMs,
    uploads: drawCheckinUploads(plan.planned, people, seed),
    polling,
    preAllocatedVUs,
    maxVUs: Math.max(preAllocatedVUs * 2, preAllocatedVUs + 50),
    thresholdS,
    // The check-in targets (confirmed within T, failure rate of prompts) have no k6 source: the
    // failure rate needs the prompts, which the client cannot see; the run is judged after k6.
    thresholds: {},
  };
}
