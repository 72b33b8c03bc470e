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
  /** Wall ms of the longest response delay (the deadline): an iteration may sleep that long first. */
  deadlineMs: number;
}

/** One entry per planned upload (SharedArray): when its prompt comes and it is sent, by whom, from where. */
export interface CheckinUploadEntry extends CheckinUploadPlan {
  /** Wall ms after the scenario start of its prompt (lead included); null with even arrivals (when started). */
  atMs: number | null;
  /** Wall ms from the prompt to the upload (the response delay, compressed). */
  delayMs: number;
}

/** Path of the JSON array of check-in uploads (CheckinUploadEntry, by iteration of the checkin scenario). */
export const CHECKIN_UPLOADS_FILE_ENV = 'HOTLINE_K6_CHECKIN_FILE';

export function checkinUploadEntries(plan: CheckinReplayPlan | undefined): CheckinUploadEntry[] {
  if (plan === undefined) return [];
  return plan.uploads.map(({ delayS, ...upload }, n) => ({
    ...upload,
    atMs: plan.offsetsMs[n] ?? null,
    delayMs: Math.round((delayS / plan.timeScale) * 1000 * 10) / 10,
  }));
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
    deadlineMs: plan.deadlineMs,
  };
}

/** Wall ms an iteration may last: the longest response delay, every poll, time for the requests. */
export function longestUploadMs(config: Pick<CheckinReplayConfig, 'polling' | 'deadlineMs'>): number {
  return config.deadlineMs + config.polling.everyMs * config.polling.maxPolls + 30_000;
}

/** The check-in k6 scenario: one multipart upload (and its polls) per planned check-in. */
export function checkinK6Scenario(
  config: CheckinReplayConfig,
  replay: { timeUnitMs: number; leadMs: number },
): Record<string, unknown> {
  return arrivalRateScenario('checkin', config, replay, longestUploadMs(config));
}
