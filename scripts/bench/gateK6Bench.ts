// `npm run bench -- --only gate-k6`: the --fail-on gate's false-alarm rate and power on REAL k6 runs
// (the `gate` section stands k6 runs in by one-replication sim runs labelled as measurements). Each
// run is `hotline load` of stationary-mmc scaled to 20 agents at its own occupancy (gateBench's
// withAgents), day 1 08:00-12:00 (8 intervals of 30 minutes, enough for batch means) at time scale
// 600 (24 s of wall time a replay), the real k6 against the mocks on 127.0.0.1, every run its own
// seed (own arrivals, own warm-started morning). Pairs are judged as `hotline compare --fail-on`
// judges two k6 folders (compareRuns + evaluateGate, DEFAULT_GATE_RULES), by batch means and by
// --spread-from a 30-replication prediction of the same window. N runs give N/2 disjoint A/A pairs
// (independent trials: the rate and its bound are theirs); all C(N, 2) pairs are printed too, but
// they share runs, so their rate is not that of independent trials. Regression pairs put each 18-agent
// replay against its own 20-agent replay (disjoint within the tally). Beside them: how far the k6
// runs' interval and window values spread across seeds against one-replication sim runs' of the same
// window (whether the gate bench's stand-ins are fair), and the one-replication stand-ins' own rates
// on this window over many pairs. HOTLINE_BENCH_GATE_K6_RUNS sets N (default 16: about 11-12 minutes),
// HOTLINE_BENCH_GATE_K6_TIME_SCALE the time scale, HOTLINE_BENCH_GATE_K6_KEEP=1 keeps the run folders
// (the path is printed) and HOTLINE_BENCH_GATE_K6_FROM=<that path> judges kept runs again without k6.
//
// Measured (README, gate section): at a load average of 4-8 on 2 cores the default gate (batch means)
// false-alarmed on 0/16 disjoint ordered A/A judgements and 1/240 over all pairs (0.4%), --spread-from
// 2/240; the k6 runs' window SL spread across seeds as the sim stand-ins' (0.023 vs 0.025). At 15-19
// the first five replays' client waits ran a median 5-13 model s above the mocks' own (transport
// latency times the time scale), their SL 0.51-0.75 against the server's 0.90-0.99, and batch means
// false-alarmed on 2/16 and 49/240 (20%): hence compare's latency warning (latencyWarnings.ts); the
// runs without it: 0/10 and 2/110. Power on this 4-hour window is low (2-4 of 8 true cuts caught).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { batchEstimate } from '../../results/compare/batchMeansDifference.js';
import { compareRuns } from '../../results/compare/compareRuns.js';
import { evaluateGate } from '../../results/compare/evaluateGate.js';
import { parseFailOn } from '../../results/compare/failOnRules.js';
import { latencyWarnings } from '../../results/compare/latencyWarnings.js';
import { simulatedRun } from '../../results/compare/testing/simulatedRun.js';
import type { LoadQuality } from '../../results/loadQuality.js';
import type { LoadedRun } from '../../results/loadRun.js';
import { loadRun } from '../../results/loadRun.js';
import { intervalSeries } from '../../results/runMetrics.js';
import { saveSimRun } from '../../results/saveSimRun.js';
import { simulateScenario } from '../../sim/simulateScenario.js';
import { runLoad } from '../k6/runLoad.js';
import { benchLine as line, median } from './benchLine.js';
import { DEFAULT_GATE_RULES, withAgents } from './gateBench.js';
import { sdAcrossRuns, spreadAcrossRuns } from './spreadAcrossRuns.js';

/** The replayed window, as `hotline load --day 1 --from 08:00 --to 12:00` (day 1 = first). */
const WINDOW = { day: 1, from: '08:00', to: '12:00' };
const DEFAULT_TIME_SCALE = 600;
const DEFAULT_RUNS = 16;
const SPREAD_REPLICATIONS = 30;
/** One-replication sim stand-ins of the same window: pairs for their own rates. */
const STAND_IN_PAIRS = 200;

interface PairVerdict {
  interval: boolean;
  point: boolean;
  /** The rules that failed on the interval. */
  rules: string[];
  /** The rules' metrics whose 95% interval of B − A excludes 0 (5% of A/A pairs if calibrated). */
  excludesZero: string[];
}

