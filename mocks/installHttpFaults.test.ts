import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualTime } from '../sim/testing/ManualTime.js';
import { scenarioModel } from '../sim/testing/scenarioText.js';
import { buildMocks, type MocksOptions } from './buildMocks.js';
import { postCheckin } from './checkin/testing.js';
import { postCall, stationary } from './phone/testing.js';
import { GOOD_FIELDS, multipartBody, pdfPart } from './portal/testing.js';
import { turns, untilTurns } from './testing.js';

// The flags' faults on every HTTP route of every transport, through app.inject() on a hand-moved
// clock (time scale 1: a model second is a wall second of the injected clock). ecosystem-all has all
// six channels; its mocks start on Monday at 11:00 (day 1 of the calendar), everything open.
const H = 3600;
const apps: FastifyInstance[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()));
});

async function ecosystemMocks(options: MocksOptions, scenario = scenarioModel('ecosystem-all')) {
  const time = new ManualTime();
  const app = await buildMocks(scenario, {
    timeScale: 1,
    startAtS: 11 * H,
    wallNowMs: time.wallNowMs,
    timers: time,
    ...options,
  });
  apps.push(app);
  await app.ready();
  return { app, time };
}

/** One request per HTTP route of the transports that do not hold it (phone's call does: apart). */
const REQUESTS: readonly {
  channel: string;
  send: (app: FastifyInstance) => Promise<LightMyRequestResponse>;
  status: number;
}[] = [
  { channel: 'checkin', send: (app) => postCheckin(app), status: 202 },
  { channel: 'checkin', send: (app) => app.inject({ url: '/v1/checkins/none' }), status: 404 },
  {
    channel: 'email',
    send: (app) =>
      app.inject({ method: 'POST', url: '/v1/emails', payload: { from: 'a@example.org', subject: 'help' } }),
    status: 202,
  },
  { channel: 'email', send: (app) => app.inject({ url: '/v1/emails/none' }), status: 404 },
  { channel: 'outbound', send: (app) => app.inject({ url: '/v1/outbound/dials' }), status: 200 },
  { channel: 'outbound', send: (app) => app.inject({ url: '/v1/outbound/dials/999999999' }), status: 404 },
  {
    channel: 'portal',
    send: (app) =>
      app.inject({
        method: 'POST',
        url: '/v1/applications',
        ...multipartBody([
          ...GOOD_FIELDS.filter((p) => p.name !== 'applicationType'),
          { name: 'applicationType', value: 'childBenefit' },
          pdfPart(),
        ]),
      }),
    status: 201,
  },
  { channel: 'portal', send: (app) => app.inject({ url: '/v1/applications/none' }), status: 404 },
];

const state = async (app: FastifyInstance) => (await app.inject({ url: '/v1/state' })).json();
const metrics = async (app: FastifyInstance) => (await app.inject({ url: '/metrics' })).body;

