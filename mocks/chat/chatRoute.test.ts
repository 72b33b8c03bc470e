import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { FIRST_EXTERNAL_CONTACT_ID } from '../../sim/engine/externalContacts.js';
import { ManualTime } from '../../sim/testing/ManualTime.js';
import { type RunningMocks, startMocks } from '../server.js';
import { untilTurns } from '../testing.js';
import { chatOnly, withChat } from './testing.js';

// GET /v1/chat over a real socket on 127.0.0.1. Model time is hand-moved (ManualTime) at a time
// scale of 60: one model minute is one wall second of the injected clock, never of the machine's.
const SCALE = 60;
const running: RunningMocks[] = [];
const sockets: WebSocket[] = [];

afterEach(async () => {
  for (const s of sockets.splice(0)) {
    s.on('error', () => {}); // terminating a socket that never opened emits an error
    s.terminate();
  }
  await Promise.all(running.splice(0).map((m) => m.close()));
});

async function chatMocks(options: { token?: string } = {}, scenario = withChat({ replyTime: '60s' })) {
  const time = new ManualTime();
  const mocks = await startMocks(scenario, {
    port: 0,
    timeScale: SCALE,
    wallNowMs: time.wallNowMs,
    timers: time,
    ...options,
  });
  running.push(mocks);
  return { mocks, time, advanceModel: (s: number) => time.advance((s / SCALE) * 1000) };
}

/** A client socket that records every frame it receives. */
async function connect(url: string, headers: Record<string, string> = {}) {
  const socket = new WebSocket(`${url.replace('http', 'ws')}/v1/chat`, { headers });
  sockets.push(socket);
  const frames: Record<string, unknown>[] = [];
  socket.on('message', (data) => frames.push(JSON.parse(String(data))));
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  const until = (count: number) =>
    untilTurns(
      () => frames.length >= count,
      () => `got ${frames.length} frames, expected ${count}: ${JSON.stringify(frames)}`,
    );
  const send = (frame: unknown) => socket.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  return { socket, frames, until, send };
}

