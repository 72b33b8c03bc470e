import { describe, expect, it } from 'vitest';
import { pairedDifference, welchDifference } from './differenceCi.js';
import { verdictOf } from './verdict.js';

describe('difference CIs', () => {
  it('paired: identical runs give a zero-width CI at 0, so no significant difference', () => {
    const d = pairedDifference([0.8, 0.85, 0.9], [0.8, 0.85, 0.9]);
    expect(d).toEqual({ value: 0, ci95: [0, 0] });
    expect(verdictOf(d, 'higher')).toBe('no significant difference');
  });

  it('paired: a consistent drop is significant even when the runs themselves vary a lot', () => {
    const d = pairedDifference([0.5, 0.7, 0.9, 0.6], [0.48, 0.69, 0.87, 0.58]);
    expect(d.ci95![1]).toBeLessThan(0);
    expect(verdictOf(d, 'higher')).toBe('worse');
    expect(verdictOf(d, 'lower')).toBe('better');
    expect(verdictOf(d, 'neutral')).toBe('lower');
  });

  it('paired: skips replications where a value is undefined', () => {
    expect(pairedDifference([1, null, 3], [2, 5, null]).value).toBe(1);
    expect(pairedDifference([null], [1])).toEqual({ value: null, ci95: null });
  });

  it("Welch: recovers each run's standard error from its t CI", () => {
    // n = 10, half-width 2.2622 (t 9 df) -> se 1 each; combined se sqrt(2), df 18 -> t 2.1009.
    const a = { mean: 10, ci95: [10 - 2.2622, 10 + 2.2622] as [number, number], n: 10 };
    const b = { mean: 13, ci95: [13 - 2.2622, 13 + 2.2622] as [number, number], n: 10 };
    const d = welchDifference(a, b);
    expect(d.value).toBe(3);
    expect(d.ci95![0]).toBeCloseTo(3 - 2.1009 * Math.SQRT2, 2);
  });

  it('Welch: no CI from a single replication, and n/a as the verdict', () => {
    const d = welchDifference({ mean: 1, ci95: null, n: 1 }, { mean: 2, ci95: null, n: 1 });
    expect(d).toEqual({ value: 1, ci95: null });
    expect(verdictOf(d, 'higher')).toBe('n/a');
  });
});
