// The k6 script of `hotline load`: replays the phone arrival profile of a scenario against an ACD
// (the mocks or a real deployment). Bundled by buildK6Bundle.ts (esbuild, k6/* external); all logic
// worth testing lives in k6-free modules (phoneCalls.ts, replayConfig.ts).
//
// Config: `-e HOTLINE_K6_CONFIG=<json>` or `-e HOTLINE_K6_CONFIG_FILE=<path>` (a ReplayConfig).
// Token: read from the environment variable named by config.tokenEnv.
import { sleep } from 'k6';
import { SharedArray } from 'k6/data';
import exec from 'k6/execution';
import http from 'k6/http';
import { Counter, Rate, Trend } from 'k6/metrics';
import type { CallerPlan } from './callerPlans.js';
import { chatScenario } from './chatReplay.js';
import { k6Options } from './k6Options.js';
import {
  buildCallPayload,
  callHeaders,
  classifyCall,
  hangUpAfterMs,
  intervalAtWall,
  intervalOfIteration,
  RATE_METRICS,
  type ReplayOutcome,
  retryProbability,
} from './phoneCalls.js';
import { CALLERS_FILE_ENV, CONFIG_ENV, CONFIG_FILE_ENV, type ReplayConfig } from './replayConfig.js';

const config = readConfig();

export const options = k6Options(config);

// Drawn in Node from the simulator's streams and read once, shared by every VU (a day is tens of
// thousands of callers): k6 draws no random numbers of its own.
const callers = new SharedArray(
  'callers',
  () => JSON.parse(open(requiredEnv(CALLERS_FILE_ENV))) as CallerPlan[],
);

/** One k6 Rate per phone metric the registry says a replay measures as a rate (sl_offered, abandon_rate...). */
const rates = RATE_METRICS.map((spec) => ({ name: spec.name, rate: new Rate(spec.k6!.metric) }));
/** Wait of answered calls as the client measured it, model seconds (ASA = avg). */
const asaS = new Trend('asa_s');
/** One sample per call: the client's wait in model seconds; tags outcome (client), server_outcome, interval. */
const callWaitS = new Trend('call_wait_s');
/** The server's self-reported wait (model s) of every call with a usable reply; tag outcome = the server's. */
const serverWaitS = new Trend('server_wait_s');
/** Client wait minus server wait of calls both sides call answered: latency (or a bug), model s. */
const waitGapS = new Trend('wait_gap_s');
/** Calls with no usable outcome (network errors, error statuses, no answer by the safety timeout). */
const callErrors = new Rate('call_errors');
const calls = new Counter('calls');
/** Wall ms between a call's scheduled arrival and the moment it is sent (Poisson arrivals only). */
const arrivalLagMs = new Trend('arrival_lag_ms', true);

const url = `${config.target}${config.adapter.callsPath}`;
const token = config.tokenEnv ? __ENV[config.tokenEnv] : undefined;
const headers = callHeaders(token, config.adapter);

/** The chat scenario (exec 'chat'): one WebSocket session per planned arrival. */
export const chat = chatScenario(config, token);

export default function (): void {
  const n = exec.scenario.iterationInTest;
  // The tail stage may start a few iterations past the plan; they send nothing.
  if (n >= config.cumulative[config.cumulative.length - 1]!) return;
  const k = intervalOfIteration(config.cumulative, n);
  const interval = String(config.intervalIndex[k] ?? -1);
  const caller = callers[n] as CallerPlan;
  if (caller.t !== null) {
    const dueAt = exec.scenario.startTime + caller.t;
    const waitMs = dueAt - Date.now();
    if (waitMs > 0) sleep(waitMs / 1000);
    arrivalLagMs.add(Date.now() - dueAt, { channel: 'phone', interval });
  }
  // A caller whose call is blocked, abandoned or closed may call again after the scenario's retrial
  // delay (compressed), as in the simulator; a retrial counts as offered in the interval it arrives.
  let outcome = placeCall(n, caller, 0, interval);
  for (let a = 1; config.retrial && a < config.retrial.maxAttempts; a++) {
    if (caller.r[a - 1]! >= retryProbability(outcome, config.retrial)) break;
    sleep(caller.d[a - 1]! / config.timeScale);
    const at = intervalAtWall(
      config.intervalWallStartMs,
      config.windowEndWallMs,
      Date.now() - exec.scenario.startTime,
    );
    if (at < 0) break;
    outcome = placeCall(n, caller, a, String(config.intervalIndex[at] ?? -1));
  }
}

/** One call attempt (a = 0 first): sent, held until the answer or the caller's hang-up, measured. */
function placeCall(n: number, caller: CallerPlan, a: number, interval: string): ReplayOutcome {
  const tags = { channel: 'phone', interval };
  const callId = `${config.runId}-${a > 0 ? `${n}-${a + 1}` : n}`;
  const patienceS = caller.p[a] ?? null;
  const ivrS = caller.v[a] ?? 0;
  const { timeoutMs, patienceTimeout } = hangUpAfterMs(
    patienceS,
    ivrS,
    config.timeScale,
    config.requestTimeoutMs,
  );
  const body = JSON.stringify(buildCallPayload(config.adapter, callId, { patienceS, class: caller.c }));
  const sentAt = Date.now();
  // The timeout is the caller hanging up: k6 aborts the request and closes the connection.
  const response = http.post(url, body, {
    headers,
    tags: { ...tags, name: 'POST /v1/calls' },
    timeout: timeoutMs,
  });
  const elapsedMs = Date.now() - sentAt;
  const call = classifyCall(
    {
      status: response.status,
      body: typeof response.body === 'string' ? response.body : null,
      errorCode: response.error_code,
      error: response.error,
      elapsedMs,
      patienceTimeout,
    },
    { timeScale: config.timeScale, ivrS, thresholdS: config.slThresholdS, adapter: config.adapter },
  );
  const callTags = {
    ...tags,
    outcome: call.outcome,
    server_outcome: call.server.outcome ?? 'none',
    attempt: a > 0 ? 'retrial' : 'first',
  };
  // Per-call identity as metadata (not a tag: no time series per call), for reconciling with a log.
  exec.vu.metrics.metadata.call_id = callId;
  calls.add(1, callTags);
  callWaitS.add(call.waitS, callTags);
  callErrors.add(call.outcome === 'error' ? 1 : 0, tags);
  if (call.server.waitS !== null) {
    serverWaitS.add(call.server.waitS, { ...tags, outcome: call.server.outcome ?? 'none' });
    if (call.outcome === 'answered' && call.server.outcome === 'answered')
      waitGapS.add(call.waitS - call.server.waitS, tags);
  }
  delete exec.vu.metrics.metadata.call_id;
  for (const { name, rate } of rates) {
    const value = call.rates[name];
    if (value !== null && value !== undefined) rate.add(value, tags);
  }
  if (call.outcome === 'answered') asaS.add(call.waitS, tags);
  return call.outcome;
}

function readConfig(): ReplayConfig {
  const inline = __ENV[CONFIG_ENV];
  if (inline) return JSON.parse(inline) as ReplayConfig;
  const file = __ENV[CONFIG_FILE_ENV];
  if (file) return JSON.parse(open(file)) as ReplayConfig;
  throw new Error(`set ${CONFIG_ENV} (JSON) or ${CONFIG_FILE_ENV} (path of a JSON file) with -e`);
}

function requiredEnv(name: string): string {
  const value = __ENV[name];
  if (!value) throw new Error(`set ${name} with -e (the callers of the replay)`);
  return value;
}