describe('GET /v1/chat (WebSocket)', () => {
  it('refuses the upgrade with 401 JSON without the bearer token, accepts it with the token', async () => {
    const { mocks } = await chatMocks({ token: 's3cret' });
    const refused = new WebSocket(`${mocks.url.replace('http', 'ws')}/v1/chat`);
    sockets.push(refused);
    const response = await new Promise<{ status: number; body: string }>((resolve) => {
      refused.on('error', () => {});
      refused.on('unexpected-response', (req, res) => {
        let body = '';
        res.on('data', (chunk) => {
          body += chunk;
        });
        res.on('end', () => {
          req.destroy();
          resolve({ status: res.statusCode ?? 0, body });
        });
      });
    });
    expect(response.status).toBe(401);
    expect(JSON.parse(response.body)).toMatchObject({ error: 'unauthorized' });
    const client = await connect(mocks.url, { authorization: 'Bearer s3cret' });
    client.send({ type: 'open' });
    await client.until(1);
    expect(client.frames[0]).toMatchObject({ type: 'opened', sessionId: 's-0' });
  });

  it('serves a scenario without a phone channel: the chat socket, no calls route, state and metrics without calls', async () => {
    const { mocks, advanceModel } = await chatMocks({}, chatOnly({ replyTime: '60s' }));
    expect(mocks.app.hotline.transports.phone).toBeUndefined();
    const c = await connect(mocks.url);
    c.send({ type: 'open', sessionId: 'r-1' });
    await c.until(1);
    advanceModel(61);
    await c.until(2);
    expect(c.frames[1]).toMatchObject({ type: 'reply', message: 1, atS: 60, firstResponseS: 60 });
    const call = await fetch(`${mocks.url}/v1/calls`, { method: 'POST' });
    expect(call.status).toBe(404);
    const state = (await (await fetch(`${mocks.url}/v1/state`)).json()) as Record<string, unknown>;
    expect(state).not.toHaveProperty('calls');
    expect(state.modelTimeS).toBeGreaterThanOrEqual(61);
    expect(state.chat).toMatchObject({ inProgress: 1, open: 1 });
    const metrics = await (await fetch(`${mocks.url}/metrics`)).text();
    expect(metrics).not.toContain('hotline_calls_total');
    expect(metrics).toContain('hotline_model_time_seconds');
    expect(metrics).toContain('hotline_chat_sessions_in_progress 1');
  });

  it('a plain GET is 426 Upgrade Required', async () => {
    const { mocks } = await chatMocks();
    const response = await fetch(`${mocks.url}/v1/chat`);
    expect(response.status).toBe(426);
    expect(await response.json()).toMatchObject({ error: 'upgrade_required' });
  });

  it('opens, replies at model time, takes a second message, completes on close', async () => {
    const { mocks, advanceModel } = await chatMocks();
    const c = await connect(mocks.url);
    c.send({ type: 'open', sessionId: 'r-1' });
    await c.until(1);
    advanceModel(61);
    await c.until(2);
    expect(c.frames[1]).toEqual({ type: 'reply', message: 1, atS: 60, agent: 1, firstResponseS: 60 });
    c.send({ type: 'message' });
    await untilTurns(
      () =>
        mocks.app.hotline.model.run.processes.chat!.sessionState(FIRST_EXTERNAL_CONTACT_ID) === 'replying',
    );
    advanceModel(61);
    await c.until(3);
    expect(c.frames[2]).toMatchObject({ type: 'reply', message: 2, agent: 1 });
    expect(c.frames[2]).not.toHaveProperty('firstResponseS');
    c.send({ type: 'close' });
    await c.until(4);
    expect(c.frames[3]).toMatchObject({ type: 'closed', outcome: 'completed' });
    const state = (await (await fetch(`${mocks.url}/v1/state`)).json()) as { chat: unknown };
    expect(state.chat).toMatchObject({
      queued: 0,
      inProgress: 0,
      open: 0,
      sessions: { closed: 0, abandoned: 0, left: 0, completed: 1 },
    });
    const metrics = await (await fetch(`${mocks.url}/metrics`)).text();
    expect(metrics).toContain('hotline_chat_sessions_total{outcome="completed"} 1');
    expect(metrics).toContain('hotline_chat_queue_length 0');
  });

  it('answers bad frames with an error frame and keeps the socket and the server up', async () => {
    const { mocks, advanceModel } = await chatMocks();
    const c = await connect(mocks.url);
    const cases: [unknown, string][] = [
      ['not json', 'invalid_frame'],
      ['[1,2]', 'invalid_frame'],
      [{ type: 'dance' }, 'unknown_type'],
      [{ type: 'open', sessionId: 5 }, 'invalid_frame'],
      [{ type: 'message' }, 'not_open'],
      [{ type: 'close' }, 'not_open'],
    ];
    for (const [frame, code] of cases) {
      c.send(frame);
      await c.until(c.frames.length + 1);
      expect(c.frames.at(-1), JSON.stringify(frame)).toMatchObject({ type: 'error', error: code });
    }
    c.socket.send(Buffer.from([1, 2, 3]), { binary: true });
    await c.until(cases.length + 1);
    expect(c.frames.at(-1)).toMatchObject({ error: 'invalid_frame' });
    c.send({ type: 'open' });
    await c.until(cases.length + 2);
    c.send({ type: 'message' }); // the agent is still writing the first reply
    c.send({ type: 'open' });
    await c.until(cases.length + 4);
    expect(c.frames.slice(-2).map((f) => f.error)).toEqual(['not_waiting', 'already_open']);
    advanceModel(61);
    await c.until(cases.length + 5);
    expect(c.frames.at(-1)).toMatchObject({ type: 'reply', message: 1 });
    expect(c.socket.readyState).toBe(WebSocket.OPEN);
    expect((await fetch(`${mocks.url}/health`)).status).toBe(200);
  });

  it('a dropped socket closes its session as the model says and frees the agent', async () => {
    const { mocks, advanceModel } = await chatMocks();
    const first = await connect(mocks.url);
    first.send({ type: 'open' });
    await first.until(1);
    const second = await connect(mocks.url);
    second.send({ type: 'open' });
    await second.until(1);
    expect(mocks.app.hotline.transports.chat!.snapshot()).toMatchObject({ queued: 1, inProgress: 1 });
    advanceModel(10);
    first.socket.terminate();
    await untilTurns(() => mocks.app.hotline.transports.chat!.snapshot().sessions.abandoned === 1);
    expect(mocks.app.hotline.transports.chat!.snapshot()).toMatchObject({
      queued: 0,
      inProgress: 1,
      open: 1,
    });
    advanceModel(61);
    await second.until(2);
    // Second queued at 0, assigned when the first dropped at 10 s, replied 60 s later.
    expect(second.frames[1]).toMatchObject({ type: 'reply', message: 1, atS: 70, firstResponseS: 70 });
  });

  it('shutdown sends every open session a closed frame before the socket closes', async () => {
    const { mocks } = await chatMocks();
    const c = await connect(mocks.url);
    c.send({ type: 'open' });
    await c.until(1);
    const closed = new Promise<number>((resolve) => c.socket.once('close', (code) => resolve(code)));
    await mocks.close();
    expect(await closed).toBe(1001);
    expect(c.frames.at(-1)).toMatchObject({ type: 'closed', outcome: 'abandoned', reason: 'shutdown' });
  });

  it('is documented in the OpenAPI document', async () => {
    const { mocks } = await chatMocks();
    const doc = (await (await fetch(`${mocks.url}/openapi.json`)).json()) as {
      paths: Record<string, { get: { description: string } }>;
    };
    expect(doc.paths['/v1/chat'].get.description).toContain('{"type":"reply"');
  });
});
