// `npm run bench -- --only gate`: how often the --fail-on gate cries wolf, and whether it still
// catches a real regression. A/A pairs are two runs of the same scenario with different seeds (no
// real difference: every failure is a false alarm); the regression is a true 10% cut in agents at
// the same occupancy (stationary-mmc scaled to 20 agents, cut to 18). Both gate methods are
// measured: the 95% interval of the change (the default) and the point estimate (--strict). Runs
// are built in memory, as `hotline sim` would write them. Two k6 runs are stood in for by runs of
// ONE replication labelled as measurements: a k6 replay is one sample path of the same process, so
// their comparison (batch means) is judged as two k6 folders' would be, without running k6.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compareRuns } from '../../results/compare/compareRuns.js';
import { evaluateGate } from '../../results/compare/evaluateGate.js';
import { parseFailOn } from '../../results/compare/failOnRules.js';
import { simulatedRun } from '../../results/compare/testing/simulatedRun.js';
import { benchLine as line } from './benchLine.js';

/** The rules the README documents for the gate. */
export const DEFAULT_GATE_RULES = 'slOffered<-0.02,abandonRate>+0.01,asaS>+10%';
const REPLICATIONS = 10;
const AA_PAIRS = 200;
const REGRESSION_PAIRS = 50;

/** Which runs a pair compares: replications per run (1: a measurement) and the two seeds. */
interface PairPlan {
  replications: number;
  seeds: (k: number) => [number, number];
  /** A prediction to judge two measurements by (--spread-from), built from this scenario text. */
  spreadFrom?: string;
}

/** The --spread-from prediction: 30 replications of the base scenario, a seed of its own. */
const SPREAD_REPLICATIONS = 30;

interface Tally {
  interval: number;
  point: number;
  pairs: number;
  method: string;
}

async function gateRate(
  base: string,
  candidate: string,
  pairs: number,
  plan: PairPlan,
  toolVersion: string,
): Promise<Tally> {
  const rules = parseFailOn(DEFAULT_GATE_RULES);
  const tally = { interval: 0, point: 0, pairs, method: '' };
  const asMeasurement = plan.replications === 1;
  const run = (text: string, seed: number) =>
    simulatedRun({ text, seed, replications: plan.replications, asMeasurement }, toolVersion);
  const spread =
    plan.spreadFrom === undefined
      ? null
      : await simulatedRun(
          { text: plan.spreadFrom, seed: 99, replications: SPREAD_REPLICATIONS },
          toolVersion,
        );
  for (let k = 0; k < pairs; k++) {
    const [sa, sb] = plan.seeds(k);
    const comparison = compareRuns(await run(base, sa), await run(candidate, sb), spread);
    tally.method = comparison.method;
    if (evaluateGate(comparison, rules).some((o) => o.failed)) tally.interval++;
    if (evaluateGate(comparison, rules, { strict: true }).some((o) => o.failed)) tally.point++;
  }
  return tally;
}

// With no event in n trials the rate is below 3/n with 95% confidence (the rule of three).
const pct = (n: number, of: number) =>
  `${n}/${of} (${((100 * n) / of).toFixed(1)}%${n === 0 ? `, < ${((300 / of) as number).toFixed(1)}% at 95%` : ''})`;

const rates = (t: Tally) => `interval ${pct(t.interval, t.pairs)}, --strict point ${pct(t.point, t.pairs)}`;

/**
 * stationary-mmc with `agents` agents at its own occupancy (the calls scaled with the agents), so a
 * cut of 2 in 20 is a true 10% at the load the scenario was written for.
 */
export function withAgents(text: string, agents: number, loadAgents: number): string {
  const file = JSON.parse(text);
  const group = file.agents.groups[0].staffing;
  const demand = file.channels.phone.demand;
  demand.callsPerDay = Math.round((demand.callsPerDay * loadAgents) / group.agents);
  group.agents = agents;
  return JSON.stringify(file);
}

export async function gateBench(repo: string, toolVersion: string): Promise<void> {
  const text = readFileSync(join(repo, 'scenarios', 'stationary-mmc.json'), 'utf8');
  const base = withAgents(text, 20, 20);
  const fewer = withAgents(text, 18, 20);
  const cut = '20 -> 18 agents (10% fewer, same calls)';
  const sims: PairPlan = { replications: REPLICATIONS, seeds: (k) => [1000 + 2 * k, 1001 + 2 * k] };
  const measured: PairPlan = { replications: 1, seeds: (k) => [3000 + 2 * k, 3001 + 2 * k] };
  const started = performance.now();
  const aa = await gateRate(text, text, AA_PAIRS, sims, toolVersion);
  line(
    `gate A/A false alarms, stationary-mmc, ${REPLICATIONS} replications, ${aa.method}`,
    `rules ${DEFAULT_GATE_RULES}: ${rates(aa)}`,
  );
  const aaMeasured = await gateRate(text, text, AA_PAIRS, measured, toolVersion);
  line(`gate A/A false alarms, stationary-mmc, two k6-like runs, ${aaMeasured.method}`, rates(aaMeasured));
  const aaSpread = await gateRate(text, text, AA_PAIRS, { ...measured, spreadFrom: text }, toolVersion);
  line(`gate A/A false alarms, stationary-mmc, two k6-like runs, ${aaSpread.method}`, rates(aaSpread));
  const welch = await gateRate(
    base,
    fewer,
    REGRESSION_PAIRS,
    { ...sims, seeds: (k) => [5000 + 2 * k, 5001 + 2 * k] },
    toolVersion,
  );
  line(`gate regression caught, ${cut}, ${welch.method}`, rates(welch));
  const paired = await gateRate(
    base,
    fewer,
    REGRESSION_PAIRS,
    { ...sims, seeds: (k) => [7000 + k, 7000 + k] },
    toolVersion,
  );
  line(`gate regression caught, ${cut}, ${paired.method}`, rates(paired));
  const k6like = await gateRate(
    base,
    fewer,
    REGRESSION_PAIRS,
    { ...measured, seeds: (k) => [9000 + 2 * k, 9001 + 2 * k] },
    toolVersion,
  );
  line(`gate regression caught, ${cut}, k6-like, ${k6like.method}`, rates(k6like));
  const k6spread = await gateRate(
    base,
    fewer,
    REGRESSION_PAIRS,
    { ...measured, seeds: (k) => [9000 + 2 * k, 9001 + 2 * k], spreadFrom: base },
    toolVersion,
  );
  line(`gate regression caught, ${cut}, k6-like, ${k6spread.method}`, rates(k6spread));
  line('gate bench wall time', `${((performance.now() - started) / 1000).toFixed(1)} s`);
}
