// The portal channel's part of the replay profile: its demand (the applications the simulator starts
// per interval) and its plan from its drawn arrivals: what each application uploads, when its
// applicant checks the status, the VU pool. Pure and free of k6 imports.
import type { ScenarioModel } from '../../../scenarios/ScenarioModel.js';
import type { ChannelReplayPlan, PlanContext } from '../K6ChannelClient.js';
import type { ArrivalPlan, ChannelDemand, K6Stage, ProfileInterval } from '../planArrivals.js';
import { drawPortalApplications, type PlannedApplication } from './portalApplications.js';

export interface PortalReplayPlan extends ChannelReplayPlan {
  intervals: ProfileInterval[];
  stages: K6Stage[];
  cumulative: number[];
  plannedApplications: number;
  /** Wall ms after the scenario start at which application n is submitted (lead included); empty with even arrivals. */
  offsetsMs: number[];
  /** Application n's submission and status checks (iteration n). */
  applications: PlannedApplication[];
  preAllocatedVUs: number;
  maxVUs: number;
  timeScale: number;
  thresholds: Record<string, string[]>;
}

/** The applications started per interval, as the simulator's own applicants (open around the clock). */
export function portalDemand(scenario: ScenarioModel): ChannelDemand | null {
  const { portal } = scenario.channels;
  if (portal === undefined) return null;
  return {
    channel: 'portal',
    expectedAt: (k) => portal.expectedApplications[k] ?? 0,
    openAt: () => true,
    dailyCv: portal.dailyCv,
  };
}

/** Wall ms an upload (and each status check) is given in the VU sizing: a few MB on loopback. */
export const UPLOAD_ALLOWANCE_MS = 2000;

/**
 * The portal's plan: one iteration per application drawn by planArrivals (streams portal.demand and
 * portal.arrivals, the simulator's day factor), each a first submission with its documents and status
 * checks (drawPortalApplications). VUs: an application holds one from its submission to its last
 * status check (within the window), so the pool is the plan's largest overlap of those spans.
 */
export function portalPlan(
  scenario: ScenarioModel,
  plan: ArrivalPlan,
  context: PlanContext,
): PortalReplayPlan {
  const portal = scenario.channels.portal!;
  const { timeScale, seed, endS } = context.settings;
  const sendMs = submissionWallMs(plan);
  const arrivalsS = sendMs.map((ms) => modelSecondsAt(plan, ms, context));
  const applications = drawPortalApplications(portal, { seed, timeScale, endS, arrivalsS });
  const spans = applications.map((a, n) => ({
    from: sendMs[n]!,
    to: sendMs[n]! + (a.checksAfterMs[a.checksAfterMs.length - 1] ?? 0) + UPLOAD_ALLOWANCE_MS,
  }));
  const preAllocatedVUs = Math.ceil(largestOverlap(spans) * 1.5) + 5;
  return {
    intervals: plan.intervals,
    stages: plan.stages,
    cumulative: plan.cumulative,
    plannedApplications: plan.planned,
    offsetsMs: plan.offsetsMs,
    applications,
    preAllocatedVUs,
    maxVUs: Math.max(preAllocatedVUs * 2, preAllocatedVUs + 50),
    timeScale,
    // The portal's target (decisions on time, working days away) has no k6 source: no threshold.
    thresholds: {},
  };
}

/**
 * Wall ms after the scenario start of each submission: its drawn instant (Poisson), or with even
 * arrivals the middle of its share of its interval (k6's lattice is close to that).
 */
export function submissionWallMs(plan: ArrivalPlan): number[] {
  if (plan.offsetsMs.length === plan.planned) return [...plan.offsetsMs];
  const out: number[] = [];
  let wallStart = plan.leadMs;
  plan.intervals.forEach((interval, k) => {
    const count = plan.cumulative[k + 1]! - plan.cumulative[k]!;
    for (let j = 0; j < count; j++) out.push(wallStart + ((j + 0.5) / count) * interval.wallMs);
    wallStart += interval.wallMs;
  });
  return out;
}

/** The model time of a wall instant (ms after the scenario start, lead included). */
function modelSecondsAt(plan: ArrivalPlan, wallMs: number, context: PlanContext): number {
  const { startS, timeScale } = context.settings;
  return startS + ((wallMs - plan.leadMs) / 1000) * timeScale;
}

/** The most spans [from, to) that overlap at any instant (a sweep over their ends). */
export function largestOverlap(spans: readonly { from: number; to: number }[]): number {
  const events = spans.flatMap((s) => [
    { at: s.from, delta: 1 },
    { at: s.to, delta: -1 },
  ]);
  events.sort((a, b) => a.at - b.at || a.delta - b.delta);
  let open = 0;
  let most = 0;
  for (const e of events) {
    open += e.delta;
    most = Math.max(most, open);
  }
  return most;
}
