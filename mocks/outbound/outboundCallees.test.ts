import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { blendedScenario, outboundFragment } from '../../sim/channels/outbound/testing.js';
import { ManualTime } from '../../sim/testing/ManualTime.js';
import { buildMocks } from '../buildMocks.js';
import { untilTurns } from '../testing.js';
import type { CalleeMode } from './OutboundService.js';

// The callee side of the outbound mocks through app.inject() on a hand-moved clock (1 model s = 1
// wall s). The campaign alone on 4 agents with T = 1: 3 dials ring at the window's opening (00:30,
// model time 1800 s: dials started before the transport exists, at the run's start, would be the
// model's), each rings out after exactly 30 s unless answered; after-call work is exactly 60 s. So
// every instant below is hand-computed; `at(s)` is s after the opening.
const apps: FastifyInstance[] = [];
const OPEN_S = 1800;
const at = (s: number) => OPEN_S + s;

async function calleeMocks(callees: CalleeMode = 'client') {
  const scenario = blendedScenario(
    outboundFragment({
      campaign: { numbersPerDay: 100, window: { mon: ['00:30-23:30'] } },
      noAnswerTime: '30s',
      afterCallWork: '1m',
      reserveIdleAgents: 1,
    }),
    (f) => {
      f.agents.groups[0]!.skills = ['outbound'];
      f.agents.groups[0]!.staffing = { kind: 'constant', agents: 4 };
      delete (f.channels as { phone?: unknown }).phone;
    },
  );
  const time = new ManualTime();
  const app = await buildMocks(scenario, {
    timeScale: 1,
    wallNowMs: time.wallNowMs,
    timers: time,
    callees,
  });
  apps.push(app);
  await app.ready();
  time.advance(OPEN_S * 1000);
  return { app, time };
}

const post = async (app: FastifyInstance, url: string, payload?: object) => {
  const response = await app.inject({ method: 'POST', url, ...(payload ? { payload } : {}) });
  return { statusCode: response.statusCode, body: response.body === '' ? null : response.json() };
};
const get = async (app: FastifyInstance, url: string) => (await app.inject({ method: 'GET', url })).json();
const claim = (app: FastifyInstance, waitMs = 0, answer?: boolean) =>
  post(app, '/v1/outbound/ringing/claim', answer === undefined ? { waitMs } : { waitMs, answer });

afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()));
});

