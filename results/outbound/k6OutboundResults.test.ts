import { describe, expect, it } from 'vitest';
import { measureK6Outbound, outboundCounterRow } from './k6OutboundResults.js';
import type { MeasuredOutbound } from './measuredOutbound.js';

// Hand-made facts of two intervals: in 20, three dials (2 answered, 1 declined), one reached; in 21,
// two dials (1 answered, 1 missed), two reached and one given up.
const facts: MeasuredOutbound = {
  dials: [
    { interval: 20, outcome: 'answered' },
    { interval: 20, outcome: 'declined' },
    { interval: 20, outcome: 'answered' },
    { interval: 21, outcome: 'answered' },
    { interval: 21, outcome: 'missed' },
  ],
  completed: [20, 21, 21],
  failed: [21],
};

describe('outbound in a k6 run', () => {
  it('counts attempts and connects where dials start, reached and given up where they end', () => {
    const row = outboundCounterRow(facts, (k) => k === 21);
    expect([row.attempts, row.connected, row.completed, row.failed, row.loaded]).toEqual([2, 1, 2, 1, 0]);
  });

  it('gives the simulator metric names, the connect rate with its Wilson interval, null for what a callee cannot see', () => {
    const run = measureK6Outbound(facts);
    expect(run.attempts).toEqual({ mean: 5, ci95: null, n: 1 });
    expect(run.connected!.mean).toBe(3);
    expect(run.completed!.mean).toBe(3);
    expect(run.failed!.mean).toBe(1);
    expect(run.connectRate!.mean).toBeCloseTo(3 / 5, 12);
    expect(run.connectRate!.n).toBe(5);
    const [lo, hi] = run.connectRate!.ci95!;
    expect(lo).toBeLessThan(0.6);
    expect(hi).toBeGreaterThan(0.6);
    for (const unseen of ['loaded', 'leftAtClose', 'reachedSlOffered', 'outboundShare', 'timeToReachMeanS'])
      expect(run[unseen]).toEqual({ mean: null, ci95: null, n: 0 });
    expect(measureK6Outbound(facts, (k) => k === 20).connectRate!.mean).toBeCloseTo(2 / 3, 12);
  });
});