interface Tally {
  interval: number;
  point: number;
  pairs: number;
  /** Independent trials behind them: the pairs (a pair judged each way is still one trial). */
  independent: number;
  /** How often each rule failed on the interval. */
  rules: Map<string, number>;
  /** Per rule metric, how often its difference's interval excluded 0. */
  excludesZero: Map<string, number>;
}

const RULES = parseFailOn(DEFAULT_GATE_RULES);

/** What `hotline compare --baseline a b [--spread-from s] --fail-on ...` decides for one pair. */
function judge(a: LoadedRun, b: LoadedRun, spread: LoadedRun | null): PairVerdict {
  const comparison = compareRuns(a, b, spread);
  const outcomes = evaluateGate(comparison, RULES);
  return {
    interval: outcomes.some((o) => o.failed),
    point: evaluateGate(comparison, RULES, { strict: true }).some((o) => o.failed),
    rules: outcomes.filter((o) => o.failed).map((o) => o.rule.text),
    excludesZero: comparison.rows
      .filter((row) => RULES.some((rule) => rule.metric === row.metric) && row.channel === 'phone')
      .filter(
        (row) => row.difference.ci95 !== null && (row.difference.ci95[0] > 0 || row.difference.ci95[1] < 0),
      )
      .map((row) => row.metric),
  };
}

/**
 * Judges the pairs; with `bothWays` each A/A pair is judged as (a, b) and as (b, a): a rule is
 * one-sided, and which run of an A/A pair is the baseline is chance, so counting one order only
 * would hide (or double) alarms whenever the runs of one stretch of the bench differ from the rest
 * (a starved machine for the first replays). Its trials are ordered judgements, two per pair.
 */
function tally(
  given: ReadonlyArray<readonly [LoadedRun, LoadedRun]>,
  spread: LoadedRun | null,
  bothWays: boolean,
): Tally {
  const pairs = bothWays ? given.flatMap(([a, b]) => [[a, b] as const, [b, a] as const]) : given;
  const t: Tally = {
    interval: 0,
    point: 0,
    pairs: pairs.length,
    independent: given.length,
    rules: new Map(),
    excludesZero: new Map(),
  };
  for (const [a, b] of pairs) {
    const v = judge(a, b, spread);
    if (v.interval) t.interval++;
    if (v.point) t.point++;
    for (const rule of v.rules) t.rules.set(rule, (t.rules.get(rule) ?? 0) + 1);
    for (const metric of v.excludesZero) t.excludesZero.set(metric, (t.excludesZero.get(metric) ?? 0) + 1);
  }
  return t;
}

// With no event in n independent trials the rate is below 3/n with 95% confidence (the rule of
// three); judgements each way of the same pairs are not independent, so n is the pairs.
const pct = (n: number, of: number, independent: number) =>
  `${n}/${of} (${((100 * n) / of).toFixed(1)}%${n === 0 ? `, < ${(300 / independent).toFixed(1)}% at 95%` : ''})`;

const byRule = (t: Tally) =>
  t.rules.size === 0 ? '' : ` [${[...t.rules].map(([rule, n]) => `${rule} ${n}`).join(', ')}]`;

const rates = (t: Tally) =>
  `interval ${pct(t.interval, t.pairs, t.independent)}${byRule(t)}, --strict point ${pct(t.point, t.pairs, t.independent)}`;

// Alarms need the whole interval past a threshold, so they are rare and a few pairs say little; how
// often the interval excludes 0 (5% if calibrated) is the sharper check of the same intervals.
const calibration = (t: Tally) =>
  `; interval of B − A excludes 0: ${RULES.map((r) => `${r.metric} ${t.excludesZero.get(r.metric) ?? 0}`).join(', ')} of ${t.pairs}`;

const withCalibration = (t: Tally) => rates(t) + calibration(t);

const METHODS = [
  ['batch-means', false],
  ['spread-of-prediction', true],
] as const;

/**
 * Lines for both methods: runs are paired 0-1, 2-3, ... (disjoint, independent trials), and with
 * `all` every pair as well (caveat printed); given pairs (regressions) are judged as they are.
 */
