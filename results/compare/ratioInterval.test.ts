import { mean, sampleStandardDeviation } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { sampleStandardNormal } from '../../sim/distributions/sampleStandardNormal.js';
import { createStream } from '../../sim/rng/createStream.js';
import { pairedRatioInterval, ratioInterval } from './ratioInterval.js';

describe("ratioInterval: B/A − 1 with the baseline's own noise (delta method)", () => {
  it('matches a hand-computed case', () => {
    // A 20 (se 1/1.2), B 24 (se 1), n 10 each: R = 1.2; both parts of the variance are 0.0025, so
    // Var = 0.005 and df = 2·9 = 18; t(0.975, 18) = 2.100922 (tables): 0.2 ± 2.100922·0.0707107.
    const ci = ratioInterval({ mean: 20, se: 1 / 1.2, n: 10 }, { mean: 24, se: 1, n: 10 });
    expect(ci![0]).toBeCloseTo(0.2 - 0.148557, 4);
    expect(ci![1]).toBeCloseTo(0.2 + 0.148557, 4);
  });

  it('has no interval for a baseline of zero or errors from one observation', () => {
    expect(ratioInterval({ mean: 0, se: 1, n: 10 }, { mean: 1, se: 1, n: 10 })).toBeNull();
    expect(ratioInterval({ mean: 1, se: 1, n: 1 }, { mean: 1, se: 1, n: 10 })).toBeNull();
  });

  it('pairs: the residuals against R·a carry the covariance (hand-computed)', () => {
    // ā = 12, b̄ = 40/3, R = 10/9; d = b − R·a = [−1/9, −1/3, 4/9], s_d = 0.400617;
    // se = 0.400617 / (√3 · 12) = 0.0192749; t(0.975, 2) = 4.302653: 1/9 ± 0.0829332.
    const ci = pairedRatioInterval([10, 12, 14, null], [11, 13, 16, 20]);
    expect(ci![0]).toBeCloseTo(1 / 9 - 0.0829332, 5);
    expect(ci![1]).toBeCloseTo(1 / 9 + 0.0829332, 5);
    expect(pairedRatioInterval([10, null], [11, 12])).toBeNull();
  });

  // Coverage by simulation: the true ratio is known, so about 95% of the intervals must hold it.
  const TRIALS = 2000;
  const normal = createStream(7, 'test.ratio', 0);
  const draw = (mu: number, sd: number) => mu + sd * sampleStandardNormal(normal);
  const covered = (ci: [number, number] | null, truth: number) =>
    ci !== null && ci[0] <= truth && truth <= ci[1];
  // Binomial(2000, 0.95): 95% ± 1.25 points holds 99.9% of the rate's spread.
  const nominal = (hits: number) => expect(Math.abs(hits / TRIALS - 0.95)).toBeLessThan(0.0125);

  it('covers the true ratio in about 95% of independent pairs of runs (10 replications, CV 20%)', () => {
    let hits = 0;
    for (let t = 0; t < TRIALS; t++) {
      const side = (mu: number) => {
        const xs = Array.from({ length: 10 }, () => draw(mu, 0.2 * mu));
        return { mean: mean(xs), se: sampleStandardDeviation(xs) / Math.sqrt(10), n: 10 };
      };
      if (covered(ratioInterval(side(20), side(24)), 0.2)) hits++;
    }
    nominal(hits);
  });

  it('covers the true ratio in about 95% of paired runs (B = 1.2·A + small noise)', () => {
    let hits = 0;
    for (let t = 0; t < TRIALS; t++) {
      const a = Array.from({ length: 10 }, () => draw(20, 4));
      const b = a.map((x) => 1.2 * x + draw(0, 1));
      if (covered(pairedRatioInterval(a, b), 0.2)) hits++;
    }
    nominal(hits);
  });
});
