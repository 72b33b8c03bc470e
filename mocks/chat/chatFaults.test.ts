import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualTime } from '../../sim/testing/ManualTime.js';
import { buildMocks, type MocksOptions } from '../buildMocks.js';
import { turns } from '../testing.js';
import { OUTAGE_CLOSE_CODE } from './chatFrames.js';
import { chatOnly, chatSocket, terminateSockets } from './testing.js';

// The mocks' faults on the chat WebSocket's frames, over app.injectWS (no port) on a hand-moved
// clock at time scale 1 (a model second is a wall second of the injected clock). Agents reply in
// exactly 60 s and there are agents to spare, so every expected instant is worked out by hand.
const H = 3600;
const apps: FastifyInstance[] = [];
afterEach(async () => {
  for (const app of apps) terminateSockets(app);
  await Promise.all(apps.splice(0).map((app) => app.close()));
});

async function chatMocks(options: MocksOptions) {
  const time = new ManualTime();
  const app = await buildMocks(chatOnly({ replyTime: '60s' }, { agents: 5 }), {
    timeScale: 1,
    wallNowMs: time.wallNowMs,
    timers: time,
    ...options,
  });
  apps.push(app);
  await app.ready();
  return { app, time };
}

const chatFaults = async (app: FastifyInstance) =>
  (await app.inject({ url: '/v1/state' })).json().faults.chat;

describe('faults on the chat WebSocket', () => {
  it('error rate 1: every client frame is answered with an injected_error frame and not acted on', async () => {
    const { app } = await chatMocks({ faults: { errorRate: 1 } });
    const client = await chatSocket(app);
    client.send({ type: 'open', sessionId: 'a' });
    client.send({ type: 'message' });
    client.send({ type: 'close' });
    await client.until(3);
    expect(client.frames.map((f) => [f.type, f.error])).toEqual([
      ['error', 'injected_error'],
      ['error', 'injected_error'],
      ['error', 'injected_error'],
    ]);
    // An invalid frame is answered as before: faults apply to frames the mock would act on.
    client.socket.send('not json');
    await client.until(4);
    expect(client.frames[3]).toMatchObject({ type: 'error', error: 'invalid_frame' });
    const state = (await app.inject({ url: '/v1/state' })).json();
    expect(state.chat.open).toBe(0);
    expect(state.faults.chat).toEqual({ latency: 0, error: 3, outage: 0 });
    expect((await app.inject({ url: '/metrics' })).body).toContain(
      'hotline_faults_injected_total{channel="chat",fault="error"} 3',
    );
  });

  it('error rate 0: the session opens and gets its reply, nothing injected', async () => {
    const { app, time } = await chatMocks({ faults: { errorRate: 0 } });
    const client = await chatSocket(app);
    client.send({ type: 'open', sessionId: 'a' });
    await client.until(1);
    time.advance(60_000);
    await client.until(2);
    expect(client.frames).toEqual([
      { type: 'opened', sessionId: 'a', atS: 0 },
      { type: 'reply', message: 1, atS: 60, agent: 1, firstResponseS: 60 },
    ]);
    expect(await chatFaults(app)).toEqual({ latency: 0, error: 0, outage: 0 });
  });

  it('an outage in model time refuses new sessions (error frame, close 1013) and errors frames of open ones', async () => {
    const { app, time } = await chatMocks({
      startAtS: 11 * H + 59 * 60,
      faults: { outage: { from: '12:00', to: '12:30' } },
    });
    const before = await chatSocket(app);
    before.send({ type: 'open', sessionId: 'before' });
    await before.until(1);
    time.advance(60_000); // 12:00:00: the reply of the model still comes
    await before.until(2);
    expect(before.frames[1]).toMatchObject({ type: 'reply', atS: 12 * H });
    before.send({ type: 'message' });
    await before.until(3);
    expect(before.frames[2]).toMatchObject({ type: 'error', error: 'outage' });

    const during = await chatSocket(app);
    during.send({ type: 'open', sessionId: 'during' });
    await during.until(1);
    expect(during.frames[0]).toMatchObject({ type: 'error', error: 'outage' });
    await turns();
    expect(during.closed.code).toBe(OUTAGE_CLOSE_CODE);

    time.advance(30 * 60_000); // 12:30:00: over (the end is outside the window)
    const after = await chatSocket(app);
    after.send({ type: 'open', sessionId: 'after' });
    await after.until(1);
    expect(after.frames[0]).toEqual({ type: 'opened', sessionId: 'after', atS: 12.5 * H });
    before.send({ type: 'message' }); // the open session was never closed: it goes on
    await turns(); // the frame reaches the mock before model time moves on
    time.advance(60_000);
    await before.until(4);
    expect(before.frames[3]).toMatchObject({ type: 'reply', message: 2, atS: 12.5 * H + 60 });
    expect(await chatFaults(app)).toEqual({ latency: 0, error: 0, outage: 2 });
  });

  it('a fixed latency delays the opened and each reply frame by exactly that on the injected clock', async () => {
    const { app, time } = await chatMocks({ faults: { addedLatency: '250ms' } });
    const client = await chatSocket(app);
    const heardAtMs: number[] = [];
    client.socket.on('message', () => heardAtMs.push(time.nowMs));
    client.send({ type: 'open', sessionId: 'a' });
    await turns();
    time.advance(249);
    await turns();
    expect(client.frames).toEqual([]);
    time.advance(1);
    await client.until(1);
    // The reply is due at model 60 s (wall 60,000 ms) and goes out 250 ms later.
    time.advance(60_249 - time.nowMs);
    await turns();
    expect(client.frames).toHaveLength(1);
    time.advance(1);
    await client.until(2);
    expect(client.frames).toEqual([
      { type: 'opened', sessionId: 'a', atS: 0 },
      { type: 'reply', message: 1, atS: 60, agent: 1, firstResponseS: 60 },
    ]);
    expect(heardAtMs).toEqual([250, 60_250]);
    expect(await chatFaults(app)).toEqual({ latency: 2, error: 0, outage: 0 });
  });
});
