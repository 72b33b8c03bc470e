// The portal channel's part of the k6 config (ReplayConfig.channels.portal), of the k6 options and of
// its plans file. Free of k6 and Node imports: bundled into the k6 script, unit-tested in Node.
import { arrivalRateScenario } from '../arrivalRateScenario.js';
import type { K6Stage } from '../planArrivals.js';
import type { UploadedApplication } from './applicationUpload.js';
import type { PortalReplayPlan } from './portalProfile.js';

/** The portal scenario of the replay; its applications travel in PORTAL_APPLICATIONS_FILE_ENV. */
export interface PortalReplayConfig {
  stages: K6Stage[];
  preAllocatedVUs: number;
  maxVUs: number;
  cumulative: number[];
  /** Scenario interval index of each window interval (the `interval` tag). */
  intervalIndex: number[];
}

/** One entry per planned application (SharedArray): when it is submitted, what, and its status checks. */
export interface PortalApplicationEntry extends UploadedApplication {
  /** Wall ms after the scenario start of its submission (lead included); null with even arrivals (when started). */
  atMs: number | null;
  /** Wall ms after the upload of each status check (the checks past the window's end are skipped). */
  checksAfterMs: number[];
}

/** Path of the JSON array of portal applications (PortalApplicationEntry, by iteration of the portal scenario). */
export const PORTAL_APPLICATIONS_FILE_ENV = 'HOTLINE_K6_PORTAL_FILE';

/** Wall ms an upload or a status check may take before k6 gives up on it. */
export const PORTAL_REQUEST_TIMEOUT_MS = 60_000;

export function portalApplicationEntries(plan: PortalReplayPlan | undefined): PortalApplicationEntry[] {
  if (plan === undefined) return [];
  return plan.applications.map((application, n) => ({ ...application, atMs: plan.offsetsMs[n] ?? null }));
}

export function portalReplayConfig(plan: PortalReplayPlan): PortalReplayConfig {
  return {
    stages: plan.stages,
    preAllocatedVUs: plan.preAllocatedVUs,
    maxVUs: plan.maxVUs,
    cumulative: plan.cumulative,
    intervalIndex: plan.intervals.map((i) => i.index),
  };
}

/**
 * The portal k6 scenario: one submission (and its status checks) per planned application. Checks end
 * with the window, so after the schedule an iteration has at most its upload or one check left.
 */
export function portalK6Scenario(
  config: PortalReplayConfig,
  replay: { timeUnitMs: number; leadMs: number },
): Record<string, unknown> {
  return arrivalRateScenario('portal', config, replay, PORTAL_REQUEST_TIMEOUT_MS);
}

/** Which window interval a wall instant (ms after the scenario start) falls in; -1 outside the window. */
export function windowIntervalAt(
  intervalWallStartMs: readonly number[],
  windowEndWallMs: number,
  wallMs: number,
): number {
  if (wallMs >= windowEndWallMs || intervalWallStartMs.length === 0) return -1;
  let k = intervalWallStartMs.length - 1;
  while (k > 0 && intervalWallStartMs[k]! > wallMs) k--;
  return k;
}
