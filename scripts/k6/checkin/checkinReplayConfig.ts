// The check-in channel's part of the k6 config (ReplayConfig.channels.checkin), of the k6 options and
// of its plans file. Free of k6 and Node imports: bundled into the k6 script, unit-tested in Node.
import { arrivalRateScenario } from '../arrivalRateScenario.js';
import type { K6Stage } from '../planArrivals.js';
import type { CheckinReplayPlan } from './checkinProfile.js';
import type { CheckinPolling, CheckinUploadPlan } from './checkinUploads.js';

/** The check-in scenario of the replay; its uploads and instants travel in CHECKIN_UPLOADS_FILE_ENV. */
export interface CheckinReplayConfig {
  stages: K6Stage[];
  preAllocatedVUs: number;
  maxVUs: number;
  cumulative: number[];
  intervalIndex: number[];
  polling: CheckinPolling;
  thresholdS: number;
}

/** One entry per planned upload (SharedArray): when it is sent, by whom, from where. */
export interface CheckinUploadEntry extends CheckinUploadPlan {
  /** Wall ms after the scenario start (lead included); null with even arrivals (sent when started). */
  atMs: number | null;
}

/** Path of the JSON array of check-in uploads (CheckinUploadEntry, by iteration of the checkin scenario). */
export const CHECKIN_UPLOADS_FILE_ENV = 'HOTLINE_K6_CHECKIN_FILE';

export function checkinUploadEntries(plan: CheckinReplayPlan | undefined): CheckinUploadEntry[] {
  if (plan === undefined) return [];
  return plan.uploads.map((upload, n) => ({ ...upload, atMs: plan.offsetsMs[n] ?? null }));
}

export function checkinReplayConfig(plan: CheckinReplayPlan): CheckinReplayConfig {
  return {
    stages: plan.stages,
    preAllocatedVUs: plan.preAllocatedVUs,
    maxVUs: plan.maxVUs,
    cumulative: plan.cumulative,
    intervalIndex: plan.intervals.map((i) => i.index),
    polling: plan.polling,
    thresholdS: plan.thresholdS,
  };
}

/** Wall ms an iteration may last: every poll, plus time for the requests themselves. */
export function longestUploadMs(polling: CheckinPolling): number {
  return polling.everyMs * polling.maxPolls + 30_000;
}

/** The check-in k6 scenario: one multipart upload (and its polls) per planned check-in. */
export function checkinK6Scenario(
  config: CheckinReplayConfig,
  replay: { timeUnitMs: number; leadMs: number },
): Record<string, unknown> {
  return arrivalRateScenario('checkin', config, replay, longestUploadMs(config.polling));
}
