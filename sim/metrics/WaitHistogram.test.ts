import { describe, expect, it } from 'vitest';
import {
  histogramBlock,
  quantile,
  recycleHistogramBlocks,
  sumRows,
  WAIT_BUCKETS,
  waitBucket,
} from './WaitHistogram.js';

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

  it('hands a block given back out again zeroed, and only blocks it issued, once each', () => {
    const rows = 13; // a size no other test in this file uses
    const first = histogramBlock(rows);
    expect(first.length).toBe(rows * WAIT_BUCKETS);
    first[5] = 3;
    first[first.length - 1] = 9;
    recycleHistogramBlocks([first, first, 'not a block', new Uint32Array(rows * WAIT_BUCKETS)]);
    const second = histogramBlock(rows);
    expect(second).toBe(first);
    expect(second.every((x) => x === 0)).toBe(true);
    // Given back twice and a foreign block of the right size: neither is handed out a second time.
    const third = histogramBlock(rows);
    expect(third).not.toBe(first);
    expect(third.every((x) => x === 0)).toBe(true);
    expect(histogramBlock(rows)).not.toBe(third);
  });
});
