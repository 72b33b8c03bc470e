// Payload builders and outcome classifiers of the phone replay. Free of k6 imports (unit-tested in
// Node); phoneReplay.ts only wires them to k6/http and k6/metrics.

import type { DistributionSpec } from '../../scenarios/scenarioSchema.js';

export const CALL_OUTCOMES = ['answered', 'abandoned', 'blocked', 'closed', 'selfServed'] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];
/** 'error': no usable answer (network error, timeout, non-200 status, unreadable body). */
export type ReplayOutcome = CallOutcome | 'error';

export interface CallRequest {
  callId: string;
  patienceS?: number;
  class?: string;
}

/** Body of `POST /v1/calls`. Patience and class are left to the target's model unless given. */
export function buildCallPayload(
  runId: string,
  iteration: number | string,
  extra: { patienceS?: number; class?: string } = {},
): CallRequest {
  const body: CallRequest = { callId: `${runId}-${iteration}` };
  if (extra.patienceS !== undefined) body.patienceS = extra.patienceS;
  if (extra.class !== undefined) body.class = extra.class;
  return body;
}

export function callHeaders(token: string | undefined): Record<string, string> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  return headers;
}

export interface ClassifiedCall {
  outcome: ReplayOutcome;
  /** Model seconds from arrival to answer or abandonment; null when not reported. */
  waitS: number | null;
  /** Contributions to the k6 Rates: 1/0, or null when the call does not count for that rate. */
  slOffered: 0 | 1 | null;
  slAnswered: 0 | 1 | null;
  slExcludingShortAbandons: 0 | 1 | null;
  abandon: 0 | 1 | null;
  /** Why it is an 'error'. */
  error?: string;
}

/** Reads the reply of `POST /v1/calls` (status + body text) into the replay's metrics. */
export function classifyCall(status: number, body: string | null, thresholdS: number): ClassifiedCall {
  const none = { slOffered: null, slAnswered: null, slExcludingShortAbandons: null, abandon: null };
  if (status !== 200) {
    return { outcome: 'error', waitS: null, ...none, error: status === 0 ? 'no response' : `HTTP ${status}` };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(body ?? '');
  } catch {
    return { outcome: 'error', waitS: null, ...none, error: 'body is not JSON' };
  }
  const record = (parsed ?? {}) as { outcome?: unknown; waitS?: unknown };
  const outcome = record.outcome;
  if (typeof outcome !== 'string' || !(CALL_OUTCOMES as readonly string[]).includes(outcome)) {
    return { outcome: 'error', waitS: null, ...none, error: `unknown outcome ${JSON.stringify(outcome)}` };
  }
  const waitS = typeof record.waitS === 'number' && Number.isFinite(record.waitS) ? record.waitS : null;
  if (outcome === 'answered') {
    const within: 0 | 1 = waitS !== null && waitS <= thresholdS ? 1 : 0;
    return {
      outcome,
      waitS,
      slOffered: within,
      slAnswered: within,
      slExcludingShortAbandons: within,
      abandon: 0,
    };
  }
  if (outcome === 'abandoned') {
    const short = waitS !== null && waitS <= thresholdS;
    return {
      outcome,
      waitS,
      slOffered: 0,
      slAnswered: null,
      slExcludingShortAbandons: short ? null : 0,
      abandon: 1,
    };
  }
  return { outcome: outcome as CallOutcome, waitS, ...none };
}

/** Which window interval iteration n belongs to (see ReplayProfile.cumulative); the last one past the end. */
export function intervalOfIteration(cumulative: readonly number[], n: number): number {
  let lo = 0;
  let hi = cumulative.length - 1;
  if (n < 0 || n >= cumulative[hi]!) return n < 0 ? -1 : hi - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid]! <= n) lo = mid;
    else hi = mid;
  }
  return lo;
}

/** The scenario's retrial behaviour as the replay applies it (the simulator's RetrialModel). */
export interface RetrialConfig {
  afterBlocked: number;
  afterAbandoned: number;
  afterClosed: number;
  /** Attempts in all, the first one included. */
  maxAttempts: number;
  delay: DistributionSpec;
}

/** Probability that a caller calls again after this outcome (0 when it was not a failure). */
export function retryProbability(outcome: ReplayOutcome, retrial: RetrialConfig | null): number {
  if (!retrial) return 0;
  if (outcome === 'blocked') return retrial.afterBlocked;
  if (outcome === 'abandoned') return retrial.afterAbandoned;
  if (outcome === 'closed') return retrial.afterClosed;
  return 0;
}

/**
 * The window interval (index into intervalWallStartMs) of a wall instant, in ms after the scenario
 * start; -1 before the first interval or from the end of the window on (a retrial that late is not
 * placed, as the simulator drops retrials past its horizon).
 */
export function intervalAtWall(
  intervalWallStartMs: readonly number[],
  windowEndWallMs: number,
  wallMs: number,
): number {
  if (wallMs < (intervalWallStartMs[0] ?? 0) || wallMs >= windowEndWallMs) return -1;
  let k = 0;
  while (k + 1 < intervalWallStartMs.length && intervalWallStartMs[k + 1]! <= wallMs) k++;
  return k;
}
