import { describe, expect, it } from 'vitest';
import { compareRuns } from './compareRuns.js';
import { relativeChangeInterval } from './relativeChangeInterval.js';
import { fakeRun } from './testing/fakeRun.js';

describe('relativeChangeInterval: each method gives its sides errors, the ratio adds them', () => {
  it('prediction (A, 10 replications) against one measurement (B): s/√n and s, 9 df (hand-computed)', () => {
    // se = 0.02 / t(9) = 0.02 / 2.262157 = 0.0088412, s = se·√10 = 0.027958; R = 0.3/0.4 = 0.75.
    // Var = (s/0.4)² + (0.75·se/0.4)² = 0.0048853 + 0.0002748 = 0.0051601; half = 2.262157·0.071834.
    const prediction = fakeRun({
      kind: 'sim',
      id: 'predicted',
      replications: 10,
      phone: { slOffered: { mean: 0.4, ci95: [0.38, 0.42], n: 10 } },
    });
    const measured = fakeRun({
      kind: 'k6',
      id: 'measured',
      phone: { slOffered: { mean: 0.3, ci95: null, n: 1 } },
    });
    const ci = relativeChangeInterval(compareRuns(prediction, measured), 'phone', 'slOffered');
    expect(ci![0]).toBeCloseTo(-0.25 - 0.1625, 3);
    expect(ci![1]).toBeCloseTo(-0.25 + 0.1625, 3);
    // With the measurement as the baseline the ratio is the other way round: 0.4/0.3 − 1 = +33.3%.
    const back = relativeChangeInterval(compareRuns(measured, prediction), 'phone', 'slOffered');
    expect((back![0] + back![1]) / 2).toBeCloseTo(1 / 3, 9);
  });

  it('has no interval for a metric a run lacks or a baseline of zero', () => {
    const run = (id: string, mean: number) =>
      fakeRun({
        kind: 'sim',
        id,
        replications: 10,
        phone: { asaS: { mean, ci95: [mean - 1, mean + 1], n: 10 } },
      });
    expect(
      relativeChangeInterval(compareRuns(run('a', 10), run('b', 12)), 'phone', 'abandonRate'),
    ).toBeNull();
    expect(relativeChangeInterval(compareRuns(run('a', 0), run('b', 12)), 'phone', 'asaS')).toBeNull();
  });
});