describe('outbound callees (client)', () => {
  it('hands ringing dials to claims oldest first, then 204', async () => {
    const { app } = await calleeMocks();
    for (const id of [0, 1, 2]) {
      const claimed = await claim(app);
      expect(claimed.statusCode).toBe(200);
      expect(claimed.body).toMatchObject({
        id,
        ring: id,
        attempt: 1,
        startedAtS: at(0),
        state: 'ringing',
        ringsOutAtS: at(30),
        claimed: true,
      });
    }
    expect((await claim(app)).statusCode).toBe(204);
  });

  it('answer, hang up, wrap-up: the dial ends at hang-up + after-call work; a second answer is 409', async () => {
    const { app, time } = await calleeMocks();
    await claim(app);
    time.advance(5_000);
    const answered = await post(app, '/v1/outbound/dials/0/answer');
    expect(answered.statusCode).toBe(200);
    expect(answered.body).toMatchObject({ id: 0, state: 'talking', answeredAtS: at(5) });
    const again = await post(app, '/v1/outbound/dials/0/answer');
    expect(again.statusCode).toBe(409);
    expect(again.body.error).toBe('conflict');
    // Answered before its ring-out: nothing happens at 30 s; the callee hangs up at 305 s.
    time.advance(300_000);
    expect((await get(app, '/v1/outbound/dials/0')).state).toBe('talking');
    const hungUp = await post(app, '/v1/outbound/dials/0/hangup');
    expect(hungUp.body).toMatchObject({ state: 'wrapUp', hungUpAtS: at(305), endsAtS: at(365) });
    expect((await post(app, '/v1/outbound/dials/0/hangup')).statusCode).toBe(409);
    time.advance(60_001);
    expect(await get(app, '/v1/outbound/dials/0')).toMatchObject({ state: 'completed', endedAtS: at(365) });
    const state = (await get(app, '/v1/state')).outbound;
    expect(state.dials.completed).toBe(1);
    expect(state.callees).toMatchObject({ claimed: 1, answered: 1 });
  });

  it('declined, missed and unclaimed dials ring out at their no-answer time; conservation holds', async () => {
    const { app, time } = await calleeMocks();
    const [a, b, c] = [await claim(app), await claim(app), await claim(app)].map((r) => r.body.id);
    expect((await post(app, `/v1/outbound/dials/${a}/answer`)).statusCode).toBe(200);
    const declined = await post(app, `/v1/outbound/dials/${b}/no-answer`);
    expect(declined.body).toMatchObject({ state: 'ringing', declined: true, endsAtS: at(30) });
    expect((await post(app, `/v1/outbound/dials/${b}/answer`)).statusCode).toBe(409);
    expect((await post(app, `/v1/outbound/dials/${b}/no-answer`)).statusCode).toBe(409);
    // Dial c is claimed and left: it rings out at 30 s (missed). The two freed agents then dial again
    // at 30 s (3 idle > T = 1): dials 3 and 4, which nobody claims: they ring out at 60 s (unclaimed).
    time.advance(30_001);
    expect(await get(app, `/v1/outbound/dials/${b}`)).toMatchObject({ state: 'noAnswer', endedAtS: at(30) });
    expect(await get(app, `/v1/outbound/dials/${c}`)).toMatchObject({ state: 'noAnswer', endedAtS: at(30) });
    expect((await post(app, `/v1/outbound/dials/${c}/answer`)).statusCode).toBe(409);
    const ringing = (await get(app, '/v1/outbound/dials')).dials.filter(
      (d: { state: string }) => d.state === 'ringing',
    );
    expect(ringing.map((d: { id: number; startedAtS: number }) => [d.id, d.startedAtS])).toEqual([
      [3, at(30)],
      [4, at(30)],
    ]);
    time.advance(30_000);
    const state = (await get(app, '/v1/state')).outbound;
    expect(state.callees).toEqual({
      source: 'client',
      rung: 7, // 3 at 0, 2 at 30, 2 more at 60 by the agents freed by dials 3 and 4
      claimed: 3,
      answered: 1,
      declined: 1,
      missed: 1,
      unclaimed: 2,
      ringingUnclaimed: 2,
      waitingClaims: 0,
      firstUnclaimedAtS: at(30),
    });
    // Every dial rung is claimed, unclaimed and rung out, or still ringing unclaimed.
    const { callees } = state;
    expect(callees.rung).toBe(callees.claimed + callees.unclaimed + callees.ringingUnclaimed);
    expect(callees.claimed).toBe(callees.answered + callees.declined + callees.missed);
    expect(state.dials.noAnswer).toBe(callees.declined + callees.missed + callees.unclaimed);
    const metrics = (await app.inject({ method: 'GET', url: '/metrics' })).body;
    expect(metrics).toContain('hotline_outbound_callees_total{outcome="unclaimed"} 2');
  });

  it('a claim waits (long poll) for the next dial to ring, or gets 204 when none rings in time', async () => {
    const { app, time } = await calleeMocks();
    for (let i = 0; i < 3; i++) await claim(app);
    // Nothing more rings until 30 s: a claim waiting 5 s gets 204 when its wait is over.
    const short = app.inject({
      method: 'POST',
      url: '/v1/outbound/ringing/claim',
      payload: { waitMs: 5000 },
    });
    await untilTurns(() => app.hotline.transports.outbound!.snapshot().callees.waitingClaims === 1);
    time.advance(5_000);
    expect((await short).statusCode).toBe(204);
    // A claim waiting 30 s is handed the first dial that rings at 30 s (the agents freed by ring-outs).
    const long = app.inject({
      method: 'POST',
      url: '/v1/outbound/ringing/claim',
      payload: { waitMs: 30000 },
    });
    await untilTurns(() => app.hotline.transports.outbound!.snapshot().callees.waitingClaims === 1);
    time.advance(25_001);
    const handed = await long;
    expect(handed.statusCode).toBe(200);
    expect(handed.json()).toMatchObject({ id: 3, startedAtS: at(30), state: 'ringing', claimed: true });
  });

  it('refuses bad input and the callee side when the model answers its own dials', async () => {
    const { app } = await calleeMocks();
    const malformed = await post(app, '/v1/outbound/dials/abc/answer');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.body.error).toBe('invalid_request');
    const unknown = await post(app, '/v1/outbound/dials/999/hangup');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body.error).toBe('not_found');
    const unclaimed = await post(app, '/v1/outbound/dials/0/answer');
    expect((await get(app, '/v1/outbound/dials/0')).state).toBe('ringing');
    expect(unclaimed.statusCode).toBe(409);
    expect(unclaimed.body.message).toMatch(/claim it first/);
    const tooLong = await claim(app, 30_001);
    expect(tooLong.statusCode).toBe(400);
    const model = await calleeMocks('model');
    const refused = await claim(model.app);
    expect(refused.statusCode).toBe(409);
    expect(refused.body.message).toMatch(/callees 'client'/);
    await expect(
      buildMocks(blendedScenario(outboundFragment()), { callees: 'people' as CalleeMode }),
    ).rejects.toThrow(/callees/);
  });
});

describe('outbound callees (client): a claim that answers or declines at once', () => {
  it('answers at the instant the dial is handed over, or declines it, in the same request', async () => {
    const { app, time } = await calleeMocks();
    const picked = await claim(app, 0, true);
    expect(picked.body).toMatchObject({ id: 0, state: 'talking', claimed: true, answeredAtS: at(0) });
    const declined = await claim(app, 0, false);
    expect(declined.body).toMatchObject({ id: 1, state: 'ringing', declined: true, endsAtS: at(30) });
    // A waiting claim that answers: the dial that rings at 30 s is answered at 30 s.
    await claim(app); // dial 2, left to ring out (missed)
    const waiting = app.inject({
      method: 'POST',
      url: '/v1/outbound/ringing/claim',
      payload: { waitMs: 30000, answer: true },
    });
    await untilTurns(() => app.hotline.transports.outbound!.snapshot().callees.waitingClaims === 1);
    time.advance(30_001);
    expect((await waiting).json()).toMatchObject({ id: 3, state: 'talking', answeredAtS: at(30) });
    expect((await get(app, '/v1/state')).outbound.callees).toMatchObject({
      claimed: 4,
      answered: 2,
      declined: 1,
      missed: 1,
    });
  });
});
