// E-mail's part of the replay profile: its demand, and its plan from its drawn arrivals: the VU pool,
// the polling (interval, bound, the horizon's grace), its thresholds. Pure and free of k6 imports.
import type { ScenarioModel } from '../../../scenarios/ScenarioModel.js';
import { k6TargetThresholds } from '../../../sim/metrics/judgeTargets.js';
import type { ChannelReplayPlan, PlanContext } from '../K6ChannelClient.js';
import type { ArrivalPlan, ChannelDemand, K6Stage, ProfileInterval } from '../planArrivals.js';

export interface EmailReplayPlan extends ChannelReplayPlan {
  intervals: ProfileInterval[];
  stages: K6Stage[];
  cumulative: number[];
  plannedEmails: number;
  /** Wall ms after the scenario start at which e-mail n is submitted (lead included); empty with even arrivals. */
  offsetsMs: number[];
  preAllocatedVUs: number;
  maxVUs: number;
  /** Wall ms between two polls of one e-mail's status. */
  pollEveryMs: number;
  /** At most this many polls of one e-mail. */
  maxPolls: number;
  /** Wall ms after the window's end until which unanswered e-mails are still polled (the horizon). */
  graceMs: number;
  /** The target's working time T, working seconds. */
  thresholdS: number;
  /** Model seconds of a scenario interval (an answer's interval from its model instant). */
  intervalS: number;
  thresholds: Record<string, string[]>;
}

/** Model seconds between two polls: about what a resident refreshing a status page would do. */
export const POLL_EVERY_MODEL_S = 120;
/** Never poll one e-mail more often than this (wall ms), whatever the time scale. */
export const MIN_POLL_MS = 250;
/** Polls of one e-mail at most: over a long horizon the interval grows instead. */
export const MAX_POLLS = 200;
/** The horizon's grace is at most this (wall ms): a replay does not idle for hours after its window. */
export const MAX_GRACE_MS = 10 * 60_000;

export function emailDemand(scenario: ScenarioModel): ChannelDemand | null {
  const { email } = scenario.channels;
  if (email === undefined) return null;
  return {
    channel: 'email',
    expectedAt: (k) => email.expectedEmails[k] ?? 0,
    // E-mails are sent around the clock, whatever the working hours.
    openAt: () => true,
    dailyCv: email.dailyCv,
  };
}

/**
 * The grace after the window's end (model seconds): until the last e-mail of the window runs out of
 * its target's working time, so that every e-mail has its verdict (answered within T, or past it)
 * when polling ends; capped at MAX_GRACE_MS of wall time.
 */
export function emailGraceMs(scenario: ScenarioModel, windowEndS: number, timeScale: number): number {
  const email = scenario.channels.email!;
  const dueS = email.workingHours.after(windowEndS, email.targets.thresholdS);
  const graceS = Number.isFinite(dueS) ? Math.max(0, dueS - windowEndS) : Number.POSITIVE_INFINITY;
  return Math.max(1000, Math.min(MAX_GRACE_MS, Math.ceil((graceS / timeScale) * 1000)));
}

export function emailPlan(scenario: ScenarioModel, plan: ArrivalPlan, context: PlanContext): EmailReplayPlan {
  const email = scenario.channels.email!;
  const { timeScale, endS, calendar } = context.settings;
  const graceMs = emailGraceMs(scenario, endS, timeScale);
  const horizonMs = plan.leadMs + plan.durationMs + graceMs;
  const pollEveryMs = Math.max(
    MIN_POLL_MS,
    Math.round((POLL_EVERY_MODEL_S / timeScale) * 1000),
    Math.ceil(horizonMs / MAX_POLLS),
  );
  // An e-mail holds its VU until answered or the horizon: at worst every e-mail at once. k6 drops an
  // iteration that finds no free VU while it initializes another, so the pool is sized for that.
  const peakRatePerMs = Math.max(0, ...plan.intervals.map((i) => i.plannedCalls / Math.max(1, i.wallMs)));
  const held = Math.ceil(peakRatePerMs * horizonMs * 1.2);
  return {
    intervals: plan.intervals,
    stages: plan.stages,
    cumulative: plan.cumulative,
    plannedEmails: plan.planned,
    offsetsMs: plan.offsetsMs,
    preAllocatedVUs: Math.min(plan.planned, held) + 5,
    maxVUs: plan.planned + 5,
    pollEveryMs,
    maxPolls: MAX_POLLS,
    graceMs,
    thresholdS: email.targets.thresholdS,
    intervalS: calendar.intervalS,
    thresholds: k6TargetThresholds('email', email.targets),
  };
}
