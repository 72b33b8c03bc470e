import { describe, expect, it } from 'vitest';
import { studentT975 } from '../../sim/metrics/studentT975.js';
import { compareRuns } from './compareRuns.js';
import {
  insidePredictionInterval,
  predictionDifference,
  predictionHalfWidth,
} from './predictionDifference.js';
import { fakeRun } from './testing/fakeRun.js';

// Replications 0.30, 0.40, 0.50, 0.40 of an SL: mean 0.40, s = sqrt(0.02 / 3) = 0.081650;
// t(3) = 3.182446; CI of the mean ±t·s/√4 = ±0.129924; one new replication ±t·s·√(1 + 1/4) = ±0.290519.
const T3 = 3.182446305284263;
const S = Math.sqrt(0.02 / 3);
const CI_HALF = (T3 * S) / 2;
const PREDICTION = { mean: 0.4, ci95: [0.4 - CI_HALF, 0.4 + CI_HALF] as [number, number], n: 4 };

describe('predictionDifference (a measured run against a prediction)', () => {
  it('is measured − mean ± t·s·√(1 + 1/n): a hand-computed case', () => {
    expect(studentT975(3)).toBeCloseTo(T3, 3); // the table has 4 decimals
    expect(predictionHalfWidth(PREDICTION)).toBeCloseTo(0.290519, 5);
    const d = predictionDifference(PREDICTION, { mean: 0.6, ci95: [0.57, 0.63], n: 1000 }, 'A');
    expect(d.value).toBeCloseTo(0.2, 12);
    expect(d.ci95![0]).toBeCloseTo(0.2 - 0.290519, 5);
    expect(d.ci95![1]).toBeCloseTo(0.2 + 0.290519, 5);
    // Outside the CI of the mean (0.6 > 0.53) and far outside the measured Wilson interval's view,
    // yet an ordinary single replication: inside, and the interval contains 0.
    expect(insidePredictionInterval(PREDICTION, { mean: 0.6, ci95: null, n: 1 })).toBe(true);
    expect(insidePredictionInterval(PREDICTION, { mean: 0.4 + 0.2906, ci95: null, n: 1 })).toBe(false);
  });

  it('signs the difference as B − A whichever side the prediction is on', () => {
    const measured = { mean: 0.3, ci95: null, n: 1 };
    const a = predictionDifference(PREDICTION, measured, 'A');
    const b = predictionDifference(PREDICTION, measured, 'B');
    expect(a.value).toBeCloseTo(-0.1, 12);
    expect(b.value).toBeCloseTo(0.1, 12);
    expect(b.ci95![0]).toBeCloseTo(-a.ci95![1], 12);
  });

  it('has no interval for a prediction of one replication, and no value without a measurement', () => {
    const one = predictionDifference({ mean: 0.4, ci95: null, n: 1 }, { mean: 0.5, ci95: null, n: 1 }, 'A');
    expect(one.value).toBeCloseTo(0.1, 12);
    expect(one.ci95).toBeNull();
    expect(predictionDifference(PREDICTION, { mean: null, ci95: null, n: 0 }, 'A')).toEqual({
      value: null,
      ci95: null,
    });
  });

  it('the page reproduces the issue-10 case without contradiction: 49.0% measured vs 40.4% predicted, s ≈ 13 pp', () => {
    // 30 replications with s = 0.13: CI half t(29)·0.13/√30; the Wilson interval of 3,600 calls is ±1.6 pp.
    const half = (studentT975(29) * 0.13) / Math.sqrt(30);
    const sim = fakeRun({
      kind: 'sim',
      phone: { slOffered: { mean: 0.404, ci95: [0.404 - half, 0.404 + half], n: 30 } },
    });
    const k6 = fakeRun({ kind: 'k6', phone: { slOffered: { mean: 0.49, ci95: [0.474, 0.506], n: 3600 } } });
    const sl = compareRuns(sim, k6).rows.find((r) => r.metric === 'slOffered')!;
    expect(sl.insidePrediction).toBe(true);
    expect(sl.verdict).toBe('no significant difference');
    const pi = studentT975(29) * 0.13 * Math.sqrt(1 + 1 / 30);
    expect(sl.difference.ci95![0]).toBeCloseTo(0.086 - pi, 9);
    expect(sl.difference.ci95![0]).toBeLessThan(0);
  });
});
