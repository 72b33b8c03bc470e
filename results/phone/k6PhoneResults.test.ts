import { describe, expect, it } from 'vitest';
import { measurePhone } from './k6PhoneResults.js';
import type { MeasuredCall } from './measuredCall.js';

const call = (outcome: string, waitS = 0, interval = 0, retrial = false): MeasuredCall => ({
  outcome,
  waitS,
  interval,
  retrial,
});

describe('measurePhone', () => {
  const calls = [
    call('answered', 5),
    call('answered', 10),
    call('answered', 40),
    call('abandoned', 3),
    call('abandoned', 60),
    call('blocked'),
    call('closed', 0, 0, true),
    call('error'),
  ];
  const m = measurePhone(calls, 20);
  it('counts and ratios with the simulator names', () => {
    expect(m.offered.mean).toBe(8);
    expect(m.answered.mean).toBe(3);
    expect(m.retrials.mean).toBe(1);
    expect(m.slOffered).toMatchObject({ mean: 2 / 5, n: 5 });
    expect(m.slAnswered).toMatchObject({ mean: 2 / 3, n: 3 });
    expect(m.slExcludingShortAbandons).toMatchObject({ mean: 2 / 4, n: 4 });
    expect(m.abandonRate).toMatchObject({ mean: 2 / 5 });
    expect(m.blockRate).toMatchObject({ mean: 1 / 7 });
    expect(m.asaS).toMatchObject({ mean: 55 / 3, ci95: null, n: 3 });
    expect(m.maxWaitS.mean).toBe(40);
    expect(m.waitP50S.mean).toBe(10);
    expect(m.occupancy).toEqual({ mean: null, ci95: null, n: 0 });
  });
  it('proportions carry a Wilson interval around them', () => {
    const [lo, hi] = m.slOffered.ci95!;
    expect(lo).toBeLessThan(0.4);
    expect(hi).toBeGreaterThan(0.4);
  });
});
