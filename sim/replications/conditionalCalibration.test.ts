import { sampleCorrelation } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { scenarioModel } from '../testing/scenarioText.js';
import { measureReplication } from './measureReplication.js';
import { resolveRunWindow } from './runWindow.js';
import { simulateRun } from './simulateRun.js';

// A conditional prediction (`hotline sim --given-replication r`, what `hotline load` compares a
// warm-started replay with) is calibrated when the replication's own continuation, its twin, looks
// like one more branch: its rank among the branches is uniform. And it is conditional when the
// branches carry the past: across replications the twin's value and the branches' mean move together
// (a queue at the window start raises both), which unconditional replications could not do.
// Fixed seeds make the test deterministic; the thresholds are set so a calibrated model fails with
// probability 0.001 (chi-square, 3 degrees of freedom) on a fresh seed.

const TWINS = 40;
const BRANCHES = 39; // the twin and its branches: 40 ranks, 4 bins of 10
const CHI2_3DF_999 = 16.27;

describe('conditional prediction: calibrated and conditional', () => {
  // 10 agents for 9.8 Erlangs and callers who wait an hour on average: a queue at the window start
  // takes longer than the window to drain, so the start state matters.
  const scenario = scenarioModel('stationary-mmc', (f) => {
    f.channels.phone.demand.callsPerDay = 4_700;
    f.agents.groups[0]!.staffing = { kind: 'constant', agents: 10 };
    f.channels.phone.patience = { kind: 'exponential', mean: '60m' };
  });
  const window = resolveRunWindow(scenario.calendar, { day: 1, from: '12:00', to: '12:30' });
  const atS = window.fromInterval * scenario.calendar.intervalS;
  const asa = (counters: ReturnType<typeof simulateRun>) =>
    measureReplication(scenario, counters, window).channels.phone!.run.asaS ?? 0;

  const ranks: number[] = [];
  const twins: number[] = [];
  const branchMeans: number[] = [];
  for (let i = 0; i < TWINS; i++) {
    const twin = asa(simulateRun(scenario, 'calibration', i, undefined));
    const branches = Array.from({ length: BRANCHES }, (_, b) =>
      asa(simulateRun(scenario, 'calibration', b, { replication: i, atS })),
    );
    const below = branches.filter((v) => v < twin).length;
    const ties = branches.filter((v) => v === twin).length;
    ranks.push(below + Math.floor(ties / 2));
    twins.push(twin);
    branchMeans.push(branches.reduce((a, b) => a + b, 0) / BRANCHES);
  }

  it("ranks the twin uniformly among its replication's branches", () => {
    const bins = [0, 0, 0, 0];
    for (const r of ranks) bins[Math.min(3, Math.floor(r / 10))]!++;
    const expected = TWINS / 4;
    const chi2 = bins.reduce((sum, n) => sum + (n - expected) ** 2 / expected, 0);
    expect(chi2, `rank bins ${bins.join(', ')}`).toBeLessThan(CHI2_3DF_999);
  });

  it('predicts from the past: the twin and its branches move together across replications', () => {
    const r = sampleCorrelation(twins, branchMeans);
    // Under no dependence, r * sqrt(n - 2) / sqrt(1 - r^2) ~ t(38): above 3.57 with probability 0.0005.
    const t = (r * Math.sqrt(TWINS - 2)) / Math.sqrt(1 - r * r);
    expect(t, `correlation ${r.toFixed(3)}`).toBeGreaterThan(3.57);
  });
});
