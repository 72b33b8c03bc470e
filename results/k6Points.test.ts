import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readK6Points } from './k6Points.js';

const point = (metric: string, value: number, tags: Record<string, string> | null) =>
  JSON.stringify({ type: 'Point', metric, data: { time: '2026-01-01T00:00:00Z', value, tags } });

describe('readK6Points', () => {
  it('reads the load quality (latency, failures by status, arrival lag per channel, drops, VUs per interval) beside the calls', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hotline-points-'));
    const at = (line: string, time: string) => {
      const parsed = JSON.parse(line) as { data: Record<string, unknown> };
      parsed.data.time = `2026-01-01T00:00:${time}Z`;
      return JSON.stringify(parsed);
    };
    // Two k6 processes (segments). Process 0 sends interval 18 from 00.0 s and interval 19 from 30.0 s;
    // process 1 sends only interval 18's calls, so its VUs at 40 s still belong to interval 18.
    const segment0 = [
      JSON.stringify({ type: 'Metric', metric: 'http_req_duration', data: { type: 'trend' } }),
      at(point('arrival_lag_ms', 5, { interval: '18', channel: 'phone' }), '00.000'),
      at(point('http_req_duration', 120, { interval: '18', status: '200' }), '00.500'),
      at(point('vus', 9, null), '01.000'),
      at(point('http_req_duration', 80, { interval: '18', status: '0' }), '02.000'),
      at(point('http_req_failed', 1, { interval: '18', status: '0' }), '02.000'),
      at(point('http_req_failed', 0, { interval: '18', status: '200' }), '00.500'),
      at(point('call_wait_s', 12, { interval: '18', outcome: 'answered', attempt: 'first' }), '00.500'),
      at(point('arrival_lag_ms', 7, { interval: '19', channel: 'chat' }), '30.000'),
      at(point('vus', 4, null), '31.000'),
      at(point('dropped_iterations', 2, { scenario: 'phone' }), '31.000'),
    ];
    const segment1 = [
      at(point('arrival_lag_ms', 6, { interval: '18', channel: 'phone' }), '00.200'),
      at(point('vus', 3, null), '01.000'),
      at(point('vus', 2, null), '40.000'),
    ];
    const files = [join(dir, 'points-0.json'), join(dir, 'points-1.json')];
    writeFileSync(files[0]!, `${segment0.join('\n')}\n`);
    writeFileSync(files[1]!, `${segment1.join('\n')}\n`);
    const m = await readK6Points(files);
    expect(m.channels.phone!.calls).toHaveLength(1);
    expect(m.httpFailed).toBe(1);
    expect(m.droppedIterations).toBe(2);
    // Lags [5, 6]: p50 5.5, p95 5 + 0.95 = 5.95, p99 5.99; all three [5, 6, 7]: 6, 6.9, 6.98.
    const lag56 = { p50: 5.5, p95: 5.95, p99: 5.99 };
    const lag7 = { p50: 7, p95: 7, p99: 7 };
    expect(m.quality).toEqual({
      formatVersion: 1,
      intervals: [
        {
          interval: 18,
          requests: 2,
          latencyMs: { p50: 100, p95: 118, p99: 119.6 },
          failedByStatus: { '0': 1 },
          arrivalLagMs: lag56,
          arrivalLagMsByChannel: { phone: lag56 },
          // Process 0's most in interval 18 (9) plus process 1's (3, then 2).
          vusMax: 12,
        },
        {
          interval: 19,
          requests: 0,
          latencyMs: null,
          failedByStatus: {},
          arrivalLagMs: lag7,
          arrivalLagMsByChannel: { chat: lag7 },
          vusMax: 4,
        },
      ],
      whole: {
        interval: -1,
        requests: 2,
        latencyMs: { p50: 100, p95: 118, p99: 119.6 },
        failedByStatus: { '0': 1 },
        arrivalLagMs: { p50: 6, p95: 6.9, p99: 6.98 },
        arrivalLagMsByChannel: { chat: lag7, phone: lag56 },
        vusMax: 12,
      },
      droppedIterations: 2,
      vusMax: 12,
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
