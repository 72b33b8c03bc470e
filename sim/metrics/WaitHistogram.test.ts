import { describe, expect, it } from 'vitest';
import { quantile, sumRows, WAIT_BUCKETS, waitBucket } from './WaitHistogram.js';

describe('WaitHistogram', () => {
  it('puts zero waits in bucket 0 and keeps 2% resolution', () => {
    expect(waitBucket(0)).toBe(0);
    for (const w of [0.5, 7, 20, 333, 3600]) {
      const h = new Float64Array(WAIT_BUCKETS);
      h[waitBucket(w)] = 1;
      expect(Math.abs(quantile(h, 0.5)! - w) / w).toBeLessThan(0.011);
    }
  });

  it('matches exact quantiles of a known sample within the resolution', () => {
    const block = new Uint32Array(2 * WAIT_BUCKETS);
    const waits: number[] = [];
    for (let i = 1; i <= 1000; i++) {
      const w = i % 4 === 0 ? 0 : i * 0.37;
      waits.push(w);
      block[(i % 2) * WAIT_BUCKETS + waitBucket(w)]!++;
    }
    const merged = sumRows(block, 0, 2, new Float64Array(WAIT_BUCKETS));
    waits.sort((a, b) => a - b);
    for (const q of [0.5, 0.8, 0.9, 0.95, 0.99]) {
      const exact = waits[Math.ceil(q * waits.length) - 1]!;
      expect(Math.abs(quantile(merged, q)! - exact)).toBeLessThanOrEqual(exact * 0.011);
    }
    expect(quantile(new Float64Array(WAIT_BUCKETS), 0.5)).toBeNull();
  });
});