describe('faults on every HTTP transport (installHttpFaults)', () => {
  it('error rate 1: every request of every channel gets 500 injected_error, counted per channel', async () => {
    const { app } = await ecosystemMocks({ faults: { errorRate: 1 } });
    for (const request of REQUESTS) {
      const response = await request.send(app);
      expect([request.channel, response.statusCode]).toEqual([request.channel, 500]);
      expect(response.json()).toMatchObject({ error: 'injected_error' });
    }
    const call = await postCall(app);
    expect(call.statusCode).toBe(500);
    const after = await state(app);
    expect(after.faults).toEqual({
      phone: { latency: 0, error: 1, outage: 0 },
      chat: { latency: 0, error: 0, outage: 0 },
      checkin: { latency: 0, error: 2, outage: 0 },
      email: { latency: 0, error: 2, outage: 0 },
      outbound: { latency: 0, error: 2, outage: 0 },
      portal: { latency: 0, error: 2, outage: 0 },
    });
    // Refused before the handler: nothing reached the model.
    expect(after.email.submitted).toBe(0);
    expect(after.portal.received).toBe(0);
    expect(after.calls.answered + after.calls.abandoned).toBe(0);
    const text = await metrics(app);
    expect(text).toContain('hotline_faults_injected_total{channel="checkin",fault="error"} 2');
    expect(text).toContain('hotline_faults_injected_total{channel="phone",fault="error"} 1');
    expect(text).toContain('hotline_faults_injected_total{channel="chat",fault="error"} 0');
    // The status routes are never faulted; the faulted routes' contract says what a fault answers.
    expect((await app.inject({ url: '/health' })).statusCode).toBe(200);
    const doc = (await app.inject({ url: '/openapi.json' })).json();
    for (const [path, method] of [
      ['/v1/checkins', 'post'],
      ['/v1/emails/{id}', 'get'],
      ['/v1/outbound/dials', 'get'],
    ] as const)
      expect([path, Object.keys(doc.paths[path][method].responses)]).toEqual([
        path,
        expect.arrayContaining(['500', '503']),
      ]);
    expect(Object.keys(doc.paths['/health'].get.responses)).toEqual(['200']);
    expect(app.hotline.faultDescriptions).toEqual([
      'error rate: 1 on phone, chat, checkin, email, outbound, portal',
    ]);
  });

  it('error rate 0: no request is refused and nothing is counted', async () => {
    const { app } = await ecosystemMocks({ faults: { errorRate: 0 } });
    for (const request of REQUESTS)
      expect([request.channel, (await request.send(app)).statusCode]).toEqual([
        request.channel,
        request.status,
      ]);
    const counts = Object.values((await state(app)).faults);
    expect(counts).toEqual(Array(6).fill({ latency: 0, error: 0, outage: 0 }));
  });

  it('an outage window in model time: 503 with Retry-After inside, answers before and after', async () => {
    const { app, time } = await ecosystemMocks({
      startAtS: 11 * H + 59 * 60,
      faults: { outage: { from: '12:00', to: '12:30' } },
    });
    const everyStatus = async () => Promise.all(REQUESTS.map(async (r) => (await r.send(app)).statusCode));
    expect(await everyStatus()).toEqual(REQUESTS.map((r) => r.status));
    time.advance(60_000); // 12:00:00
    const inside = await Promise.all(REQUESTS.map((r) => r.send(app)));
    expect(inside.map((r) => r.statusCode)).toEqual(Array(REQUESTS.length).fill(503));
    expect(inside.map((r) => r.headers['retry-after'])).toEqual(Array(REQUESTS.length).fill('1'));
    expect(inside[0]!.json()).toMatchObject({ error: 'outage' });
    expect((await postCall(app)).statusCode).toBe(503);
    time.advance(30 * 60_000); // 12:30:00, the end is outside the window
    expect(await everyStatus()).toEqual(REQUESTS.map((r) => r.status));
    const faults = (await state(app)).faults;
    expect([faults.checkin.outage, faults.email.outage, faults.phone.outage, faults.chat.outage]).toEqual([
      2, 2, 1, 0,
    ]);
  });

  it('a fixed latency delays each response by exactly that on the injected clock', async () => {
    const { app, time } = await ecosystemMocks({ faults: { addedLatency: '250ms' } });
    for (const request of REQUESTS) {
      const timersBefore = time.pendingTimers;
      const sentAtMs = time.nowMs;
      let answeredAtMs: number | undefined;
      const response = request.send(app).then((r) => {
        answeredAtMs = time.nowMs;
        return r;
      });
      // The response waits on a timer of the injected clock: nothing is sent until it moves.
      await untilTurns(
        () => time.pendingTimers > timersBefore,
        () => `${request.channel}: no latency timer`,
      );
      time.advance(249);
      await turns();
      expect([request.channel, answeredAtMs]).toEqual([request.channel, undefined]);
      time.advance(1);
      expect((await response).statusCode).toBe(request.status);
      expect([request.channel, answeredAtMs! - sentAtMs]).toEqual([request.channel, 250]);
    }
    const faults = (await state(app)).faults;
    expect([faults.checkin, faults.email, faults.outbound, faults.portal]).toEqual(
      Array(4).fill({ latency: 2, error: 0, outage: 0 }),
    );
  });

  it("the scenario's phone faults apply to phone only; a flag applies to every channel", async () => {
    const scenario = scenarioModel('ecosystem-all', (f) => {
      f.channels.phone.faults = { errorRate: 1 };
    });
    const email = REQUESTS[2]!;
    const fromScenario = (await ecosystemMocks({}, scenario)).app;
    expect((await postCall(fromScenario)).statusCode).toBe(500);
    expect((await email.send(fromScenario)).statusCode).toBe(202);
    const { app: overridden, time } = await ecosystemMocks({ faults: { errorRate: 0 } }, scenario);
    const call = postCall(overridden, { patienceS: 0 });
    await turns();
    time.advance(41_000); // past the IVR (20-40 s); with no patience the call ends at once after it
    expect((await call).statusCode).toBe(200);
  });

  it('phone: a fixed latency delays the answer by exactly that on the injected clock', async () => {
    const time = new ManualTime();
    const scenario = stationary({ faults: { addedLatency: '40ms', errorRate: 0 } });
    const app = await buildMocks(scenario, { wallNowMs: time.wallNowMs, timers: time });
    apps.push(app);
    await app.ready();
    let answeredAtMs: number | undefined;
    const timersBefore = time.pendingTimers;
    const call = postCall(app).then((r) => {
      answeredAtMs = time.nowMs;
      return r;
    });
    await untilTurns(
      () => time.pendingTimers > timersBefore,
      () => 'no latency timer',
    );
    time.advance(39);
    await turns();
    expect(answeredAtMs).toBeUndefined();
    time.advance(1);
    expect((await call).statusCode).toBe(200);
    expect(answeredAtMs).toBe(40);
    expect(app.hotline.faultDescriptions).toEqual(['added latency: 0.04s (wall clock) on phone']);
  });
});
