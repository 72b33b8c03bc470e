// Payload builders and outcome classifiers of the phone replay. Free of k6 imports (unit-tested in
// Node); phoneReplay.ts only wires them to k6/http and k6/metrics.

import type { DistributionSpec } from '../../../scenarios/scenarioSchema.js';
// The phone client reads its channel's declaration directly: the registry pulls in every channel's
// plug-in (models, processes, schemas), which k6's bundle must not carry.
import { PHONE_METRICS_DECLARATION } from '../../../sim/channels/phone/phoneMetricSpecs.js';
import type { MetricSpec } from '../../../sim/metrics/MetricSpec.js';
import { type ServiceLevelCounts, serviceLevelDenominator } from '../../../sim/metrics/serviceLevel.js';
import { type CallAdapter, valueAt } from '../callAdapter.js';

export const CALL_OUTCOMES = ['answered', 'abandoned', 'blocked', 'closed', 'selfServed'] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];
/** 'error': no usable answer (network error, timeout, non-200 status, unreadable body). */
export type ReplayOutcome = CallOutcome | 'error';

/** Body of the call request, with the adapter's field names; a field whose name is null is left out. */
export function buildCallPayload(
  adapter: CallAdapter,
  callId: string,
  extra: { patienceS?: number | null; class?: string | null } = {},
): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  const { request } = adapter;
  if (request.callId !== null) body[request.callId] = callId;
  if (request.class !== null && extra.class != null) body[request.class] = extra.class;
  if (request.patienceS !== null && extra.patienceS != null) body[request.patienceS] = extra.patienceS;
  return body;
}

export function callHeaders(token: string | undefined, adapter: CallAdapter): Record<string, string> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json', ...adapter.headers };
  if (token) headers[adapter.auth.header] = adapter.auth.scheme ? `${adapter.auth.scheme} ${token}` : token;
  return headers;
}

/** What the server said about the call (a cross-check of what the client measured). */
export interface ServerReply {
  /** null: no usable reply (no response, an error status, an unreadable body). */
  outcome: CallOutcome | null;
  /** The server's own wait, model seconds; null when it reports none. */
  waitS: number | null;
  /** Why outcome is null. */
  error?: string;
}

/** Reads the reply (status + body text) through the adapter. */
export function readServerReply(status: number, body: string | null, adapter: CallAdapter): ServerReply {
  const byStatus = adapter.statusOutcomes[String(status)];
  if (byStatus !== undefined) return { outcome: byStatus, waitS: null };
  if (status < 200 || status > 299) {
    return { outcome: null, waitS: null, error: status === 0 ? 'no response' : `HTTP ${status}` };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(body ?? '');
  } catch {
    return { outcome: null, waitS: null, error: 'body is not JSON' };
  }
  const word = valueAt(parsed, adapter.response.outcome);
  const outcome = typeof word === 'string' ? adapter.response.outcomes[word] : undefined;
  if (outcome === undefined) {
    return { outcome: null, waitS: null, error: `unknown outcome ${JSON.stringify(word)}` };
  }
  const wait = adapter.response.wait === null ? undefined : valueAt(parsed, adapter.response.wait);
  const waitS =
    typeof wait === 'number' && Number.isFinite(wait)
      ? adapter.response.waitUnit === 'ms'
        ? wait / 1000
        : wait
      : null;
  return { outcome, waitS };
}

/** What the client saw of one call attempt (k6's view: status, body, error and its own clock). */
export interface ClientObservation {
  status: number;
  body: string | null;
  /** k6's error_code (1050: request timeout) and error text. */
  errorCode: number;
  error: string;
  /** Wall ms from sending the request to its end (response or timeout), on k6's clock. */
  elapsedMs: number;
  /** Whether the request timeout was the caller's patience (hang-up) rather than the safety cap. */
  patienceTimeout: boolean;
}

