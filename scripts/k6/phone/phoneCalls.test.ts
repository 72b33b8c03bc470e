import { describe, expect, it } from 'vitest';
import { measurePhone } from '../../../results/phone/k6PhoneResults.js';
import { loadScenarioFile } from '../../../scenarios/loadScenario.js';
import { resolveAdapter } from '../callAdapter.js';
import { compileProfile } from '../compileProfile.js';
import { intervalOfIteration } from '../intervalOfIteration.js';
import { K6_CLIENTS } from '../k6Clients.js';
import { k6Options } from '../k6Options.js';
import { replayConfig } from '../replayConfig.js';
import {
  buildCallPayload,
  type ClientObservation,
  callHeaders,
  classifyCall,
  hangUpAfterMs,
  intervalAtWall,
  K6_TIMEOUT_ERROR,
  readServerReply,
  retryProbability,
} from './phoneCalls.js';

const adapter = resolveAdapter();

describe('payloads', () => {
  it('builds a call with its id, the class when there are several, and patience only when the adapter sends it', () => {
    expect(buildCallPayload(adapter, 'run1-7')).toEqual({ callId: 'run1-7' });
    expect(buildCallPayload(adapter, 'run1-8', { patienceS: 30, class: 'vip' })).toEqual({
      callId: 'run1-8',
      class: 'vip',
    });
    const sending = resolveAdapter({ request: { patienceS: 'patienceS', callId: 'ref', class: null } });
    expect(buildCallPayload(sending, 'x', { patienceS: 30, class: 'vip' })).toEqual({
      ref: 'x',
      patienceS: 30,
    });
    expect(buildCallPayload(sending, 'x', { patienceS: null })).toEqual({ ref: 'x' });
    expect(callHeaders(undefined, adapter)).toEqual({ 'Content-Type': 'application/json' });
    expect(callHeaders('t0k', adapter)).toMatchObject({ Authorization: 'Bearer t0k' });
    const apiKey = resolveAdapter({
      auth: { header: 'X-Api-Key', scheme: null },
      headers: { 'X-Tenant': 'qa' },
    });
    expect(callHeaders('t0k', apiKey)).toEqual({
      'Content-Type': 'application/json',
      'X-Tenant': 'qa',
      'X-Api-Key': 't0k',
    });
  });
});

