// Property: for a measured run against a prediction, the difference interval and "inside prediction"
// never contradict each other, whichever side the prediction is on and whatever the figures.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareRuns } from './compareRuns.js';
import { fakeRun } from './testing/fakeRun.js';

const SEED = Number(process.env.FC_SEED ?? 20_261_123);

const prediction = fc
  .record({
    mean: fc.double({ min: -1e6, max: 1e6, noNaN: true }),
    half: fc.double({ min: 0, max: 1e5, noNaN: true }),
    n: fc.integer({ min: 2, max: 1000 }),
  })
  .map(({ mean, half, n }) => ({ mean, ci95: [mean - half, mean + half] as [number, number], n }));
const measured = fc.record({
  mean: fc.double({ min: -1e6, max: 1e6, noNaN: true }),
  ci95: fc.constant(null),
  n: fc.integer({ min: 1, max: 100_000 }),
});

describe('prediction vs measurement: the difference interval cannot contradict the verdict', () => {
  it('interval contains 0 ⇔ inside prediction ⇔ "no significant difference"', () => {
    fc.assert(
      fc.property(prediction, measured, fc.boolean(), (p, m, simIsA) => {
        const sim = fakeRun({ kind: 'sim', phone: { slOffered: p, asaS: p } });
        const k6 = fakeRun({ kind: 'k6', phone: { slOffered: m, asaS: m } });
        const c = simIsA ? compareRuns(sim, k6) : compareRuns(k6, sim);
        expect(c.method).toBe('prediction-vs-measurement');
        for (const metric of ['slOffered', 'asaS']) {
          const row = c.rows.find((r) => r.metric === metric)!;
          const [lo, hi] = row.difference.ci95!;
          const containsZero = lo <= 0 && hi >= 0;
          expect(row.insidePrediction).toBe(containsZero);
          expect(row.verdict === 'no significant difference').toBe(containsZero);
          // Its width is the prediction's spread of one replication: the CI width times √(n + 1).
          const width = (p.ci95[1] - p.ci95[0]) * Math.sqrt(p.n + 1);
          const scale = Math.max(1, Math.abs(width), Math.abs(p.mean), Math.abs(m.mean));
          expect(Math.abs(hi - lo - width)).toBeLessThanOrEqual(1e-9 * scale);
        }
      }),
      { numRuns: 10_000, seed: SEED },
    );
  });
});
