import { describe, expect, it } from 'vitest';
import { studentT975 } from '../../sim/metrics/studentT975.js';
import { withinPredictionInterval } from './compareRuns.js';

describe('withinPredictionInterval', () => {
  it('widens the CI of the mean to the interval of one more replication: half-width x sqrt(n + 1)', () => {
    // Replications 0.80, 0.90, 1.00: mean 0.9, s = 0.1; CI half = t(2) s / sqrt(3);
    // a new replication lies within t(2) s sqrt(1 + 1/3) of the mean 95% of the time.
    const t = studentT975(2);
    const ciHalf = (t * 0.1) / Math.sqrt(3);
    const prediction = { mean: 0.9, ci95: [0.9 - ciHalf, 0.9 + ciHalf] as [number, number], n: 3 };
    const piHalf = t * 0.1 * Math.sqrt(1 + 1 / 3);
    expect(withinPredictionInterval(prediction, 0.9 + piHalf * 0.999)).toBe(true);
    expect(withinPredictionInterval(prediction, 0.9 - piHalf * 1.001)).toBe(false);
    // Outside the CI of the mean, yet a perfectly ordinary single replication.
    expect(withinPredictionInterval(prediction, 0.9 + ciHalf * 1.5)).toBe(true);
  });

  it('says nothing when the prediction has no interval or the measurement is missing', () => {
    expect(withinPredictionInterval({ mean: 0.9, ci95: null, n: 1 }, 0.9)).toBeNull();
    expect(withinPredictionInterval({ mean: 0.9, ci95: [0.8, 1], n: 5 }, null)).toBeNull();
  });
});