describe('classifyCall: the client measures', () => {
  const reply = (body: object) => JSON.stringify(body);
  // Time scale 60: 1 wall ms = 0.06 model s.
  const context = { timeScale: 60, ivrS: 0, thresholdS: 20, adapter };
  const seen = (elapsedMs: number, body: object | null, extra: Partial<ClientObservation> = {}) => ({
    status: body === null ? 0 : 200,
    body: body === null ? null : reply(body),
    errorCode: 0,
    error: '',
    elapsedMs,
    patienceTimeout: true,
    ...extra,
  });
  it("answered: the wait is the client's clock (wall ms x time scale), the server's wait rides along", () => {
    // The server says 2 s, the client waited 500 wall ms = 30 model s: SL is judged on the 30 s.
    expect(classifyCall(seen(500, { outcome: 'answered', waitS: 2 }), context)).toEqual({
      outcome: 'answered',
      waitS: 30,
      rates: { slOffered: 0, slAnswered: 0, slExcludingShortAbandons: 0, abandonRate: 0, blockRate: 0 },
      server: { outcome: 'answered', waitS: 2 },
    });
    expect(classifyCall(seen(200, { outcome: 'answered', waitS: 12 }), context)).toMatchObject({
      waitS: 12,
      rates: { slOffered: 1, slAnswered: 1, slExcludingShortAbandons: 1 },
    });
    // The caller's IVR time is not queue wait.
    expect(classifyCall(seen(1000, { outcome: 'answered' }), { ...context, ivrS: 45 })).toMatchObject({
      waitS: 15,
      rates: { slOffered: 1 },
      server: { outcome: 'answered', waitS: null },
    });
  });
  it('a timeout at the patience is the caller hanging up: abandoned, no server outcome', () => {
    const hungUp = seen(2000, null, { errorCode: K6_TIMEOUT_ERROR, error: 'request timeout' });
    expect(classifyCall(hungUp, context)).toEqual({
      outcome: 'abandoned',
      waitS: 120,
      rates: {
        slOffered: 0,
        slAnswered: null,
        slExcludingShortAbandons: 0,
        abandonRate: 1,
        blockRate: 0,
      },
      server: { outcome: null, waitS: null, error: 'hung up' },
    });
    // 100 wall ms = 6 model s: a short abandon, out of slExcludingShortAbandons.
    expect(classifyCall(seen(100, null, { errorCode: K6_TIMEOUT_ERROR }), context)).toMatchObject({
      outcome: 'abandoned',
      rates: { slExcludingShortAbandons: null },
    });
    // The safety cap is not a caller's decision.
    expect(
      classifyCall(seen(9000, null, { errorCode: K6_TIMEOUT_ERROR, patienceTimeout: false }), context),
    ).toMatchObject({ outcome: 'error', error: 'no answer within the request timeout' });
  });
  it('busy, closed and self-served come from the reply (or a status the adapter maps); no SL nor abandonment, closed not for blocking', () => {
    const rates = (outcome: string) => classifyCall(seen(3, { outcome, waitS: 0 }), context).rates;
    for (const outcome of ['blocked', 'closed', 'selfServed']) {
      expect(classifyCall(seen(3, { outcome, waitS: 0 }), context)).toMatchObject({ outcome, waitS: 0 });
      expect(rates(outcome)).toMatchObject({ slOffered: null, slAnswered: null, abandonRate: null });
    }
    expect(rates('blocked').blockRate).toBe(1);
    expect(rates('selfServed').blockRate).toBe(0);
    expect(rates('closed').blockRate).toBeNull();
    const busy = resolveAdapter({ statusOutcomes: { '486': 'blocked' } });
    expect(classifyCall(seen(3, null, { status: 486 }), { ...context, adapter: busy })).toMatchObject({
      outcome: 'blocked',
      rates: { blockRate: 1 },
    });
  });
  it('per-call rates averaged over calls equal measurePhone on the same calls', () => {
    // Client waits in model s (sent as wall ms at time scale 60); the abandons are hang-ups (timeouts).
    const calls: Array<[string, number]> = [
      ['answered', 3],
      ['answered', 25],
      ['abandoned', 4],
      ['abandoned', 40],
      ['blocked', 0],
      ['closed', 0],
      ['selfServed', 0],
      ['answered', 19.9],
    ];
    const classified = calls.map(([outcome, waitS]) => {
      const elapsedMs = (waitS / context.timeScale) * 1000;
      return outcome === 'abandoned'
        ? classifyCall(seen(elapsedMs, null, { errorCode: K6_TIMEOUT_ERROR }), context)
        : classifyCall(seen(elapsedMs, { outcome, waitS }), context);
    });
    const measured = measurePhone(
      classified.map((c) => ({ interval: 0, outcome: c.outcome, waitS: c.waitS, retrial: false })),
      20,
    );
    // Hand count: answered within 20 s: 2 of 3 answered; abandoned 2 (1 after 20 s); blocked 1 of 7 not closed.
    const expected = {
      slOffered: 2 / 5,
      slAnswered: 2 / 3,
      slExcludingShortAbandons: 2 / 4,
      abandonRate: 2 / 5,
      blockRate: 1 / 7,
    };
    for (const [name, value] of Object.entries(expected)) {
      const samples = classified
        .map((c) => c.rates[name])
        .filter((x): x is 0 | 1 => x !== null && x !== undefined);
      expect(samples.reduce<number>((a, b) => a + b, 0) / samples.length, name).toBeCloseTo(value, 12);
      expect(measured[name as keyof typeof measured].mean, name).toBeCloseTo(value, 12);
    }
  });
  it('anything unusable is an error with a reason', () => {
    expect(classifyCall(seen(1, null, { error: 'dial: refused' }), context)).toMatchObject({
      outcome: 'error',
      error: 'no response',
    });
    expect(classifyCall({ ...seen(1, {}), status: 503 }, context)).toMatchObject({ error: 'HTTP 503' });
    expect(classifyCall({ ...seen(1, {}), body: 'nope' }, context)).toMatchObject({
      error: 'body is not JSON',
    });
    expect(classifyCall(seen(1, { outcome: 'lost' }), context)).toMatchObject({ outcome: 'error' });
  });
  it("reads a deployment's own words through the adapter", () => {
    const theirs = resolveAdapter({
      response: {
        outcome: 'result.state',
        wait: 'result.queueMs',
        waitUnit: 'ms',
        outcomes: { answered: ['CONNECTED'], blocked: ['BUSY', 'FULL'] },
      },
    });
    const body = { result: { state: 'CONNECTED', queueMs: 1500 } };
    expect(readServerReply(200, JSON.stringify(body), theirs)).toEqual({ outcome: 'answered', waitS: 1.5 });
    expect(readServerReply(200, '{"result":{"state":"FULL"}}', theirs)).toEqual({
      outcome: 'blocked',
      waitS: null,
    });
    expect(readServerReply(200, '{"result":{"state":"answered"}}', theirs).outcome).toBeNull();
  });
});

