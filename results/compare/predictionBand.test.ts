import { describe, expect, it } from 'vitest';
import { binomialTail, predictionBand } from './predictionBand.js';

describe('predictionBand: one replication per interval', () => {
  it('widens each interval CI by √(n + 1) and marks measurements outside (hand-computed)', () => {
    // n = 3: √4 = 2. Interval 0: mean 0.5, CI [0.4, 0.6] -> band [0.3, 0.7]; 0.69 inside, 0.71 outside.
    const prediction = { mean: [0.5, 0.5, 0.5, null], lo: [0.4, 0.4, 0.4, null], hi: [0.6, 0.6, 0.6, null] };
    const band = predictionBand(prediction, 3, [0.69, 0.29, null, 0.5]);
    expect(band.lo[0]).toBeCloseTo(0.3, 12);
    expect(band.hi[0]).toBeCloseTo(0.7, 12);
    expect(band.outside).toEqual([false, true, null, null]);
    expect(band.judged).toBe(2);
    expect(band.outsideCount).toBe(1);
  });

  it('has no band for one replication (no spread to widen)', () => {
    const band = predictionBand({ mean: [0.5], lo: [0.4], hi: [0.6] }, 1, [0.9]);
    expect(band.lo).toEqual([null]);
    expect(band.judged).toBe(0);
  });
});

describe('binomialTail', () => {
  it('matches hand-computed binomial tails', () => {
    // P(X >= 1), n = 2, p = 0.05: 1 - 0.95² = 0.0975.
    expect(binomialTail(1, 2, 0.05)).toBeCloseTo(0.0975, 12);
    // P(X >= 2), n = 3, p = 0.05: 3·0.05²·0.95 + 0.05³ = 0.00725.
    expect(binomialTail(2, 3, 0.05)).toBeCloseTo(0.00725, 12);
    expect(binomialTail(0, 10, 0.05)).toBe(1);
    expect(binomialTail(11, 10, 0.05)).toBe(0);
  });

  it('sums with P(X < k) to 1 against a direct sum of the pmf', () => {
    const n = 40;
    const pmf = (j: number) => {
      let c = 1;
      for (let i = 0; i < j; i++) c = (c * (n - i)) / (i + 1);
      return c * 0.05 ** j * 0.95 ** (n - j);
    };
    for (const k of [1, 2, 5, 10]) {
      let tail = 0;
      for (let j = k; j <= n; j++) tail += pmf(j);
      expect(binomialTail(k, n, 0.05)).toBeCloseTo(tail, 12);
    }
  });
});
