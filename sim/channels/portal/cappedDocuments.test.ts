import { describe, expect, it } from 'vitest';
import { buildCountDistribution } from '../../distributions/CountDistribution.js';
import { createStream } from '../../rng/createStream.js';
import { cappedDocuments } from './cappedDocuments.js';
import { MAX_DOCUMENTS } from './portalLimits.js';

describe('cappedDocuments', () => {
  it('a geometric count never passes the form limit; its mean is E[min(X, m)] summed term by term', () => {
    const count = cappedDocuments(buildCountDistribution({ kind: 'geometric', mean: 20 }, '/d', []));
    // Independent truth: sum over the support of min(k, m) P(X = k), P(X = k) = p q^(k-1).
    const p = 1 / 20;
    let exact = 0;
    for (let k = 1; k < 5000; k++) exact += Math.min(k, MAX_DOCUMENTS) * p * (1 - p) ** (k - 1);
    expect(count.mean).toBeCloseTo(exact, 9);
    expect(count.mean).toBeLessThan(20);
    const rng = createStream(3, 'portal.documents', 0);
    const n = 100_000;
    let sum = 0;
    let atCap = 0;
    for (let i = 0; i < n; i++) {
      const x = count.sample(rng);
      expect(x).toBeLessThanOrEqual(MAX_DOCUMENTS);
      sum += x;
      if (x === MAX_DOCUMENTS) atCap++;
    }
    // P(X >= m) = q^(m-1): about 8% at mean 20, so the cap is exercised.
    expect(atCap / n).toBeCloseTo((1 - p) ** (MAX_DOCUMENTS - 1), 2);
    const sd = Math.sqrt((1 - p) / p ** 2 / n);
    expect(Math.abs(sum / n - exact)).toBeLessThan(4 * sd);
  });

  it('leaves constant and empirical counts alone (the schema bounds their values)', () => {
    const empirical = buildCountDistribution({ kind: 'empirical', values: [2, 3, 4] }, '/d', []);
    expect(cappedDocuments(empirical)).toBe(empirical);
  });
});
