import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { InputError } from '../scenarios/inputError.js';
import { ManualTime } from '../sim/testing/ManualTime.js';
import { buildMocks, type MocksOptions } from './buildMocks.js';
import { type Posted, postCall, stationary, untilHeld } from './phone/testing.js';

// Through app.inject(), no port. A time scale of 3600 makes a model minute about 17 wall ms. Tests
// that wait in model time inject the wall clock and the timers (ManualTime) and move them by hand.
const FAST = 3600;
const apps: FastifyInstance[] = [];

async function mocks(options: MocksOptions = {}, scenario = stationary()): Promise<FastifyInstance> {
  const app = await buildMocks(scenario, { timeScale: FAST, ...options });
  apps.push(app);
  return app;
}

/** Mocks on a hand-moved clock: model time moves only by `time.advance(wallMs)`. */
async function manualMocks(scenario = stationary(), options: MocksOptions = {}) {
  const time = new ManualTime();
  const app = await mocks({ wallNowMs: time.wallNowMs, timers: time, ...options }, scenario);
  await app.ready();
  return { app, time };
}

/**
 * Advances model time by `modelS` seconds at the FAST scale. Timers are armed in whole wall ms
 * (rounded up), so tests move a little past an event; it still happens at its own model time.
 */
const advanceModel = (time: ManualTime, modelS: number) => time.advance((modelS / FAST) * 1000);

afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()));
});

