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
import { buildDistribution } from '../../sim/distributions/buildDistribution.js';
import { chatScenario } from './chatReplay.js';
import {
  buildCallPayload,
  callHeaders,
  classifyCall,
  intervalAtWall,
  intervalOfIteration,
  RATE_METRICS,
  type ReplayOutcome,
  retryProbability,
} from './phoneCalls.js';
import {
  CONFIG_ENV,
  CONFIG_FILE_ENV,
  k6Options,
  OFFSETS_FILE_ENV,
  type ReplayConfig,
} from './replayConfig.js';

const config = readConfig();

export const options = k6Options(config);

// Read once and shared by every VU (a day's schedule is tens of thousands of numbers).
const offsets = config.scheduled
  ? new SharedArray('arrival offsets', () => JSON.parse(open(requiredEnv(OFFSETS_FILE_ENV))) as number[])
  : null;

/** One k6 Rate per phone metric the registry says a replay measures as a rate (sl_offered, abandon_rate...). */
const rates = RATE_METRICS.map((spec) => ({ name: spec.name, rate: new Rate(spec.k6!.metric) }));
/** Wait of answered calls, model seconds (ASA = avg). */
const asaS = new Trend('asa_s');
/** One sample per call: value = wait in model seconds (0 when not reported), tags outcome + interval. */
const callWaitS = new Trend('call_wait_s');
const calls = new Counter('calls');
/** Wall ms between a call's scheduled arrival and the moment it is sent (Poisson arrivals only). */
const arrivalLagMs = new Trend('arrival_lag_ms', true);

const retrialDelay = config.retrial ? buildDistribution(config.retrial.delay, '/retrial/delay', []) : null;
const url = `${config.target}/v1/calls`;
const token = config.tokenEnv ? __ENV[config.tokenEnv] : undefined;
const headers = callHeaders(token);

/** The chat scenario (exec 'chat'): one WebSocket session per planned arrival. */
export const chat = chatScenario(config, token);

export default function (): void {
  const n = exec.scenario.iterationInTest;
  // The tail stage may start a few iterations past the plan; they send nothing.
  if (n >= config.cumulative[config.cumulative.length - 1]!) return;
  const k = intervalOfIteration(config.cumulative, n);
  const interval = String(config.intervalIndex[k] ?? -1);
  const due = offsets ? (offsets[n] as number | undefined) : undefined;
  if (due !== undefined) {
    const dueAt = exec.scenario.startTime + due;
    const waitMs = dueAt - Date.now();
    if (waitMs > 0) sleep(waitMs / 1000);
    arrivalLagMs.add(Date.now() - dueAt, { channel: 'phone' });
  }
  // A caller whose call is blocked, abandoned or closed may call again after the scenario's retrial
  // delay (compressed), as in the simulator; a retrial counts as offered in the interval it arrives.
  let outcome = placeCall(n, 1, interval);
  for (let attempt = 2; retrialDelay && attempt <= config.retrial!.maxAttempts; attempt++) {
    if (Math.random() >= retryProbability(outcome, config.retrial)) break;
    sleep(retrialDelay.sample(Math.random) / config.timeScale);
    const at = intervalAtWall(
      config.intervalWallStartMs,
      config.windowEndWallMs,
      Date.now() - exec.scenario.startTime,
    );
    if (at < 0) break;
    outcome = placeCall(n, attempt, String(config.intervalIndex[at] ?? -1));
  }
}

/** One POST /v1/calls and its samples; returns the outcome. */
function placeCall(n: number, attempt: number, interval: string): ReplayOutcome {
  const tags = { channel: 'phone', interval };
  const response = http.post(
    url,
    JSON.stringify(buildCallPayload(config.runId, attempt > 1 ? `${n}-${attempt}` : n)),
    {
      headers,
      tags: { ...tags, name: 'POST /v1/calls' },
      timeout: `${config.requestTimeoutMs}ms`,
    },
  );
  const body = typeof response.body === 'string' ? response.body : null;
  const call = classifyCall(response.status, body, config.slThresholdS);
  const callTags = { ...tags, outcome: call.outcome, attempt: attempt > 1 ? 'retrial' : 'first' };
  calls.add(1, callTags);
  callWaitS.add(call.waitS ?? 0, callTags);
  for (const { name, rate } of rates) {
    const value = call.rates[name];
    if (value !== null && value !== undefined) rate.add(value, tags);
  }
  if (call.outcome === 'answered' && call.waitS !== null) asaS.add(call.waitS, tags);
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
  if (!value) throw new Error(`set ${name} with -e (the arrival schedule of a scheduled replay)`);
  return value;
}
