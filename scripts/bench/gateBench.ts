// `npm run bench -- --only gate`: how often the --fail-on gate cries wolf, and whether it still
// catches a real regression. A/A pairs are two runs of the same scenario with different seeds (no
// real difference: every failure is a false alarm); the regression is the same scenario with 10%
// fewer agents. Both gate methods are measured: the 95% interval of the change (the default) and
// the point estimate (--strict). Runs are built in memory, as `hotline sim` would write them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildRunInfo, buildRunSummary } from '../../results/buildRunSummary.js';
import { compareRuns } from '../../results/compare/compareRuns.js';
import { evaluateGate } from '../../results/compare/evaluateGate.js';
import { parseFailOn } from '../../results/compare/failOnRules.js';
import { intervalsByChannel } from '../../results/intervalsByChannel.js';
import { intervalsCsv } from '../../results/intervalsCsv.js';
import type { LoadedRun } from '../../results/loadRun.js';
import { parseIntervalsCsv } from '../../results/parseIntervalsCsv.js';
import { buildReplicationsFile } from '../../results/replicationsFile.js';
import { simulateScenario } from '../../sim/simulateScenario.js';
import { benchLine as line } from './benchLine.js';

/** The rules the README documents for the gate. */
export const DEFAULT_GATE_RULES = 'slOffered<-0.02,abandonRate>+0.01,asaS>+10%';
const REPLICATIONS = 10;
const AA_PAIRS = 200;
const REGRESSION_PAIRS = 50;

async function simulated(text: string, seed: number, toolVersion: string): Promise<LoadedRun> {
  const result = await simulateScenario(
    { text, file: 'stationary-mmc.json' },
    { replications: REPLICATIONS, seed, threads: 1 },
  );
  const id = `seed-${seed}`;
  const csv = intervalsCsv(result.scenario, intervalsByChannel(result.summary));
  return {
    folder: id,
    info: buildRunInfo(result, id, toolVersion),
    summary: buildRunSummary(result),
    intervals: parseIntervalsCsv(id, csv),
    replications: buildReplicationsFile(result.perReplication),
  } as LoadedRun;
}

interface Tally {
  interval: number;
  point: number;
  pairs: number;
}

async function gateRate(
  base: string,
  candidate: string,
  pairs: number,
  seeds: (k: number) => [number, number],
  toolVersion: string,
): Promise<Tally & { method: string }> {
  const rules = parseFailOn(DEFAULT_GATE_RULES);
  const tally = { interval: 0, point: 0, pairs };
  let method = '';
  for (let k = 0; k < pairs; k++) {
    const [sa, sb] = seeds(k);
    const comparison = compareRuns(
      await simulated(base, sa, toolVersion),
      await simulated(candidate, sb, toolVersion),
    );
    method = comparison.method;
    if (evaluateGate(comparison, rules).some((o) => o.failed)) tally.interval++;
    if (evaluateGate(comparison, rules, { strict: true }).some((o) => o.failed)) tally.point++;
  }
  return { ...tally, method };
}

// With no event in n trials the rate is below 3/n with 95% confidence (the rule of three).
const pct = (n: number, of: number) =>
  `${n}/${of} (${((100 * n) / of).toFixed(1)}%${n === 0 ? `, < ${((300 / of) as number).toFixed(1)}% at 95%` : ''})`;

export async function gateBench(repo: string, toolVersion: string): Promise<void> {
  const base = readFileSync(join(repo, 'scenarios', 'stationary-mmc.json'), 'utf8');
  const file = JSON.parse(base);
  const agents = file.agents.groups[0].staffing.agents as number;
  file.agents.groups[0].staffing.agents = Math.round(agents * 0.9);
  const fewer = JSON.stringify(file);
  const cut = `${agents} -> ${Math.round(agents * 0.9)} agents (${((1 - Math.round(agents * 0.9) / agents) * 100).toFixed(0)}% fewer)`;
  const started = performance.now();
  const aa = await gateRate(base, base, AA_PAIRS, (k) => [1000 + 2 * k, 1001 + 2 * k], toolVersion);
  line(
    `gate A/A false alarms, stationary-mmc, ${REPLICATIONS} replications, ${aa.method}`,
    `rules ${DEFAULT_GATE_RULES}: interval ${pct(aa.interval, aa.pairs)}, --strict point ${pct(aa.point, aa.pairs)}`,
  );
  const welch = await gateRate(
    base,
    fewer,
    REGRESSION_PAIRS,
    (k) => [5000 + 2 * k, 5001 + 2 * k],
    toolVersion,
  );
  line(
    `gate regression caught, ${cut}, ${welch.method}`,
    `interval ${pct(welch.interval, welch.pairs)}, --strict point ${pct(welch.point, welch.pairs)}`,
  );
  const paired = await gateRate(base, fewer, REGRESSION_PAIRS, (k) => [7000 + k, 7000 + k], toolVersion);
  line(
    `gate regression caught, ${cut}, ${paired.method}`,
    `interval ${pct(paired.interval, paired.pairs)}, --strict point ${pct(paired.point, paired.pairs)}`,
  );
  line('gate bench wall time', `${((performance.now() - started) / 1000).toFixed(1)} s`);
}