describe('POST /v1/calls', () => {
  it('answers at once when an agent is idle, with the contract fields', async () => {
    const app = await mocks();
    const { statusCode, body } = await postCall(app, { callId: 'c-1' });
    expect(statusCode).toBe(200);
    expect(body).toMatchObject({
      outcome: 'answered',
      waitS: 0,
      agent: 1,
      interval: 0,
      class: 'all',
      callId: 'c-1',
    });
    expect(body.talkS).toBeGreaterThan(0);
    expect(body.waitMs).toBeGreaterThanOrEqual(0);
    expect(body).not.toHaveProperty('reason');
  });

  it('queues when every agent is busy and abandons after the patience the client sent', async () => {
    const { app, time } = await manualMocks(
      stationary({ staffing: { kind: 'constant', agents: 1 }, talkTime: '1d' }),
    );
    expect((await postCall(app)).body.outcome).toBe('answered');
    const held = postCall(app, { patienceS: 60 });
    await untilHeld(app, 1);
    advanceModel(time, 59.9);
    expect(app.hotline.transports.phone!.pendingCalls).toBe(1);
    advanceModel(time, 5); // timers round up to whole wall ms; the abandonment still happens at 60 s
    const { body } = await held;
    expect(body).toMatchObject({ outcome: 'abandoned', waitS: 60, agent: null, talkS: null });
    // 60 model s at 3600 model s per wall s is 16.667 wall ms.
    expect(body.waitMs).toBeCloseTo(16.667, 3);
  });

  it('answers a queued call when the agent frees up, after talk + after-call work in model time', async () => {
    const { app, time } = await manualMocks(
      stationary({ staffing: { kind: 'constant', agents: 1 }, talkTime: '60s', afterCallWork: '30s' }),
    );
    await postCall(app);
    const held = postCall(app, { patienceS: 3600 });
    await untilHeld(app, 1);
    advanceModel(time, 90);
    // Queued at 0 s; the agent is free after 60 s of talk and 30 s of after-call work.
    expect((await held).body).toMatchObject({ outcome: 'answered', waitS: 90, agent: 1 });
  });

  it('follows the staffing step function: a queued call is answered when a shift starts', async () => {
    const agents = Array.from({ length: 48 }, (_, i) => (i === 0 ? 0 : 1));
    const { app, time } = await manualMocks(stationary({ staffing: { kind: 'perInterval', agents } }), {
      startAtS: 1800 - 600,
    });
    expect(app.hotline.transports.phone!.snapshot().agentsOnDuty).toBe(0);
    const held = postCall(app, { patienceS: 3600 });
    await untilHeld(app, 1);
    advanceModel(time, 610);
    // Arrived at 20:00; the first agent starts at 30:00.
    expect((await held).body).toMatchObject({ outcome: 'answered', interval: 0, agent: 1, waitS: 600 });
    expect(app.hotline.transports.phone!.snapshot().agentsOnDuty).toBe(1);
  });

  it('serves the higher priority class first, FCFS within a class', async () => {
    const { app, time } = await manualMocks(
      stationary({
        staffing: { kind: 'constant', agents: 1 },
        talkTime: '60s',
        priorityClasses: [
          { name: 'normal', share: 0.5, priority: 1 },
          { name: 'urgent', share: 0.5, priority: 9 },
        ],
      }),
    );
    await postCall(app, { class: 'normal' });
    const order: string[] = [];
    const track = (payload: object) =>
      postCall(app, { patienceS: 36_000, ...payload }).then((r) => order.push(r.body.callId as string));
    const all: Promise<number>[] = [];
    for (const [klass, callId] of [
      ['normal', 'n1'],
      ['normal', 'n2'],
      ['urgent', 'u1'],
    ]) {
      all.push(track({ class: klass, callId }));
      await untilHeld(app, all.length);
    }
    advanceModel(time, 3 * 60);
    await Promise.all(all);
    expect(order).toEqual(['u1', 'n1', 'n2']);
  });

  it('says closed outside opening hours, blocked when the trunk lines are full, selfServed after the IVR', async () => {
    const closedApp = await mocks({ startAtS: 3 * 3600 }, stationary({ hours: { mon: ['08:00-18:00'] } }));
    expect((await postCall(closedApp)).body).toMatchObject({
      outcome: 'closed',
      interval: 6,
      waitS: 0,
      agent: null,
    });

    const blockedApp = await mocks({}, stationary({ trunkLines: 1, talkTime: '1d' }));
    await postCall(blockedApp);
    expect((await postCall(blockedApp)).body.outcome).toBe('blocked');

    const ivrApp = await mocks({}, stationary({ ivr: { time: '30s', selfServiceShare: 1 } }));
    expect((await postCall(ivrApp)).body).toMatchObject({ outcome: 'selfServed', waitS: 0 });
  });

  it('rejects a bad body with 400 naming the field path', async () => {
    const app = await mocks();
    const cases: [unknown, string][] = [
      [{ patienceS: -1 }, '/patienceS'],
      [{ patienceS: '5' }, '/patienceS'],
      [{ class: 'vip' }, '/class'],
      [{ patience: 5 }, '/patience'],
    ];
    for (const [payload, path] of cases) {
      const { statusCode, body } = await postCall(app, payload);
      expect(statusCode, JSON.stringify(payload)).toBe(400);
      expect(body.error).toBe('invalid_request');
      expect((body.issues as { path: string }[])[0]!.path).toBe(path);
      expect(body.message).toContain(path);
    }
    const notJson = await app.inject({
      method: 'POST',
      url: '/v1/calls',
      payload: '{"patienceS":',
      headers: { 'content-type': 'application/json' },
    });
    expect(notJson.statusCode).toBe(400);
    expect(notJson.json()).toMatchObject({ error: 'invalid_request' });
  });

  it('answers 413 JSON to an oversized body', async () => {
    const app = await mocks();
    const { statusCode, body } = await postCall(app, { callId: 'x'.repeat(20_000) });
    expect(statusCode).toBe(413);
    expect(body).toMatchObject({ error: 'payload_too_large' });
  });

  it('accepts a POST without a body (class and patience drawn)', async () => {
    const app = await mocks();
    const response = await app.inject({ method: 'POST', url: '/v1/calls' });
    expect(response.statusCode).toBe(200);
    expect(response.json().outcome).toBe('answered');
  });
});

describe('auth', () => {
  it('401 JSON without or with a wrong bearer token, except on /health', async () => {
    const app = await mocks({ token: 's3cret' });
    const missing = await postCall(app);
    expect(missing.statusCode).toBe(401);
    expect(missing.body).toMatchObject({ error: 'unauthorized' });
    expect(typeof missing.body.message).toBe('string');
    const wrong = await postCall(app, {}, { authorization: 'Bearer nope' });
    expect(wrong.statusCode).toBe(401);
    for (const url of ['/metrics', '/v1/state', '/openapi.json']) {
      expect((await app.inject({ url })).statusCode, url).toBe(401);
    }
    expect((await app.inject({ url: '/health' })).statusCode).toBe(200);
    const ok = await postCall(app, {}, { authorization: 'Bearer s3cret' });
    expect(ok.statusCode).toBe(200);
  });
});

