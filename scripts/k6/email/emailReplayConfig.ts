// E-mail's part of the k6 config (ReplayConfig.channels.email), of the k6 options and of its plans
// file. Free of k6 and Node imports: bundled into the k6 script, unit-tested in Node.
import { arrivalRateScenario } from '../arrivalRateScenario.js';
import type { K6Stage } from '../planArrivals.js';
import type { EmailReplayPlan } from './emailProfile.js';

/** The e-mail scenario of the replay; its instants travel in EMAIL_PLANS_FILE_ENV. */
export interface EmailReplayConfig {
  stages: K6Stage[];
  preAllocatedVUs: number;
  maxVUs: number;
  cumulative: number[];
  intervalIndex: number[];
  pollEveryMs: number;
  maxPolls: number;
  graceMs: number;
  thresholdS: number;
  intervalS: number;
}

/** One entry per planned e-mail of the replay (SharedArray): when it is submitted. */
export interface EmailPlanEntry {
  /** Wall ms after the scenario start (lead included); null with even arrivals (submit when started). */
  atMs: number | null;
}

/** Path of the JSON array of e-mails (EmailPlanEntry, by iteration of the e-mail scenario). */
export const EMAIL_PLANS_FILE_ENV = 'HOTLINE_K6_EMAIL_FILE';

/** Wall ms of one HTTP request at most (a hung target). */
export const EMAIL_REQUEST_TIMEOUT_MS = 10_000;

export function emailPlanEntries(plan: EmailReplayPlan | undefined): EmailPlanEntry[] {
  if (plan === undefined) return [];
  return Array.from({ length: plan.plannedEmails }, (_, n) => ({ atMs: plan.offsetsMs[n] ?? null }));
}

export function emailReplayConfig(plan: EmailReplayPlan): EmailReplayConfig {
  return {
    stages: plan.stages,
    preAllocatedVUs: plan.preAllocatedVUs,
    maxVUs: plan.maxVUs,
    cumulative: plan.cumulative,
    intervalIndex: plan.intervals.map((i) => i.index),
    pollEveryMs: plan.pollEveryMs,
    maxPolls: plan.maxPolls,
    graceMs: plan.graceMs,
    thresholdS: plan.thresholdS,
    intervalS: plan.intervalS,
  };
}

/**
 * E-mail's k6 scenario: one submit-and-poll per planned e-mail, on its own stages. The last e-mails
 * poll until the window's end + grace, then one more request: that is its longest hold.
 */
export function emailK6Scenario(
  config: EmailReplayConfig,
  replay: { timeUnitMs: number; leadMs: number },
): Record<string, unknown> {
  return arrivalRateScenario(
    'email',
    config,
    replay,
    config.graceMs + config.pollEveryMs + 2 * EMAIL_REQUEST_TIMEOUT_MS,
  );
}
