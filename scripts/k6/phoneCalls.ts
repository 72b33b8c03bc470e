// Payload builders and outcome classifiers of the phone replay. Free of k6 imports (unit-tested in
// Node); phoneReplay.ts only wires them to k6/http and k6/metrics.

import type { DistributionSpec } from '../../scenarios/scenarioSchema.js';
import type { MetricSpec } from '../../sim/metrics/MetricSpec.js';
import { channelMetrics } from '../../sim/metrics/metricRegistry.js';
import { type ServiceLevelCounts, serviceLevelDenominator } from '../../sim/metrics/serviceLevel.js';

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
  /**
   * Contributions to the k6 Rates, by metric name (every phone metric whose spec has k6 stat 'rate'):
   * 1/0, or null when the call is not in that rate's denominator.
   */
  rates: Record<string, 0 | 1 | null>;
  /** Why it is an 'error'. */
  error?: string;
}

/** Reads the reply of `POST /v1/calls` (status + body text) into the replay's metrics. */
export function classifyCall(status: number, body: string | null, thresholdS: number): ClassifiedCall {
  const error = (why: string): ClassifiedCall => ({
    outcome: 'error',
    waitS: null,
    rates: callRates('error', null, thresholdS),
    error: why,
  });
  if (status !== 200) return error(status === 0 ? 'no response' : `HTTP ${status}`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(body ?? '');
  } catch {
    return error('body is not JSON');
  }
  const record = (parsed ?? {}) as { outcome?: unknown; waitS?: unknown };
  const outcome = record.outcome;
  if (typeof outcome !== 'string' || !(CALL_OUTCOMES as readonly string[]).includes(outcome)) {
    return error(`unknown outcome ${JSON.stringify(outcome)}`);
  }
  const waitS = typeof record.waitS === 'number' && Number.isFinite(record.waitS) ? record.waitS : null;
  return {
    outcome: outcome as CallOutcome,
    waitS,
    rates: callRates(outcome as CallOutcome, waitS, thresholdS),
  };
}

/** The phone metrics a k6 replay records as k6 Rates, from the registry. */
export const RATE_METRICS: readonly MetricSpec[] = channelMetrics('phone').filter(
  (s) => s.k6?.stat === 'rate',
);

// One call as a numerator and denominator of the rates that are not service levels, with the same
// denominators as measurePhone in results/k6Summary.ts (an error counts as offered, like there).
const INDICATORS: Record<string, (outcome: ReplayOutcome) => { hit: boolean; counts: boolean }> = {
  abandonRate: (o) => ({ hit: o === 'abandoned', counts: o === 'answered' || o === 'abandoned' }),
  blockRate: (o) => ({ hit: o === 'blocked', counts: o !== 'closed' }),
};

function callRates(
  outcome: ReplayOutcome,
  waitS: number | null,
  thresholdS: number,
): Record<string, 0 | 1 | null> {
  // One call as service-level counts: the service-level formula decides whether it is in the denominator.
  const waited = waitS !== null && waitS > thresholdS;
  const counts: ServiceLevelCounts = {
    answeredWithinT: outcome === 'answered' && waitS !== null && !waited ? 1 : 0,
    answered: outcome === 'answered' ? 1 : 0,
    abandoned: outcome === 'abandoned' ? 1 : 0,
    abandonedAfterT: outcome === 'abandoned' && waited ? 1 : 0,
  };
  const rates: Record<string, 0 | 1 | null> = {};
  for (const spec of RATE_METRICS) {
    if (spec.serviceLevel !== null) {
      rates[spec.name] =
        serviceLevelDenominator(spec.serviceLevel, counts) > 0 ? (counts.answeredWithinT as 0 | 1) : null;
      continue;
    }
    const indicator = INDICATORS[spec.name];
    if (!indicator)
      throw new Error(`phone metric ${spec.name} is a k6 Rate but the replay cannot measure it`);
    const { hit, counts: inDenominator } = indicator(outcome);
    rates[spec.name] = inDenominator ? (hit ? 1 : 0) : null;
  }
  return rates;
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