describe('overload', () => {
  it('503 + Retry-After when more calls are held than maxPendingCalls', async () => {
    const app = await mocks({ maxPendingCalls: 0, retryAfterS: 2 });
    const { statusCode, body, headers } = await postCall(app);
    expect(statusCode).toBe(503);
    expect(body).toMatchObject({ error: 'overloaded' });
    expect(headers['retry-after']).toBe('2');
  });

  it('503 + Retry-After from under-pressure when its health check fails', async () => {
    const app = await mocks({ pressure: { healthCheck: async () => false, healthCheckInterval: 60_000 } });
    const { statusCode, body, headers } = await postCall(app);
    expect(statusCode).toBe(503);
    expect(body).toMatchObject({ error: 'overloaded' });
    expect(headers['retry-after']).toBe('1');
  });
});

describe('model clock', () => {
  it("with clockStart 'firstCall' the clock stands still until the first call, then runs", async () => {
    let wall = 0;
    const app = await mocks({
      startAtS: 3600,
      timeScale: 60,
      clockStart: 'firstCall',
      wallNowMs: () => wall,
    });
    await app.ready();
    wall = 5000; // 5 wall seconds pass before the replay starts
    expect((await app.inject({ url: '/v1/state' })).json().modelTimeS).toBe(3600);
    const first = await postCall(app);
    expect(first.statusCode).toBe(200);
    wall = 6000; // one wall second after the first call: 60 model seconds
    expect((await app.inject({ url: '/v1/state' })).json().modelTimeS).toBeCloseTo(3660, 6);
  });
});

describe('faults', () => {
  it('errorRate 1 answers 500 JSON without taking the call', async () => {
    const app = await mocks({ faults: { errorRate: 1 } });
    const { statusCode, body } = await postCall(app);
    expect(statusCode).toBe(500);
    expect(body).toMatchObject({ error: 'injected_error' });
    const state = (await app.inject({ url: '/v1/state' })).json();
    expect(state.calls.answered).toBe(0);
  });

  it('an outage window in model time answers 503 with Retry-After', async () => {
    const app = await mocks({ startAtS: 9 * 3600, faults: { outage: { from: '09:00', to: '10:00' } } });
    const { statusCode, body, headers } = await postCall(app);
    expect(statusCode).toBe(503);
    expect(body).toMatchObject({ error: 'outage' });
    expect(headers['retry-after']).toBe('1');
    const later = await mocks({ startAtS: 10 * 3600, faults: { outage: { from: '09:00', to: '10:00' } } });
    expect((await postCall(later)).statusCode).toBe(200);
  });

  it('addedLatency delays the response in wall time', async () => {
    const app = await mocks({ faults: { addedLatency: '80ms' } });
    const started = performance.now();
    expect((await postCall(app)).statusCode).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(75);
  });

  it('faults can come from the scenario; a flag overrides the same fault only', async () => {
    const scenario = stationary({ faults: { errorRate: 1, outage: { from: '09:00', to: '10:00' } } });
    const fromScenario = await mocks({}, scenario);
    expect((await postCall(fromScenario)).statusCode).toBe(500);
    const overridden = await mocks({ faults: { errorRate: 0 } }, scenario);
    expect((await postCall(overridden)).statusCode).toBe(200);
    const stillOutage = await mocks({ startAtS: 9 * 3600 + 60, faults: { errorRate: 0 } }, scenario);
    expect((await postCall(stillOutage)).statusCode).toBe(503);
  });

  it('bad options are an InputError naming the option', async () => {
    await expect(buildMocks(stationary(), { faults: { errorRate: 2 } })).rejects.toThrow(InputError);
    await expect(
      buildMocks(stationary(), { faults: { addedLatency: { kind: 'exponential', mean: 'fast' } as never } }),
    ).rejects.toThrow(/addedLatency/);
    await expect(buildMocks(stationary(), { timeScale: 0 })).rejects.toThrow(/timeScale/);
  });
});

