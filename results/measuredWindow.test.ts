import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readK6Points } from './k6Points.js';
import { measuredIntervals } from './measuredWindow.js';

// The counting rule of --warmup, on a hand-written k6 JSON stream: interval 17 is the warm-up,
// interval 18 the window. What k6 wrote for the warm-up must not reach any measured figure, except
// transport health, which counts every request.

const dir = mkdtempSync(join(tmpdir(), 'hotline-measured-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const point = (metric: string, value: number, tags: Record<string, string>) =>
  JSON.stringify({ type: 'Point', metric, data: { time: '2026-01-01T00:00:00Z', value, tags } });

function stream(): string {
  const lines: string[] = [];
  // Warm-up: 3 calls (one a hang-up after 400 s), their server reports and replies' gaps, requests.
  for (const [outcome, wait] of [
    ['answered', 5],
    ['answered', 50],
    ['abandoned', 400],
  ] as const) {
    lines.push(point('call_wait_s', wait, { interval: '17', outcome, attempt: 'first' }));
    lines.push(point('server_wait_s', wait, { interval: '17', outcome }));
    lines.push(point('http_reqs', 1, { interval: '17' }));
  }
  lines.push(point('wait_gap_s', 0.5, { interval: '17' }));
  lines.push(point('chat_session_wait_s', 30, { interval: '17', outcome: 'completed', answered: '1' }));
  lines.push(point('chat_reply_s', 20, { interval: '17' }));
  // Window: 2 calls, one of them a warm-up caller's retrial arriving inside the window.
  lines.push(point('call_wait_s', 10, { interval: '18', outcome: 'answered', attempt: 'first' }));
  lines.push(point('call_wait_s', 0, { interval: '18', outcome: 'blocked', attempt: 'retrial' }));
  lines.push(point('server_wait_s', 10, { interval: '18', outcome: 'answered' }));
  lines.push(point('wait_gap_s', 0.25, { interval: '18' }));
  lines.push(point('http_reqs', 1, { interval: '18' }));
  lines.push(point('http_reqs', 1, { interval: '18' }));
  lines.push(point('http_req_failed', 1, { interval: '17' }));
  lines.push(point('chat_session_wait_s', 90, { interval: '18', outcome: 'abandoned', answered: '0' }));
  lines.push(point('chat_reply_s', 40, { interval: '18' }));
  return `${lines.join('\n')}\n`;
}

describe('the measured window (--warmup)', () => {
  const file = join(dir, 'points.json');
  writeFileSync(file, stream());
  const window = measuredIntervals([
    { index: 17, measured: false },
    { index: 18, measured: true },
    { index: 19, measured: true },
  ]);

  it('tells the window from the warm-up by interval', () => {
    expect([16, 17, 18, 19, 20].map(window)).toEqual([false, false, true, true, false]);
  });

  it('reads only the window into the measurement; transport health counts every request', async () => {
    const m = await readK6Points([file], window);
    expect(m.channels.phone!.calls).toEqual([
      { interval: 18, outcome: 'answered', waitS: 10, retrial: false },
      { interval: 18, outcome: 'blocked', waitS: 0, retrial: true },
    ]);
    expect(m.channels.phone!.serverReported).toEqual([{ outcome: 'answered', waitS: 10 }]);
    expect(m.channels.phone!.waitGapsS).toEqual([0.25]);
    expect(m.channels.chat!.sessions).toEqual([
      { interval: 18, outcome: 'abandoned', answered: false, waitS: 90 },
    ]);
    expect(m.channels.chat!.replies).toEqual([{ interval: 18, s: 40 }]);
    expect(m.httpRequests).toBe(5);
    expect(m.httpFailed).toBe(1);
  });

  it('without a rule, everything counts (a replay without warm-up)', async () => {
    const m = await readK6Points([file]);
    expect(m.channels.phone!.calls).toHaveLength(5);
    expect(m.channels.phone!.serverReported).toHaveLength(4);
    expect(m.channels.chat!.sessions).toHaveLength(2);
  });
});

describe('the server log of a warm-up replay', () => {
  it('keeps the calls the client measured, by callId, whatever interval the server saw', async () => {
    const { measuredServerLog } = await import('./measuredWindow.js');
    const log = [
      { callId: 'r-1', interval: 1 }, // warm-up
      { callId: 'r-2', interval: 1 }, // the client's window call, seen a moment early by the server
      { callId: 'r-3', interval: 2 },
      { interval: 2 }, // no id: not the client's
    ];
    expect(measuredServerLog(log, new Set(['r-2', 'r-3']))).toEqual([log[1], log[2]]);
  });
});