export interface ClassifiedCall {
  outcome: ReplayOutcome;
  /** Model seconds from sending the call (after the caller's IVR time) to the answer or hang-up. */
  waitS: number;
  /**
   * Contributions to the k6 Rates, by metric name (every phone metric whose spec has k6 stat 'rate'):
   * 1/0, or null when the call is not in that rate's denominator.
   */
  rates: Record<string, 0 | 1 | null>;
  server: ServerReply;
  /** Why it is an 'error'. */
  error?: string;
}

/** k6's error code of a request that hit its timeout. */
export const K6_TIMEOUT_ERROR = 1050;

/**
 * The call as the client measured it. The wait is the client's own: wall ms from sending to the
 * answer on k6's clock, times the time scale, minus the caller's IVR time (a client cannot see when
 * the IVR ends; the mocks have none unless the scenario says so). A timeout at the caller's patience
 * is the caller giving up ('abandoned'); outcomes come from the reply otherwise. The server's own
 * outcome and wait ride along in `server`, as a cross-check. The rates come from the registry's
 * formulas (callRates), on the client's outcome and wait.
 */
export function classifyCall(
  seen: ClientObservation,
  context: { timeScale: number; ivrS: number; thresholdS: number; adapter: CallAdapter },
): ClassifiedCall {
  const measuredS = Math.max(0, (seen.elapsedMs / 1000) * context.timeScale - context.ivrS);
  const timedOut = seen.errorCode === K6_TIMEOUT_ERROR || /timeout/i.test(seen.error);
  const server: ServerReply = timedOut
    ? { outcome: null, waitS: null, error: 'hung up' }
    : readServerReply(seen.status, seen.body, context.adapter);
  let outcome: ReplayOutcome;
  if (timedOut) outcome = seen.patienceTimeout ? 'abandoned' : 'error';
  else outcome = server.outcome ?? 'error';
  // Only calls that waited in the queue have a wait; the others count 0, as in the simulator.
  const waitS = outcome === 'answered' || outcome === 'abandoned' ? measuredS : 0;
  const call: ClassifiedCall = {
    outcome,
    waitS,
    rates: callRates(outcome, waitS, context.thresholdS),
    server,
  };
  if (outcome === 'error')
    call.error = timedOut ? 'no answer within the request timeout' : (server.error ?? seen.error);
  return call;
}

/** The phone metrics a k6 replay records as k6 Rates, from the registry. */
export const RATE_METRICS: readonly MetricSpec[] = PHONE_METRICS_DECLARATION.metrics.filter(
  (s) => s.k6?.stat === 'rate',
);

// One call as a numerator and denominator of the rates that are not service levels, with the same
// denominators as measurePhone in results/phone/k6PhoneResults.ts (an error counts as offered, like there).
const INDICATORS: Record<string, (outcome: ReplayOutcome) => { hit: boolean; counts: boolean }> = {
  abandonRate: (o) => ({ hit: o === 'abandoned', counts: o === 'answered' || o === 'abandoned' }),
  blockRate: (o) => ({ hit: o === 'blocked', counts: o !== 'closed' }),
};

function callRates(outcome: ReplayOutcome, waitS: number, thresholdS: number): Record<string, 0 | 1 | null> {
  // One call as service-level counts: the service-level formula decides whether it is in the denominator.
  const waited = waitS > thresholdS;
  const counts: ServiceLevelCounts = {
    answeredWithinT: outcome === 'answered' && !waited ? 1 : 0,
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

/**
 * Wall ms the client holds a call before hanging up: its IVR time plus its patience, compressed,
 * capped by the request timeout (null patience: never gives up, so only the cap).
 */
export function hangUpAfterMs(
  patienceS: number | null,
  ivrS: number,
  timeScale: number,
  capMs: number,
): { timeoutMs: number; patienceTimeout: boolean } {
  if (patienceS === null) return { timeoutMs: capMs, patienceTimeout: false };
  const ms = Math.max(1, Math.round(((ivrS + patienceS) / timeScale) * 1000));
  return ms < capMs ? { timeoutMs: ms, patienceTimeout: true } : { timeoutMs: capMs, patienceTimeout: false };
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
