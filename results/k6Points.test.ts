import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readK6Points } from './k6Points.js';

const point = (metric: string, value: number, tags: Record<string, string> | null) =>
  JSON.stringify({ type: 'Point', metric, data: { time: '2026-01-01T00:00:00Z', value, tags } });

describe('readK6Points', () => {
  it('reads the load quality (latency, failures by status, arrival lag, drops, VUs) beside the calls', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'hotline-points-')), 'points-0.json');
    const lines = [
      JSON.stringify({ type: 'Metric', metric: 'http_req_duration', data: { type: 'trend' } }),
      point('http_req_duration', 120, { interval: '18', status: '200' }),
      point('http_req_duration', 80, { interval: '18', status: '0' }),
      point('http_req_failed', 1, { interval: '18', status: '0' }),
      point('http_req_failed', 0, { interval: '18', status: '200' }),
      point('arrival_lag_ms', 5, { interval: '18', channel: 'phone' }),
      point('call_wait_s', 12, { interval: '18', outcome: 'answered', attempt: 'first' }),
      point('dropped_iterations', 2, { scenario: 'phone' }),
      point('vus', 9, null),
    ];
    writeFileSync(file, `${lines.join('\n')}\n`);
    const m = await readK6Points([file]);
    expect(m.channels.phone!.calls).toHaveLength(1);
    expect(m.httpFailed).toBe(1);
    expect(m.droppedIterations).toBe(2);
    expect(m.quality).toEqual({
      formatVersion: 1,
      intervals: [
        {
          interval: 18,
          requests: 2,
          latencyMs: { p50: 100, p95: 118, p99: 119.6 },
          failedByStatus: { '0': 1 },
          arrivalLagMs: { p50: 5, p95: 5, p99: 5 },
        },
      ],
      whole: {
        interval: -1,
        requests: 2,
        latencyMs: { p50: 100, p95: 118, p99: 119.6 },
        failedByStatus: { '0': 1 },
        arrivalLagMs: { p50: 5, p95: 5, p99: 5 },
      },
      droppedIterations: 2,
      vusMax: 9,
    });
  });

  it("reads every channel's samples into its facts, and skips those of unmeasured intervals", async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'hotline-points-')), 'points-0.json');
    const withMeta = (line: string, callId: string) => {
      const parsed = JSON.parse(line) as { data: Record<string, unknown> };
      parsed.data.metadata = { call_id: callId };
      return JSON.stringify(parsed);
    };
    const lines = [
      withMeta(
        point('call_wait_s', 12, {
          interval: '2',
          outcome: 'answered',
          attempt: 'retrial',
          server_outcome: 'answered',
        }),
        'r-7-2',
      ),
      point('call_wait_s', 40, { interval: '1', outcome: 'abandoned', attempt: 'first' }),
      point('server_wait_s', 11.5, { interval: '2', outcome: 'answered' }),
      point('wait_gap_s', 0.5, { interval: '2' }),
      point('chat_session_wait_s', 75, { interval: '2', outcome: 'completed', answered: '1' }),
      point('chat_session_wait_s', 300, { interval: '1', outcome: 'abandoned', answered: '0' }),
      point('chat_reply_s', 42, { interval: '2' }),
      point('chat_reply_s', 50, { interval: '1' }),
      point('http_reqs', 1, { interval: '1' }),
    ];
    writeFileSync(file, `${lines.join('\n')}\n`);
    // Interval 1 is a warm-up's: its calls, sessions and replies are not measured; requests still count.
    const m = await readK6Points([file], (interval) => interval !== 1);
    expect(m.channels.phone!.calls).toEqual([
      {
        interval: 2,
        outcome: 'answered',
        waitS: 12,
        retrial: true,
        serverOutcome: 'answered',
        callId: 'r-7-2',
      },
    ]);
    expect(m.channels.phone!.serverReported).toEqual([{ outcome: 'answered', waitS: 11.5 }]);
    expect(m.channels.phone!.waitGapsS).toEqual([0.5]);
    expect(m.channels.chat!.sessions).toEqual([
      { interval: 2, outcome: 'completed', answered: true, waitS: 75 },
    ]);
    expect(m.channels.chat!.replies).toEqual([{ interval: 2, s: 42 }]);
    expect(m.httpRequests).toBe(1);
  });
});
