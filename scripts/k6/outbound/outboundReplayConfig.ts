// Outbound's part of the k6 config (ReplayConfig.channels.outbound), of the k6 options and of its
// plans file. Free of k6 and Node imports: bundled into the k6 script, unit-tested in Node.
import type { ReplayProfile } from '../compileProfile.js';
import type { CalleePlan } from './outboundCallees.js';
import type { OutboundReplayPlan } from './outboundProfile.js';

/** The callee service of the replay; the callees' draws travel in OUTBOUND_PLANS_FILE_ENV. */
export interface OutboundReplayConfig {
  vus: number;
  /** Wall ms after the k6 start at which the callees start claiming: the mocks' clock start. */
  startMs: number;
  /** Wall ms they claim for: until the window's end, and CLAIM_TAIL_MS more. */
  durationMs: number;
  /** Wall ms one claim waits for a ring at most (a long poll). */
  maxClaimWaitMs: number;
  maxAttempts: number;
  intervalS: number;
}

/** Path of the JSON array of callees (CalleePlan, by k6's iteration number). */
export const OUTBOUND_PLANS_FILE_ENV = 'HOTLINE_K6_OUTBOUND_FILE';
/** Wall ms a callee's claim waits for a ring (a long poll; the mocks allow up to 30 s). */
export const CLAIM_WAIT_MS = 2_000;
/** Wall ms of one HTTP request at most, a claim's wait excluded (a hung target). */
export const OUTBOUND_REQUEST_TIMEOUT_MS = 10_000;
/**
 * Callees go on claiming this long (wall ms) past the window's end, so that a dial the model starts in
 * the window's last instant is claimed too (k6's clock and the mocks' are a few ms apart); dials
 * started after the window are claimed but not measured (their interval is outside it).
 */
export const CLAIM_TAIL_MS = 500;

export function outboundPlanEntries(plan: OutboundReplayPlan | undefined): CalleePlan[] {
  return plan?.callees ?? [];
}

export function outboundReplayConfig(plan: OutboundReplayPlan, profile: ReplayProfile): OutboundReplayConfig {
  // The mocks' clock starts with the first contact at the window start + the first planned contact
  // (lead included on k6's clock); the callees start claiming then, so a claim never starts it early.
  const startMs = profile.leadMs + (profile.firstCallWallMs ?? 0);
  const windowEndMs = profile.leadMs + profile.intervals.reduce((sum, i) => sum + i.wallMs, 0);
  return {
    vus: plan.calleeVus,
    startMs: Math.round(startMs),
    durationMs: Math.max(1, Math.round(windowEndMs - startMs + CLAIM_TAIL_MS)),
    maxClaimWaitMs: CLAIM_WAIT_MS,
    maxAttempts: plan.maxAttempts,
    intervalS: plan.intervalS,
  };
}

/**
 * The callee service's k6 scenario: a constant pool of VUs over the window, each looping claim ->
 * answer or decline -> hold -> hang up. Callees hang up at the end (serveDial's holdUntilMs), so an
 * iteration outlives it by one claim's wait and two requests at most (gracefulStop).
 */
export function outboundK6Scenario(config: OutboundReplayConfig): Record<string, unknown> {
  const graceMs = config.maxClaimWaitMs + 2 * OUTBOUND_REQUEST_TIMEOUT_MS;
  return {
    executor: 'constant-vus',
    vus: config.vus,
    startTime: `${config.startMs}ms`,
    duration: `${config.durationMs}ms`,
    gracefulStop: `${Math.ceil(graceMs / 1000)}s`,
    tags: { channel: 'outbound' },
  };
}
