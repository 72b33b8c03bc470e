import { afterEach, describe, expect, it } from 'vitest';
import { stationary } from './phone/testing.js';
import { type RunningMocks, startMocks } from './server.js';
import { untilTurns } from './testing.js';

// A few checks over a real socket on 127.0.0.1, port 0 (a free port), with fetch.
const running: RunningMocks[] = [];

async function start(options: Parameters<typeof startMocks>[1] = {}, scenario = stationary()) {
  const mocks = await startMocks(scenario, { port: 0, timeScale: 3600, ...options });
  running.push(mocks);
  return mocks;
}

function post(url: string, body: unknown, token?: string) {
  return fetch(`${url}/v1/calls`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
}

afterEach(async () => {
  await Promise.all(running.splice(0).map((m) => m.close()));
});

describe('startMocks over a socket', () => {
  it('listens on a free port and serves calls, state and metrics', async () => {
    const { url } = await start();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const response = await post(url, { callId: 'socket-1' });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ outcome: 'answered', callId: 'socket-1' });
    const state = (await (await fetch(`${url}/v1/state`)).json()) as { calls: { answered: number } };
    expect(state.calls.answered).toBe(1);
    const metrics = await (await fetch(`${url}/metrics`)).text();
    expect(metrics).toContain('hotline_calls_total{outcome="answered"} 1');
  });

  it('checks the bearer token', async () => {
    const { url } = await start({ token: 'tok' });
    expect((await post(url, {})).status).toBe(401);
    expect((await post(url, {}, 'tok')).status).toBe(200);
    expect((await fetch(`${url}/health`)).status).toBe(200);
  });

  it('a caller who hangs up while queued is counted abandoned, leaves the queue and never reaches an agent', async () => {
    const mocks = await start({}, stationary({ staffing: { kind: 'constant', agents: 0 }, patience: '30d' }));
    const aborts = Array.from({ length: 5 }, () => new AbortController());
    const held = aborts.map((a, i) =>
      fetch(`${mocks.url}/v1/calls`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ callId: `gone-${i}` }),
        signal: a.signal,
      }).catch((error: Error) => error.name),
    );
    await untilTurns(() => mocks.app.hotline.transports.phone!.pendingCalls === 5);
    for (const a of aborts) a.abort();
    expect(await Promise.all(held)).toEqual(Array(5).fill('AbortError'));
    await untilTurns(() => mocks.app.hotline.transports.phone!.pendingCalls === 0);
    const state = mocks.app.hotline.transports.phone!.snapshot();
    expect(state).toMatchObject({ queueLength: 0, pendingCalls: 0, trunkLinesBusy: 0, hangUps: 5 });
    expect(state.calls).toMatchObject({ abandoned: 5, answered: 0 });
  });

  it('close() answers every held call before the server stops, then refuses connections', async () => {
    const mocks = await start({}, stationary({ staffing: { kind: 'constant', agents: 0 }, patience: '30d' }));
    const held = Array.from({ length: 8 }, (_, i) =>
      post(mocks.url, { callId: `h${i}` }).then((r) => r.json() as Promise<Record<string, unknown>>),
    );
    await untilTurns(() => mocks.app.hotline.transports.phone!.pendingCalls === 8);
    await mocks.close();
    const bodies = await Promise.all(held);
    expect(bodies.map((b) => `${b.outcome}/${b.reason}`)).toEqual(Array(8).fill('abandoned/shutdown'));
    await expect(fetch(`${mocks.url}/health`)).rejects.toThrow();
  });
});