function judgeAll(
  what: string,
  runsOrPairs: readonly LoadedRun[] | ReadonlyArray<readonly [LoadedRun, LoadedRun]>,
  spread: LoadedRun,
  options: { all: boolean },
): void {
  const given = runsOrPairs.length > 0 && Array.isArray(runsOrPairs[0]);
  const pairs = given
    ? (runsOrPairs as ReadonlyArray<readonly [LoadedRun, LoadedRun]>)
    : disjointPairs(runsOrPairs as readonly LoadedRun[]);
  for (const [name, useSpread] of METHODS) {
    const from = useSpread ? spread : null;
    if (pairs.length === 0) {
      line(`gate-k6 ${what}, ${name}`, 'no pairs');
      continue;
    }
    const ways = given ? '' : ', each way';
    line(
      `gate-k6 ${what}, ${name}`,
      `${pairs.length} disjoint pairs${ways}: ${withCalibration(tally(pairs, from, !given))}`,
    );
    if (options.all && !given) {
      const all = allPairs(runsOrPairs as readonly LoadedRun[]);
      line(
        `gate-k6 ${what}, ${name}`,
        `all ${all.length} pairs, each way (they share runs: not independent trials): ${withCalibration(tally(all, from, true))}`,
      );
    }
  }
}

/** Whether a replay measured the queue: none dropped, and no latency warning from compare (latencyWarnings). */
function delivered(r: Replay): boolean {
  return r.dropped === 0 && latencyWarnings(r.run).length === 0;
}

/** Runs 0-1, 2-3, ...: no run in two pairs. */
const disjointPairs = <T>(runs: readonly T[]) =>
  Array.from({ length: Math.floor(runs.length / 2) }, (_, k) => [runs[2 * k]!, runs[2 * k + 1]!] as const);

const allPairs = <T>(runs: readonly T[]) =>
  runs.flatMap((a, i) => runs.slice(i + 1).map((b) => [a, b] as const));

interface Replay {
  run: LoadedRun;
  lagP99Ms: number | null;
  dropped: number;
  wallS: number;
}

async function replay(
  file: string,
  seed: number,
  timeScale: number,
  work: string,
  toolVersion: string,
): Promise<Replay> {
  const kept = process.env.HOTLINE_BENCH_GATE_K6_FROM;
  if (kept) return keptReplay(join(kept, `run-${seed}`));
  const started = performance.now();
  const result = await runLoad({
    scenarioFile: file,
    timeScale,
    day: WINDOW.day - 1,
    from: WINDOW.from,
    to: WINDOW.to,
    segments: 1,
    quiet: true,
    k6StdoutToStderr: true,
    seed,
    out: join(work, `run-${seed}`),
    toolVersion,
  });
  const quality = result.measurement.quality;
  return {
    run: loadRun(result.saved.folder),
    lagP99Ms: quality?.whole.arrivalLagMs?.p99 ?? null,
    dropped: quality?.droppedIterations ?? 0,
    wallS: (performance.now() - started) / 1000,
  };
}

/** A replay kept by an earlier bench (HOTLINE_BENCH_GATE_K6_KEEP), judged again without k6. */
function keptReplay(folder: string): Replay {
  const quality = JSON.parse(readFileSync(join(folder, 'load-quality.json'), 'utf8')) as LoadQuality;
  const run = loadRun(folder);
  return {
    run,
    lagP99Ms: quality.whole.arrivalLagMs?.p99 ?? null,
    dropped: quality.droppedIterations,
    wallS: run.info.durationMs / 1000,
  };
}

/** The window's per-interval SL of a run (its measured intervals; the others are null). */
const windowSl = (run: LoadedRun) => intervalSeries(run, 'slOffered', 'phone').mean.filter((x) => x !== null);

const serverSl = (run: LoadedRun) => run.summary.serverCrossCheck?.server.slOffered ?? null;

const runSl = (run: LoadedRun) =>
  (run.summary.channels as Record<string, Record<string, { mean: number | null }>>).phone?.slOffered?.mean ??
  null;

const fmt = (x: number | null, digits = 4) => (x === null ? 'n/a' : x.toFixed(digits));

const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');