describe('hangUpAfterMs', () => {
  it('IVR time plus patience, compressed; no patience or a longer one falls back to the cap', () => {
    expect(hangUpAfterMs(300, 0, 60, 60_000)).toEqual({ timeoutMs: 5000, patienceTimeout: true });
    expect(hangUpAfterMs(30, 30, 120, 60_000)).toEqual({ timeoutMs: 500, patienceTimeout: true });
    expect(hangUpAfterMs(0, 0, 60, 60_000)).toEqual({ timeoutMs: 1, patienceTimeout: true });
    expect(hangUpAfterMs(null, 0, 60, 60_000)).toEqual({ timeoutMs: 60_000, patienceTimeout: false });
    expect(hangUpAfterMs(7200, 0, 60, 60_000)).toEqual({ timeoutMs: 60_000, patienceTimeout: false });
  });
});

describe('intervalOfIteration', () => {
  it('maps global iteration numbers onto the window intervals', () => {
    const cumulative = [0, 3, 3, 5];
    expect([0, 1, 2, 3, 4].map((n) => intervalOfIteration(cumulative, n))).toEqual([0, 0, 0, 2, 2]);
    expect(intervalOfIteration(cumulative, 5)).toBe(2);
    expect(intervalOfIteration(cumulative, -1)).toBe(-1);
  });
});

describe('k6Options', () => {
  it('one ramping-arrival-rate scenario with the compiled stages and thresholds', () => {
    const scenario = loadScenarioFile('scenarios/stationary-mmc.json');
    const profile = compileProfile(scenario, { day: 0, from: '00:00', to: '01:00' }, 120);
    const config = replayConfig(profile, 'http://127.0.0.1:1/', 'TOKEN', 'r');
    expect(config.target).toBe('http://127.0.0.1:1');
    const options = k6Options(config, K6_CLIENTS);
    const phone = profile.channels.phone!;
    expect(options.scenarios.phone).toMatchObject({
      executor: 'ramping-arrival-rate',
      exec: 'phone',
      startRate: 0,
      timeUnit: '15000ms',
      stages: phone.stages,
      preAllocatedVUs: phone.preAllocatedVUs,
      maxVUs: phone.maxVUs,
    });
    // A scenario without chat runs no chat scenario.
    expect(Object.keys(options.scenarios)).toEqual(['phone']);
    expect(options.thresholds).toBe(profile.thresholds);
  });
});

describe('retrials', () => {
  const retrial = {
    afterBlocked: 0.7,
    afterAbandoned: 0.5,
    afterClosed: 0.2,
    maxAttempts: 3,
    delay: '10m' as const,
  };
  it('calls again with the scenario probability after a failed call only', () => {
    expect(retryProbability('blocked', retrial)).toBe(0.7);
    expect(retryProbability('abandoned', retrial)).toBe(0.5);
    expect(retryProbability('closed', retrial)).toBe(0.2);
    expect(retryProbability('answered', retrial)).toBe(0);
    expect(retryProbability('error', retrial)).toBe(0);
    expect(retryProbability('blocked', null)).toBe(0);
  });
  it('places a retrial in the window interval of its instant, and none past the window', () => {
    const starts = [100, 1100, 2100];
    expect(intervalAtWall(starts, 3100, 50)).toBe(-1);
    expect(intervalAtWall(starts, 3100, 100)).toBe(0);
    expect(intervalAtWall(starts, 3100, 1099)).toBe(0);
    expect(intervalAtWall(starts, 3100, 2500)).toBe(2);
    expect(intervalAtWall(starts, 3100, 3100)).toBe(-1);
  });
});
