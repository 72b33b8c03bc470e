import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareRuns } from './compareRuns.js';
import { replicationSd, spreadDifference } from './spreadDifference.js';
import { fakeRun } from './testing/fakeRun.js';
import { simulatedRun } from './testing/simulatedRun.js';

describe('spreadDifference: two measurements judged by one replication of a prediction', () => {
  it('is (b − a) ± t·s·√2 with s = CI half-width·√n / t, i.e. ± half-width·√(2n) (hand-computed)', () => {
    const prediction = { mean: 0.8, ci95: [0.78, 0.82] as [number, number], n: 10 };
    // s = 0.02·√10 / t(9); t·s·√2 = 0.02·√20 = 0.0894427.
    expect(replicationSd(prediction)! * 2.262157).toBeCloseTo(0.02 * Math.sqrt(10), 5);
    const d = spreadDifference({ mean: 0.75, ci95: null, n: 1 }, { mean: 0.7, ci95: null, n: 1 }, prediction);
    expect(d.value).toBeCloseTo(-0.05, 12);
    expect(d.ci95![0]).toBeCloseTo(-0.05 - 0.0894427, 6);
    expect(d.ci95![1]).toBeCloseTo(-0.05 + 0.0894427, 6);
    expect(
      spreadDifference(
        { mean: 1, ci95: null, n: 1 },
        { mean: 1, ci95: null, n: 1 },
        { mean: 1, ci95: null, n: 1 },
      ).ci95,
    ).toBeNull();
  });

  it('warns when the prediction covers another window than the measurements', () => {
    const window = { day: 1, from: '09:00', to: '10:00' };
    const sl = { slOffered: { mean: 0.8, ci95: [0.78, 0.82] as [number, number], n: 10 } };
    const k6 = (id: string) => fakeRun({ kind: 'k6', id, window, phone: sl });
    const day = fakeRun({ kind: 'sim', id: 'day', replications: 10, phone: sl });
    const hour = fakeRun({ kind: 'sim', id: 'hour', replications: 10, window, phone: sl });
    expect(compareRuns(k6('a'), k6('b'), day).warnings).toEqual([
      expect.stringContaining(
        '--spread-from day covers the whole horizon, the measurements day 1 09:00-10:00',
      ),
    ]);
    expect(compareRuns(k6('a'), k6('b'), hour).warnings).toEqual([]);
  });

  // Simulated truth: a prediction of 30 replications gives s; pairs of one-replication runs of the
  // same scenario (different seeds) are A/A measurements. About 5% of intervals exclude 0; with s
  // estimated once from 30 replications the rate can sit a little off 5% (s is ±13%), hence 12%.
  it('excludes 0 in about 5% of A/A pairs of simulated measurements (stationary-mmc, 150 pairs)', async () => {
    const text = readFileSync(join(import.meta.dirname, '../../scenarios/stationary-mmc.json'), 'utf8');
    const prediction = await simulatedRun({ text, replications: 30, seed: 77 });
    const metrics = ['slOffered', 'abandonRate', 'asaS'];
    const alarms = Object.fromEntries(metrics.map((m) => [m, 0]));
    const pairs = 150;
    for (let k = 0; k < pairs; k++) {
      const measured = (seed: number) => simulatedRun({ text, replications: 1, seed, asMeasurement: true });
      const c = compareRuns(await measured(50_000 + 2 * k), await measured(50_001 + 2 * k), prediction);
      expect(c.method).toBe('spread-of-prediction');
      for (const row of c.rows) {
        if (metrics.includes(row.metric) && row.verdict !== 'no significant difference')
          alarms[row.metric]!++;
      }
    }
    for (const m of metrics) expect(alarms[m], m).toBeLessThanOrEqual(18);
  }, 120_000);
});
