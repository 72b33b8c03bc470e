import { request as httpRequest } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualTime } from '../../sim/testing/ManualTime.js';
import { buildMocks, type MocksOptions } from '../buildMocks.js';
import { untilTurns } from '../testing.js';
import type { CallResult } from './callTypes.js';
import { stationary } from './testing.js';

// The caller hangs up by closing the connection (app.inject cannot disconnect, so: real sockets on
// 127.0.0.1). The model clock and its timers are a ManualTime the test moves (1 wall s = 60 model s),
// so the model times below are exact; waits for the sockets count event-loop turns, not milliseconds.
const apps: FastifyInstance[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()));
});

async function listening(options: MocksOptions, changes: Parameters<typeof stationary>[0]) {
  const time = new ManualTime();
  const ended: CallResult[] = [];
  const app = await buildMocks(stationary(changes), {
    timeScale: 60,
    wallNowMs: time.wallNowMs,
    timers: time,
    onContactEnd: (_channel, r) => ended.push(r as CallResult),
    ...options,
  });
  apps.push(app);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    app,
    ended,
    /** Moves the model clock to `modelS`, firing the model's timers on the way. */
    setModelS(modelS: number) {
      time.advance((modelS / 60) * 1000 - time.nowMs);
    },
    /** POSTs a call; `hangUp()` closes the connection (the caller hangs up). */
    call(body: object) {
      let destroy = () => {};
      const reply = new Promise<{ status: number; body: Record<string, unknown> } | 'hung up'>(
        (resolve, reject) => {
          const req = httpRequest({ host: '127.0.0.1', port, method: 'POST', path: '/v1/calls' }, (res) => {
            let text = '';
            res.on('data', (chunk) => {
              text += chunk;
            });
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
          });
          req.setHeader('content-type', 'application/json');
          req.on('error', (error) => (error.message === 'hung up' ? resolve('hung up') : reject(error)));
          destroy = () => req.destroy(new Error('hung up'));
          req.end(JSON.stringify(body));
        },
      );
      return { reply, hangUp: () => destroy() };
    },
  };
}

const until = (condition: () => boolean) => untilTurns(condition);

describe('POST /v1/calls: the caller hangs up by closing the connection', () => {
  it('every caller who hangs up ends abandoned (hangUp) at that model time, is counted, and never reaches an agent', async () => {
    // One agent busy for 300 s with the first call; four callers queue behind it and two hang up.
    const mocks = await listening(
      { patience: 'client' },
      { staffing: { kind: 'constant', agents: 1 }, talkTime: '300s' },
    );
    const { app, ended } = mocks;
    const first = await mocks.call({ callId: 'c0' }).reply;
    expect(first).toMatchObject({ status: 200, body: { outcome: 'answered', waitS: 0 } });
    mocks.setModelS(10);
    const calls = ['c1', 'c2', 'c3', 'c4'].map((callId) => ({ callId, ...mocks.call({ callId }) }));
    await until(() => app.hotline.transports.phone!.snapshot().queueLength === 4);

    mocks.setModelS(70);
    calls[1]!.hangUp();
    await until(() => ended.length === 2);
    mocks.setModelS(130);
    calls[2]!.hangUp();
    await until(() => ended.length === 3);
    expect(app.hotline.transports.phone!.snapshot()).toMatchObject({ queueLength: 2, pendingCalls: 2 });

    // At 300 s the agent takes c1 (FCFS), the hung-up c2 and c3 are skipped.
    mocks.setModelS(301);
    const c1 = await calls[0]!.reply;
    expect(c1).toMatchObject({ status: 200, body: { outcome: 'answered', callId: 'c1', agent: 1 } });
    expect(await calls[1]!.reply).toBe('hung up');
    expect(await calls[2]!.reply).toBe('hung up');

    // The model's record, call by call, is what the clients saw.
    const byId = Object.fromEntries(ended.map((r) => [r.callId, r]));
    expect(byId.c2).toMatchObject({ outcome: 'abandoned', reason: 'hangUp', waitS: 60, agent: null });
    expect(byId.c3).toMatchObject({ outcome: 'abandoned', reason: 'hangUp', waitS: 120, agent: null });
    expect(byId.c1).toMatchObject({ outcome: 'answered', waitS: 290 });
    expect(byId.c4).toBeUndefined();

    const state = await app.inject({ method: 'GET', url: '/v1/state' });
    expect(state.json()).toMatchObject({
      calls: { answered: 2, abandoned: 2 },
      hangUps: 2,
      queueLength: 1,
      pendingCalls: 1,
    });
    // c4 is answered when c1's talk ends at 601 s; nobody hung up was ever answered.
    mocks.setModelS(602);
    expect(await calls[3]!.reply).toMatchObject({ body: { outcome: 'answered', callId: 'c4' } });
    expect(ended.filter((r) => r.outcome === 'answered').map((r) => r.callId)).toEqual(['c0', 'c1', 'c4']);
  });

  it("with patience 'client' and no patienceS the mock never gives up for the caller; with 'scenario' it draws one", async () => {
    const changes = { staffing: { kind: 'constant' as const, agents: 0 }, patience: '5m' };
    for (const patience of ['client', 'scenario'] as const) {
      const mocks = await listening({ patience }, changes);
      const held = mocks.call({ callId: patience });
      await until(() => mocks.app.hotline.transports.phone!.snapshot().queueLength === 1);
      // Five model hours later: the scenario's 5-minute patience would have run out long ago.
      mocks.setModelS(5 * 3600);
      const snapshot = mocks.app.hotline.transports.phone!.snapshot();
      if (patience === 'client') {
        expect(snapshot).toMatchObject({ queueLength: 1, calls: { abandoned: 0 } });
        held.hangUp();
        await until(() => mocks.ended.length === 1);
        expect(mocks.ended[0]).toMatchObject({ outcome: 'abandoned', reason: 'hangUp', waitS: 5 * 3600 });
      } else {
        expect(snapshot).toMatchObject({ queueLength: 0, calls: { abandoned: 1 } });
        expect(await held.reply).toMatchObject({ body: { outcome: 'abandoned', waitS: 300 } });
        expect(mocks.ended[0]).not.toHaveProperty('reason');
      }
    }
  });

  it('a patienceS sent by the client is honoured with client patience', async () => {
    const mocks = await listening({ patience: 'client' }, { staffing: { kind: 'constant', agents: 0 } });
    const held = mocks.call({ patienceS: 45 });
    await until(() => mocks.app.hotline.transports.phone!.snapshot().queueLength === 1);
    mocks.setModelS(46);
    expect(await held.reply).toMatchObject({ status: 200, body: { outcome: 'abandoned', waitS: 45 } });
  });

  it('the OpenAPI document states the contract: the response is the answer, closing the connection hangs up', async () => {
    const app = await buildMocks(stationary());
    apps.push(app);
    const doc = (await app.inject({ method: 'GET', url: '/openapi.json' })).json();
    const post = doc.paths['/v1/calls'].post;
    expect(post.description).toContain('the response IS the answer');
    expect(post.description).toContain('The caller hangs up by closing the connection');
    expect(post.responses['200'].content['application/json'].schema.properties.reason.enum).toEqual([
      'shutdown',
      'hangUp',
    ]);
  });

  it('refuses an unknown patience source', async () => {
    await expect(buildMocks(stationary(), { patience: 'server' as 'client' })).rejects.toThrow(/patience/);
  });
});