export async function gateK6Bench(repo: string, toolVersion: string): Promise<void> {
  const runs = Number(process.env.HOTLINE_BENCH_GATE_K6_RUNS ?? DEFAULT_RUNS);
  if (!Number.isInteger(runs) || runs < 2) {
    throw new Error(`HOTLINE_BENCH_GATE_K6_RUNS: expected a whole number of at least 2, got ${runs}`);
  }
  const timeScale = Number(process.env.HOTLINE_BENCH_GATE_K6_TIME_SCALE ?? DEFAULT_TIME_SCALE);
  if (!(timeScale > 0)) {
    throw new Error(`HOTLINE_BENCH_GATE_K6_TIME_SCALE: expected a positive number, got ${timeScale}`);
  }
  const text = readFileSync(join(repo, 'scenarios', 'stationary-mmc.json'), 'utf8');
  const work = mkdtempSync(join(tmpdir(), 'hotline-bench-gate-k6-'));
  const started = performance.now();
  try {
    const baseFile = join(work, 'stationary-mmc-20.json');
    const fewerFile = join(work, 'stationary-mmc-18.json');
    const base = withAgents(text, 20, 20);
    writeFileSync(baseFile, base);
    writeFileSync(fewerFile, withAgents(text, 18, 20));
    const window = `day ${WINDOW.day} ${WINDOW.from}-${WINDOW.to}`;
    const spreadResult = await simulateScenario(
      { text: base, file: baseFile },
      { replications: SPREAD_REPLICATIONS, seed: 99, window: WINDOW, threads: 1 },
    );
    const spread = loadRun(saveSimRun(spreadResult, toolVersion, join(work, 'prediction')).folder);

    const total = runs + Math.floor(runs / 2);
    const progress = (k: number, what: string, r: Replay) =>
      process.stderr.write(
        `gate-k6: replay ${k}/${total} (${what}) ${r.wallS.toFixed(1)} s, SL ${fmt(runSl(r.run), 3)}, ` +
          `server SL ${fmt(serverSl(r.run), 3)}, wait gap p50 ${fmt(r.run.summary.serverCrossCheck?.waitGapS?.p50 ?? null, 1)} s, ` +
          `lag p99 ${fmt(r.lagP99Ms, 1)} ms, dropped ${r.dropped}; load ${load()}\n`,
      );
    const aa: Replay[] = [];
    for (let i = 0; i < runs; i++) {
      aa.push(await replay(baseFile, 100 + i, timeScale, work, toolVersion));
      progress(aa.length, `20 agents, seed ${100 + i}`, aa.at(-1)!);
    }
    const fewer: Replay[] = [];
    for (let i = 0; i < Math.floor(runs / 2); i++) {
      fewer.push(await replay(fewerFile, 500 + i, timeScale, work, toolVersion));
      progress(runs + fewer.length, `18 agents, seed ${500 + i}`, fewer.at(-1)!);
    }

    const measured = aa.map((r) => r.run);
    const where = `stationary-mmc 20 agents, ${window} at time scale ${timeScale}, real k6`;
    judgeAll(`A/A false alarms, ${where}`, measured, spread, { all: true });
    const regression = fewer.map((r, j) => [measured[j]!, r.run] as const);
    judgeAll(`regression caught, 20 -> 18 agents, ${where}`, regression, spread, { all: false });
    // The same among the replays whose load was delivered as planned: what the method does given
    // sound measurements, apart from what a starved machine does to them.
    const sound = delivered;
    judgeAll(
      `A/A false alarms, ${where}, delivered runs only (no latency warning, none dropped)`,
      aa.filter(sound).map((r) => r.run),
      spread,
      { all: true },
    );
    judgeAll(
      `regression caught, 20 -> 18 agents, ${where}, delivered runs only`,
      fewer.flatMap((r, j) => (sound(r) && sound(aa[j]!) ? [[measured[j]!, r.run] as const] : [])),
      spread,
      { all: false },
    );

    // The stand-ins: one replication of the same window, labelled a measurement (the gate bench's).
    const standIn = (seed: number) =>
      simulatedRun({ text: base, seed, replications: 1, asMeasurement: true, window: WINDOW }, toolVersion);
    const sims: LoadedRun[] = [];
    for (let k = 0; k < 2 * STAND_IN_PAIRS; k++) sims.push(await standIn(3000 + k));
    judgeAll('A/A false alarms, same window, k6-like sim stand-ins', sims, spread, { all: false });

    // Is a one-replication sim run a fair stand-in? The same spreads, k6 against sim.
    const k6Spread = spreadAcrossRuns(measured.map(windowSl));
    const simSpread = spreadAcrossRuns(sims.slice(0, runs).map(windowSl));
    const k6RunSd = sdAcrossRuns(measured.map(runSl));
    const simRunSd = sdAcrossRuns(sims.map(runSl));
    line(
      'gate-k6 spread of slOffered across seeds, k6 vs sim',
      `per interval SD ${fmt(k6Spread.perIntervalSd)} vs ${fmt(simSpread.perIntervalSd)}, ` +
        `within a run ${fmt(k6Spread.withinRunSd)} vs ${fmt(simSpread.withinRunSd)}, ` +
        `window SD ${fmt(k6RunSd)} vs ${fmt(simRunSd)} (${runs} k6 runs, ${sims.length} sim runs); ` +
        `mean SL ${fmt(mean(measured.map(runSl)))} vs ${fmt(mean(sims.map(runSl)))}`,
    );
    // Batch means is calibrated when a run's SE from its own intervals (s/√k) is the SD of the
    // window's figure across runs; the spread of a prediction, when one replication's SD is.
    const batchSe = (runsOf: LoadedRun[]) =>
      rms(runsOf.map((r) => batchEstimate(windowSl(r), 'mean')?.se ?? null));
    line(
      'gate-k6 SE of the window SL: across seeds vs batch means',
      `k6 ${fmt(k6RunSd)} vs ${fmt(batchSe(measured))}, sim ${fmt(simRunSd)} vs ${fmt(batchSe(sims))}; ` +
        `one replication's SD in the ${SPREAD_REPLICATIONS}-replication prediction ${fmt(sdAcrossRuns(spreadResult.perReplication.map((r) => r.channels.phone?.run.slOffered ?? null)))}`,
    );
    // Where the k6 runs' extra spread comes from: the client's waits are wall time times the time
    // scale, so transport latency on a starved machine is model seconds of wait the server never saw.
    const warned = aa.filter((r) => !delivered(r));
    const others = aa.filter(delivered);
    const slPair = (rs: Replay[]) =>
      `client SL ${fmt(mean(rs.map((r) => runSl(r.run))), 3)}, server SL ${fmt(mean(rs.map((r) => serverSl(r.run))), 3)}, ` +
      `median wait gap ${fmt(medianOrNull(rs.map((r) => r.run.summary.serverCrossCheck?.waitGapS?.p50 ?? null)), 1)} s`;
    line(
      'gate-k6 client vs server (mocks) view, 20-agent replays',
      `${warned.length} of ${aa.length} with a latency warning or drops: ${warned.length ? slPair(warned) : '-'}; ` +
        `the others: ${others.length ? slPair(others) : '-'}`,
    );
    const lags = aa.concat(fewer).flatMap((r) => (r.lagP99Ms === null ? [] : [r.lagP99Ms]));
    line(
      'gate-k6 replays',
      `${aa.length + fewer.length} runs, median wall ${median(aa.concat(fewer).map((r) => r.wallS)).toFixed(1)} s, ` +
        `arrival lag p99 median ${lags.length ? median(lags).toFixed(1) : 'n/a'} ms ` +
        `(${lags.length ? ((median(lags) / 1000) * timeScale).toFixed(1) : 'n/a'} model s), ` +
        `dropped ${aa.concat(fewer).reduce((s, r) => s + r.dropped, 0)}; load average ${load()}`,
    );
    line('gate-k6 bench wall time', `${((performance.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    if (process.env.HOTLINE_BENCH_GATE_K6_KEEP) process.stderr.write(`gate-k6: runs kept in ${work}\n`);
    else rmSync(work, { recursive: true, force: true });
  }
}

function mean(xs: ReadonlyArray<number | null>): number | null {
  const v = xs.filter((x): x is number => x !== null);
  return v.length ? v.reduce((s, x) => s + x, 0) / v.length : null;
}

/** Root mean square (SEs combine through their squares); null without a value. */
function rms(xs: ReadonlyArray<number | null>): number | null {
  const v = xs.filter((x): x is number => x !== null);
  return v.length ? Math.sqrt(v.reduce((s, x) => s + x * x, 0) / v.length) : null;
}

function medianOrNull(xs: ReadonlyArray<number | null>): number | null {
  const v = xs.filter((x): x is number => x !== null);
  return v.length ? median(v) : null;
}
