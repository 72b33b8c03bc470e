// Outbound's part of the k6 script (scenario `outbound`, exec 'outbound' of the bundle's entry): the
// callee service. Each VU loops: claim a ringing dial (POST /v1/outbound/ringing/claim, a long poll)
// answering or declining it in the same request, then hold the line for its talk time and hang up;
// its callee's decision and talk time come from the plans file, by k6's iteration number. Logic
// lives in the k6-free outboundCallees.ts; instants are the mock's model times.
import { sleep } from 'k6';
import { SharedArray } from 'k6/data';
import exec from 'k6/execution';
import http from 'k6/http';
import { Counter, Rate, Trend } from 'k6/metrics';
import type { K6ChannelScript } from '../K6ChannelScript.js';
import type { ReplayConfig } from '../replayConfig.js';
import {
  type CalleePlan,
  type CalleeTransport,
  calleeOf,
  claimDial,
  claimWaitMs,
  givesUp,
  intervalAt,
  type ServedDial,
  serveDial,
} from './outboundCallees.js';
import {
  OUTBOUND_PLANS_FILE_ENV,
  OUTBOUND_REQUEST_TIMEOUT_MS,
  type OutboundReplayConfig,
  outboundK6Scenario,
} from './outboundReplayConfig.js';

export const k6Script: K6ChannelScript<OutboundReplayConfig> = {
  channel: 'outbound',
  k6Scenario: outboundK6Scenario,
  scenario: outboundScenario,
};

/** A callee pauses this long (wall ms) after a failed claim, so a refusing target is not flooded. */
const PAUSE_AFTER_ERROR_MS = 250;

/** Builds the callee service's function over the replay's config (called in the init context). */
function outboundScenario(
  outbound: OutboundReplayConfig | undefined,
  config: ReplayConfig,
  token: string | undefined,
): () => void {
  if (outbound === undefined) return () => {};
  const part: OutboundReplayConfig = outbound;
  const callees = new SharedArray('outbound callees', () => {
    const file = __ENV[OUTBOUND_PLANS_FILE_ENV];
    if (!file) throw new Error(`set ${OUTBOUND_PLANS_FILE_ENV} with -e (the callees of the replay)`);
    return JSON.parse(open(file)) as CalleePlan[];
  });
  /** One sample per claimed dial; tags outcome (answered, declined, missed, error) and interval (its start). */
  const dials = new Counter('outbound_dials');
  /** 1 per answered dial, 0 per declined or missed one. */
  const connected = new Rate('outbound_connected');
  /** One sample per number reached, tagged with the interval its dial ended in (after wrap-up). */
  const completed = new Counter('outbound_completed');
  /** One sample per number given up (no contact on its last attempt), tagged with its ring-out's interval. */
  const failed = new Counter('outbound_failed');
  /** Model s from the ring's start to the answer; model s of talk as the mock timed it. */
  const answerDelayS = new Trend('outbound_answer_delay_s');
  const talkS = new Trend('outbound_talk_s');
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  const base = `${config.target}/v1/outbound`;
  const params = (name: string, timeoutMs = OUTBOUND_REQUEST_TIMEOUT_MS) => ({
    headers,
    timeout: `${timeoutMs}ms`,
    tags: { channel: 'outbound', name },
  });
  const transport: CalleeTransport = {
    claim: (waitMs, answer) =>
      reply(
        http.post(
          `${base}/ringing/claim`,
          JSON.stringify({ waitMs, answer }),
          params('POST /v1/outbound/ringing/claim', waitMs + OUTBOUND_REQUEST_TIMEOUT_MS),
        ),
      ),
    answer: (id) =>
      reply(http.post(`${base}/dials/${id}/answer`, '{}', params('POST /v1/outbound/dials/:id/answer'))),
    hangUp: (id) =>
      reply(http.post(`${base}/dials/${id}/hangup`, '{}', params('POST /v1/outbound/dials/:id/hangup'))),
    noAnswer: (id) =>
      reply(
        http.post(`${base}/dials/${id}/no-answer`, '{}', params('POST /v1/outbound/dials/:id/no-answer')),
      ),
    sleepMs: (ms) => sleep(ms / 1000),
    nowMs: () => Date.now(),
  };

  return function calleeIteration(): void {
    // The scenario starts at part.startMs on k6's clock and claims until the window's end.
    const deadlineMs = exec.scenario.startTime + part.durationMs;
    const waitMs = claimWaitMs(Date.now(), deadlineMs, part.maxClaimWaitMs);
    if (waitMs === null) {
      sleep(0.05); // past the window: nothing more to claim; the executor stops the VU
      return;
    }
    // This claim's callee, known before it claims: it picks up (or not) as the phone rings.
    const callee = calleeOf(callees as unknown as CalleePlan[], exec.scenario.iterationInTest);
    const claimed = claimDial(transport, waitMs, callee.answers);
    if ('error' in claimed) {
      // A target without the callee routes (404) will not grow them: this VU stops claiming.
      const pauseMs = claimed.error === 'claim: HTTP 404' ? deadlineMs - Date.now() : PAUSE_AFTER_ERROR_MS;
      sleep(Math.max(0, pauseMs) / 1000);
      return;
    }
    if ('none' in claimed) return;
    record(serveDial(transport, claimed.dial, callee, config.timeScale, deadlineMs));
  };

  function record(served: ServedDial): void {
    const interval = String(intervalAt(served.dial.startedAtS, part.intervalS));
    const tags = { channel: 'outbound', interval };
    dials.add(1, { ...tags, outcome: served.outcome, attempt: String(served.dial.attempt) });
    if (served.outcome !== 'error') connected.add(served.outcome === 'answered' ? 1 : 0, tags);
    if (served.answerDelayS !== null) answerDelayS.add(served.answerDelayS, tags);
    if (served.talkS !== null && !served.cutShort) talkS.add(served.talkS, tags);
    const endedIn = served.endsAtS === null ? null : String(intervalAt(served.endsAtS, part.intervalS));
    if (endedIn === null) return;
    if (served.outcome === 'answered') completed.add(1, { channel: 'outbound', interval: endedIn });
    else if (givesUp(served, part.maxAttempts)) failed.add(1, { channel: 'outbound', interval: endedIn });
  }
}

function reply(response: { status: number; body: unknown }) {
  return { status: response.status, body: typeof response.body === 'string' ? response.body : null };
}