describe('status routes', () => {
  it('/health, /v1/state and /metrics in Prometheus text format', async () => {
    const app = await mocks({ startAtS: 8 * 3600 });
    await postCall(app);
    expect((await app.inject({ url: '/health' })).json()).toEqual({ status: 'ok' });
    const state = (await app.inject({ url: '/v1/state' })).json();
    expect(state).toMatchObject({
      scenario: 'stationary-mmc',
      interval: 16,
      agentsOnDuty: 14,
      agentsBusy: 1,
    });
    expect(state.calls).toEqual({ answered: 1, abandoned: 0, blocked: 0, closed: 0, selfServed: 0 });
    expect(state.modelTimeS).toBeGreaterThanOrEqual(8 * 3600);

    const metrics = await app.inject({ url: '/metrics' });
    expect(metrics.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = metrics.body;
    for (const line of text.trim().split('\n')) {
      expect(line).toMatch(
        /^(# (HELP|TYPE) hotline_\w+ .+|hotline_\w+(\{(outcome="\w+"|le="([0-9.e+-]+|\+Inf)"|channel="\w+",fault="\w+")\})? [0-9.e-]+)$/,
      );
    }
    expect(text).toContain('# TYPE hotline_calls_total counter');
    expect(text).toContain('hotline_calls_total{outcome="answered"} 1');
    expect(text).toMatch(/^hotline_agents_on_duty 14$/m);
    expect(text).toMatch(/^hotline_agents_busy 1$/m);
    expect(text).toMatch(/^hotline_queue_length 0$/m);
    expect(text).toContain('hotline_faults_injected_total{channel="phone",fault="error"} 0');
    expect(state.faults).toEqual({ phone: { latency: 0, error: 0, outage: 0 } });
    expect(text).toMatch(/^hotline_model_time_seconds [0-9.]+$/m);
    // The one call so far is in the response-time histogram: in +Inf and counted once.
    expect(text).toContain('# TYPE hotline_call_response_seconds histogram');
    expect(text).toMatch(/^hotline_call_response_seconds_bucket\{le="\+Inf"\} 1$/m);
    expect(text).toMatch(/^hotline_call_response_seconds_count 1$/m);
  });

  it('/openapi.json documents /v1/calls with its body and response', async () => {
    const app = await mocks();
    const doc = (await app.inject({ url: '/openapi.json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    const post = doc.paths['/v1/calls'].post;
    expect(post.requestBody.content['application/json'].schema.properties).toHaveProperty('patienceS');
    expect(post.responses['200'].content['application/json'].schema.properties.outcome.enum).toContain(
      'selfServed',
    );
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/health', '/metrics', '/v1/state']));
  });

  it('404 is JSON too', async () => {
    const app = await mocks();
    const response = await app.inject({ url: '/nope' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ error: 'not_found' });
  });
});

describe('shutdown', () => {
  it('app.close() gives every held call an outcome (abandoned, reason shutdown)', async () => {
    const time = new ManualTime();
    const app = await buildMocks(stationary({ staffing: { kind: 'constant', agents: 1 }, talkTime: '1d' }), {
      timeScale: FAST,
      wallNowMs: time.wallNowMs,
      timers: time,
    });
    const first = await postCall(app);
    expect(first.body.outcome).toBe('answered');
    const held: Promise<Posted>[] = [];
    for (let i = 0; i < 5; i++) held.push(postCall(app, { patienceS: 86_400 * 30, callId: `h${i}` }));
    await untilHeld(app, 5);
    advanceModel(time, 120);
    await app.close();
    const responses = await Promise.all(held);
    for (const r of responses) {
      expect(r.statusCode).toBe(200);
      expect(r.body).toMatchObject({ outcome: 'abandoned', reason: 'shutdown', agent: null, waitS: 120 });
    }
    expect(responses.map((r) => r.body.callId)).toEqual(['h0', 'h1', 'h2', 'h3', 'h4']);
  });

  it('with 0 agents and calls in the IVR, close still answers every request', async () => {
    const app = await buildMocks(
      stationary({ staffing: { kind: 'constant', agents: 0 }, ivr: { time: '1h' } }),
      { timeScale: 1 },
    );
    const held = [postCall(app), postCall(app), postCall(app, { patienceS: 0 })];
    await untilHeld(app, 3);
    await app.close();
    const bodies = (await Promise.all(held)).map((r) => r.body);
    expect(bodies.map((b) => [b.outcome, b.reason, b.waitS])).toEqual([
      ['abandoned', 'shutdown', 0],
      ['abandoned', 'shutdown', 0],
      ['abandoned', 'shutdown', 0],
    ]);
  });
});
