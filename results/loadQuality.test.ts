import { describe, expect, it } from 'vitest';
import { LoadQualityCollector, percentile } from './loadQuality.js';

describe('LoadQualityCollector', () => {
  it('splits latency, failures and arrival lag by interval, with hand-computed percentiles', () => {
    const c = new LoadQualityCollector();
    // Interval 18: latencies 100..500 ms; p50 = 300, p95 = 400 + 0.8*100 = 480, p99 = 496.
    for (const ms of [500, 100, 300, 200, 400])
      c.add('http_req_duration', ms, { interval: '18', status: '200' });
    c.add('http_req_duration', 50, { interval: '19', status: '0' });
    c.add('http_req_failed', 1, { interval: '19', status: '0' });
    c.add('http_req_failed', 0, { interval: '18', status: '200' });
    c.add('http_req_failed', 1, { interval: '18', status: '503' });
    c.add('arrival_lag_ms', 2, { interval: '18' });
    c.add('arrival_lag_ms', 4, { interval: '18' });
    c.add('dropped_iterations', 1, { scenario: 'phone' });
    c.add('dropped_iterations', 2, null);
    c.add('vus', 7, null);
    c.add('vus', 3, null);
    const q = c.result();
    expect(q.intervals.map((r) => r.interval)).toEqual([18, 19]);
    const [i18, i19] = q.intervals;
    expect(i18).toEqual({
      interval: 18,
      requests: 5,
      latencyMs: { p50: 300, p95: 480, p99: 496 },
      failedByStatus: { '503': 1 },
      arrivalLagMs: { p50: 3, p95: 3.9, p99: 3.98 },
      // Samples without a channel or scenario tag are kept apart as 'unknown'.
      arrivalLagMsByChannel: { unknown: { p50: 3, p95: 3.9, p99: 3.98 } },
      // VUs samples without a time cannot be placed in an interval: only the run's most counts them.
      vusMax: null,
    });
    expect(i19!.failedByStatus).toEqual({ '0': 1 });
    expect(i19!.arrivalLagMs).toBeNull();
    expect(q.whole.requests).toBe(6);
    expect(q.whole.failedByStatus).toEqual({ '503': 1, '0': 1 });
    expect(q.droppedIterations).toBe(3);
    expect(q.vusMax).toBe(7);
  });

  it('percentile interpolates between order statistics', () => {
    expect(percentile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(percentile([7], 0.99)).toBe(7);
  });
});
