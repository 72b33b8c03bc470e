import { describe, expect, it } from 'vitest';
import { sdAcrossRuns, spreadAcrossRuns } from './spreadAcrossRuns.js';

describe('spreadAcrossRuns', () => {
  it('averages variances, not SDs, over intervals and over runs (hand-computed)', () => {
    // Interval 0 across runs: 0, 2 -> variance 2; interval 1: 1, 1 -> 0; interval 2: 0, 4 -> 8.
    // RMS over intervals: sqrt((2 + 0 + 8) / 3). Run 0's own values 0, 1, 0 -> variance 1/3;
    // run 1's 2, 1, 4 -> mean 7/3, variance ((1/3)² + (4/3)² + (5/3)²) / 2 = 7/3.
    const spread = spreadAcrossRuns([
      [0, 1, 0],
      [2, 1, 4],
    ]);
    expect(spread.perIntervalSd).toBeCloseTo(Math.sqrt(10 / 3), 12);
    expect(spread.withinRunSd).toBeCloseTo(Math.sqrt((1 / 3 + 7 / 3) / 2), 12);
  });

  it('skips intervals without a value and columns with fewer than two', () => {
    // Interval 0: 1, 3 -> variance 2; interval 1: only one value -> skipped.
    const spread = spreadAcrossRuns([
      [1, null],
      [3, 5],
    ]);
    expect(spread.perIntervalSd).toBeCloseTo(Math.sqrt(2), 12);
    // Run 0 has one value (no SD); run 1: 3, 5 -> variance 2.
    expect(spread.withinRunSd).toBeCloseTo(Math.sqrt(2), 12);
  });

  it('is null with one run, and SD across runs is the sample SD', () => {
    expect(spreadAcrossRuns([[1, 2, 3]]).perIntervalSd).toBeNull();
    expect(sdAcrossRuns([1, null, 3])).toBeCloseTo(Math.SQRT2, 12);
    expect(sdAcrossRuns([1])).toBeNull();
  });
});
