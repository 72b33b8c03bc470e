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
  checkinPolling,
  drawCheckinUploads,
  type TimedCheckinUpload,
} from './checkinUploads.js';

export interface CheckinReplayPlan extends ChannelReplayPlan {
  intervals: ProfileInterval[];
  stages: K6Stage[];
  cumulative: number[];
  plannedUploads: number;
  /** Wall ms after the scenario start at which upload n is sent (lead included); empty with even arrivals. */
  offsetsMs: number[];
  /** Upload n's person, geolocation and response delay (iteration n). */
  uploads: TimedCheckinUpload[];
  polling: CheckinPolling;
  preAllocatedVUs: number;
  maxVUs: number;
  /** The confirmation threshold T, model seconds. */
  thresholdS: number;
  timeScale: number;
  /** The response deadline in wall ms (the longest response delay of an upload). */
  deadlineMs: number;
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
 * The check-ins uploaded for the prompts of each interval: the model's expected prompts x the
 * submitted share. planArrivals draws those prompts' instants (streams checkin.demand and
 * checkin.arrivals, as the simulator's prompts; no day factor, as the simulator's); each upload is
 * then sent a response delay after its prompt (drawResponseDelays), as the simulator submits it. So
 * the uploads of a window's last prompts land after the window, and the window starts with the
 * uploads of earlier prompts: the warm-started mocks' own (their prompts stop at the window start).
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

/** Most draws for one delay within the deadline before the deadline itself is taken. */
const MAX_REDRAWS = 1000;

/**
 * Each upload's response delay (model seconds), from the simulator's stream `checkin.responseDelay`
 * (replication 0), given that it is within the deadline (an upload is a response in time: a later
 * one is a missed prompt, which the client does not send).
 */
export function drawResponseDelays(checkin: CheckinModel, count: number, seed: number | string): number[] {
  const rng = createStream(seed, 'checkin.responseDelay', 0);
  const { responseDelay, deadlineS } = checkin;
  return Array.from({ length: count }, () => {
    for (let tries = 0; tries < MAX_REDRAWS; tries++) {
      const s = responseDelay.sample(rng);
      if (s <= deadlineS) return Math.round(s * 1000) / 1000;
    }
    return deadlineS;
  });
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
  // Every tenth of the threshold: the decision's time comes from the status, not from the poll that
  // sees it, so polling faster would only load the target (and the 2 cores a replay may share).
  const polling = checkinPolling(Math.max(1, thresholdS / 10), forS, timeScale);
  // Little's law on uploads: the verification, and for the review share half the polling (generous).
  // Each iteration first sleeps through its response delay (at most the deadline).
  const holdS =
    Math.min(checkin.responseDelay.mean, checkin.deadlineS) +
    checkin.verificationLatency.mean +
    (checkin.reviewShare * forS) / 2;
  const peakRatePerMs = Math.max(0, ...plan.intervals.map((i) => i.plannedCalls / Math.max(1, i.wallMs)));
  const peak = peakRatePerMs * (plan.leadMs + (holdS / timeScale) * 1000 + polling.everyMs + 100);
  const preAllocatedVUs = Math.ceil(peak * 1.5) + 5;
  const intervalS = scenario.calendar.intervalS;
  const delays = drawResponseDelays(checkin, plan.planned, seed);
  const people = Math.round(checkin.population[Math.floor(startS / intervalS)] ?? 0);
  return {
    intervals: plan.intervals,
    stages: plan.stages,
    cumulative: plan.cumulative,
    plannedUploads: plan.planned,
    offsetsMs: plan.offsetsMs,
    uploads: drawCheckinUploads(plan.planned, people, seed).map((upload, n) => ({
      ...upload,
      delayS: delays[n]!,
    })),
    polling,
    preAllocatedVUs,
    maxVUs: Math.max(preAllocatedVUs * 2, preAllocatedVUs + 50),
    thresholdS,
    timeScale,
    deadlineMs: Math.round((checkin.deadlineS / timeScale) * 1000),
    // The check-in targets (confirmed within T, failure rate of prompts) have no k6 source: a
    // confirmation is seen by a later poll, the failure rate needs the prompts the client cannot
    // see. runLoad judges them on the measured run (results/targetsAfterReplay.ts).
    thresholds: {},
  };
}
