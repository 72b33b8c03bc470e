import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { metricSpec } from '../../sim/metrics/metricRegistry.js';
import { batchAggregate, batchMeansDifference } from './batchMeansDifference.js';
import { compareRuns } from './compareRuns.js';
import { evaluateGate } from './evaluateGate.js';
import { parseFailOn } from './failOnRules.js';
import { fakeRun } from './testing/fakeRun.js';
import { simulatedRun } from './testing/simulatedRun.js';

describe('batchMeansDifference: two measured runs, each measured interval one observation', () => {
  it('is Welch over the interval values, centred on the run-level difference (hand-computed)', () => {
    // Both sides: SD 0.1 over 3 intervals, se² = 0.01/3; equal variances and sizes give df = 4.
    // t(0.975, 4) = 2.776445 (tables); half = 2.776445 · √(2 · 0.01 / 3) = 0.226695.
    const d = batchMeansDifference(
      { mean: 0.82, intervals: [0.7, null, 0.8, 0.9] },
      { mean: 0.69, intervals: [0.6, 0.7, 0.8, null] },
      'mean',
    );
    expect(d.value).toBeCloseTo(-0.13, 12);
    expect(d.ci95![0]).toBeCloseTo(-0.13 - 0.226695, 5);
    expect(d.ci95![1]).toBeCloseTo(-0.13 + 0.226695, 5);
  });

  it('has no interval with fewer than two measured intervals on a side', () => {
    const d = batchMeansDifference(
      { mean: 0.8, intervals: [0.8, null] },
      { mean: 0.7, intervals: [0.6, 0.8] },
      'mean',
    );
    expect(d).toEqual({ value: expect.closeTo(-0.1, 12), ci95: null });
    const none = batchMeansDifference(
      { mean: null, intervals: [1, 2] },
      { mean: 1, intervals: [1, 2] },
      'mean',
    );
    expect(none).toEqual({ value: null, ci95: null });
  });

  it('scales a count by √k (a sum of k intervals) and gives quantiles and maxima no interval', () => {
    // Counts [90, 110] and [100, 120]: s = 14.142 each, se of the sum = s·√2 = 20, df = 2;
    // t(0.975, 2) = 4.302653 (tables): half = 4.302653 · √(2 · 400) = 121.6987.
    const d = batchMeansDifference(
      { mean: 200, intervals: [90, 110] },
      { mean: 220, intervals: [100, 120] },
      'sum',
    );
    expect(d.ci95![1] - 20).toBeCloseTo(121.6987, 3);
    expect(batchAggregate(metricSpec('phone', 'offered'))).toBe('sum');
    expect(batchAggregate(metricSpec('phone', 'slOffered'))).toBe('mean');
    expect(batchAggregate(metricSpec('phone', 'asaS'))).toBe('mean');
    expect(batchAggregate(metricSpec('phone', 'waitP90S'))).toBeNull();
    expect(batchAggregate(metricSpec('phone', 'maxWaitS'))).toBeNull();
  });

  it('warns when a run has fewer than 8 measured intervals (a one-hour window of 30-minute ones)', () => {
    const run = (id: string, offered: Array<number | null>) =>
      fakeRun({
        kind: 'k6',
        id,
        phone: { offered: { mean: 200, ci95: null, n: 1 } },
        intervals: { offered },
      });
    const hour = Array.from({ length: 48 }, (_, i) => (i === 18 || i === 19 ? 100 : null));
    const day = Array.from({ length: 48 }, () => 100);
    expect(compareRuns(run('a', hour), run('b', day)).warnings).toEqual([
      expect.stringContaining('only 2 measured intervals in a run'),
    ]);
    expect(compareRuns(run('a', day), run('b', day)).warnings).toEqual([]);
  });

  // Simulated truth: pairs of single-replication runs of the same scenario (different seeds) are
  // two "measurements" with no real difference, so every interval that excludes 0 is a false alarm.
  // An honest 95% interval does so in about 5% of pairs (Binomial(200, 0.05) exceeds 18 with
  // probability under 1%); the calls-as-independent-trials interval it replaces did far more often.
  it('excludes 0 in about 5% of A/A pairs of simulated measurements (stationary-mmc, 200 pairs)', async () => {
    const text = readFileSync(join(import.meta.dirname, '../../scenarios/stationary-mmc.json'), 'utf8');
    const metrics = ['slOffered', 'abandonRate', 'asaS', 'offered', 'answered'];
    const alarms = Object.fromEntries(metrics.map((m) => [m, 0]));
    let gateAlarms = 0;
    const pairs = 200;
    for (let k = 0; k < pairs; k++) {
      const measured = (seed: number) => simulatedRun({ text, replications: 1, seed, asMeasurement: true });
      const comparison = compareRuns(await measured(20_000 + 2 * k), await measured(20_001 + 2 * k));
      expect(comparison.method).toBe('batch-means');
      for (const row of comparison.rows) {
        if (!metrics.includes(row.metric)) continue;
        expect(row.difference.ci95).not.toBeNull();
        if (row.verdict !== 'no significant difference') alarms[row.metric]!++;
      }
      // The gate at threshold 0 on both sides: fails when the interval lies wholly on one side of 0.
      const rules = parseFailOn('slOffered<0,slOffered>0,asaS<0,asaS>0');
      if (evaluateGate(comparison, rules).some((o) => o.failed)) gateAlarms++;
    }
    for (const m of metrics) expect(alarms[m], m).toBeLessThanOrEqual(18);
    // Two metrics, each two-sided at 5%: at most about 10% of pairs (20), above 30 with under 1%.
    expect(gateAlarms).toBeLessThanOrEqual(30);
  }, 120_000);
});
