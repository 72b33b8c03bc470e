import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { buildRunSummary } from '../../results/buildRunSummary.js';
import { ensureFolder } from '../../results/outputPath.js';
import { formatValue } from '../../results/report/formatMetric.js';
import { REPORT_FILE } from '../../results/report/writeReport.js';
import type { RunSummary } from '../../results/runFormat.js';
import { metricOf } from '../../results/runMetrics.js';
import { tryParseDuration } from '../../scenarios/duration.js';
import { InputError } from '../../scenarios/inputError.js';
import { MAX_TIME_SCALE } from '../../scenarios/limits.js';
import { loadScenarioFile } from '../../scenarios/loadScenario.js';
import { channelEntries, channelPlugin } from '../../sim/channels/index.js';
import type { MetricUnit } from '../../sim/metrics/MetricSpec.js';
import { metricSpec, serviceLevelVariant } from '../../sim/metrics/metricRegistry.js';
import { resolveRunWindow } from '../../sim/replications/runWindow.js';
import { simulateScenarioFile } from '../../sim/simulateScenario.js';
import { buildK6Bundle } from '../k6/buildK6Bundle.js';
import { ARRIVAL_MODES, type ArrivalMode, compileProfile, type ReplayProfile } from '../k6/compileProfile.js';
import { k6OperatorManifests } from '../k6/k6Operator.js';
import { loadAdapter } from '../k6/loadAdapter.js';
import { replayConfig } from '../k6/replayConfig.js';
import { replayedClients } from '../k6/replayedClients.js';
import { type LoadResult, runLoad } from '../k6/runLoad.js';
import { conditionalPrediction } from './conditionalPrediction.js';
import { conditionalPredictionLines } from './conditionalPredictionLines.js';
import { seedValue, wholeNumber } from './optionParsers.js';
import { printNotices } from './printNotices.js';
import { toolVersion } from './toolVersion.js';

interface LoadFlags {
  target?: string;
  timeScale: number;
  from: string;
  to: string;
  day: number;
  tokenEnv?: string;
  segments: number;
  dashboard?: boolean;
  json?: boolean;
  out?: string;
  quiet?: boolean;
  seed: number | string;
  arrivals: ArrivalMode;
  emitK6Operator?: string;
  adapter?: string;
  warmup?: number;
}

function arrivalMode(raw: string): ArrivalMode {
  if ((ARRIVAL_MODES as readonly string[]).includes(raw)) return raw as ArrivalMode;
  throw new InputError(undefined, [
    { path: '--arrivals', message: 'unknown arrival mode', value: raw, allowed: ARRIVAL_MODES.join(', ') },
  ]);
}

/** --warmup: a duration with a unit, at most a week (longer is a typo: the replay would take days). */
function warmupValue(raw: string): number {
  const seconds = tryParseDuration(raw);
  if (seconds === undefined || seconds > 7 * 86_400) {
    throw new InputError(undefined, [
      {
        path: '--warmup',
        message: 'expected a duration with a unit, at most 7d',
        value: raw,
        allowed: 'e.g. 30m, 2h (0s for none)',
      },
    ]);
  }
  return seconds;
}

function positiveNumber(raw: string): number {
  const value = Number(raw);
  if (!/^[0-9]+(\.[0-9]+)?$/.test(raw) || value <= 0 || value > MAX_TIME_SCALE) {
    throw new InputError(undefined, [
      {
        path: '--time-scale',
        message: 'expected a positive number',
        value: raw,
        allowed: `0 < N <= ${MAX_TIME_SCALE}`,
      },
    ]);
  }
  return value;
}

export function registerLoadCommand(program: Command): void {
  program
    .command('load')
    .description(
      "Replay a scenario's phone arrivals with k6 against the mocks (default) or a deployment; judge the targets.",
    )
    .argument('<scenario>', 'scenario file (JSON)')
    .option('--target <url>', 'base URL of the ACD (default: start the mocks on a free loopback port)')
    .option('--time-scale <n>', 'model seconds per wall second', positiveNumber, 60)
    .option('--day <d>', 'day of the calendar to replay (1 = first)', wholeNumber('--day', 1, 366), 1)
    .option('--from <HH:MM>', 'start of the window (time of day)', '00:00')
    .option('--to <HH:MM>', 'end of the window (24:00 = midnight)', '24:00')
    .option(
      '--warmup <duration>',
      'replay this much before --from without measuring it, so a --target meets the window with a queue (the mocks are warm-started anyway)',
      warmupValue,
    )
    .option('--token-env <name>', 'environment variable holding the bearer token for the target')
    .option(
      '--adapter <file.json>',
      "how to talk to a target whose API differs from the mocks' contract (paths, auth header, field names); see README",
    )
    .option(
      '--segments <n>',
      'local k6 processes, one execution segment each',
      wholeNumber('--segments', 1, 64),
      1,
    )
    .option('--dashboard', "save k6's web dashboard as dashboard.html in the run folder")
    .option('-s, --seed <seed>', 'seed of the drawn arrivals and of the mocks', seedValue, 1)
    .option(
      '--arrivals <mode>',
      "poisson: the simulator's arrival process (Poisson counts, random times); even: steady k6 lattice at the expected counts",
      arrivalMode,
      'poisson',
    )
    .option('--json', 'print the summary as JSON on stdout and nothing else there')
    .option('-o, --out <dir>', 'write the run into this folder instead of results/runs/<id>/')
    .option('-q, --quiet', 'no k6 progress bar and end-of-test summary')
    .option(
      '--emit-k6-operator <dir>',
      'write a k6-operator TestRun (parallelism = --segments) and ConfigMap instead of running',
    )
    .addHelpText(
      'after',
      `
Examples:
  hotline load scenarios/stationary-mmc.json --from 08:00 --to 10:00 --time-scale 120
  hotline load scenarios/covid-hotline.json --target https://acd.example.org --token-env ACD_TOKEN \\
      --day 2 --from 07:00 --to 12:00 --segments 4
  hotline load scenarios/line-122.json --target http://acd.test:8080 --segments 8 --emit-k6-operator k8s/
  hotline load scenarios/covid-hotline.json --target http://acd.test:8080 --from 09:00 --to 10:00 --warmup 2h

Each interval of the window becomes two k6 ramping-arrival-rate stages (a '0s' jump to the rate, a hold
for intervalS / time-scale). With --arrivals poisson (default) each interval's count is drawn as the
simulator draws it (Poisson, seeded by --seed) and each call is sent at its own random instant, a short
lead after the window clock; with --arrivals even k6 sends the expected counts evenly spaced. k6 sends
each interval's count within 1 either way. Every caller (class, patience, retrials) is drawn before k6
starts; k6 hangs up when a caller's patience runs out and measures each wait on its own clock, and
summary.json's serverCrossCheck puts the target's self-report beside it. The mocks that hotline load
starts are warm-started: the model has run the day up to the window with its own contacts, so the
window starts with the predicted queue, busy agents and retrials; its own contacts start again at the
window's end, so what is measured after it (e-mails answered in the grace) meets the predicted load. A --target cannot be fast-forwarded:
--warmup 2h replays the two hours before --from too (--from then on an interval boundary) and measures
only the window (calls of the warm-up are sent, not counted; their retrials inside the window count). --adapter maps the call contract
(paths, auth header, field names) onto another API (see README). Writes
results/runs/<id>/ like \`hotline sim\` (kind 'k6': run.json, summary.json, intervals.csv) plus
k6-summary.json, junit.xml (one case per threshold) and, with --dashboard, dashboard.html.

Exit codes: 0 targets met; 99 a threshold breached (k6's code); 2 bad input, an unreachable --target,
a token the target refuses, or no k6 v2+ (run \`npm run setup:k6\`); 130 / 143 stopped by SIGINT /
SIGTERM (k6 stopped and awaited, nothing written); other codes are k6's own failures.`,
    )
    .action(async (file: string, flags: LoadFlags) => {
      if (flags.emitK6Operator !== undefined) return emitOperator(file, flags);
      const adapter = flags.adapter === undefined ? undefined : loadAdapter(flags.adapter);
      const result = await runLoad({
        adapter,
        scenarioFile: file,
        target: flags.target,
        timeScale: flags.timeScale,
        day: flags.day - 1,
        from: flags.from,
        to: flags.to,
        tokenEnv: flags.tokenEnv,
        segments: flags.segments,
        dashboard: flags.dashboard,
        out: flags.out,
        quiet: flags.quiet,
        k6StdoutToStderr: flags.json,
        seed: flags.seed,
        arrivals: flags.arrivals,
        warmupS: flags.warmup,
        toolVersion: toolVersion(),
      });
      process.exitCode = result.exitCode;
      const report = join(result.saved.folder, REPORT_FILE);
      const where = `run ${result.saved.id} written to ${result.saved.folder}\nreport ${report}`;
      // Against its own mocks only: a --target's morning is not replication 0 of the seed. The
      // simulator measures whole intervals: a window that cuts one is replayed, but not predicted.
      const predictable = flags.target === undefined && onIntervalBoundaries(file, flags);
      const given = predictable
        ? await conditionalPrediction(
            file,
            {
              seed: flags.seed,
              day: flags.day,
              from: flags.from,
              to: flags.to,
              followedAfterS: followedAfterWindowS(result.profile),
            },
            result.summary,
          )
        : null;
      if (flags.json) {
        const json = given ? { ...result.summary, conditionalPrediction: given } : result.summary;
        process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
        process.stderr.write(`${where}\n`);
        return;
      }
      const lines = [
        `replayed ${replayedClients(result.profile)
          .map(([client, plan]) => client.describePlanned(plan))
          .join(' and ')} of ${result.summary.scenario} with k6 ${result.k6.version}`,
        ...warmupLines(result.profile, flags.target === undefined),
        ...channelLines(result.summary),
        ...crossCheckLines(result.summary.serverCrossCheck),
        ...(predictable ? await twinLines(file, flags) : []),
        ...(flags.target === undefined && !predictable
          ? [
              "  no simulated twin or prediction given the mocks' morning: the simulator measures whole intervals, and the window cuts one",
            ]
          : []),
        ...(given ? conditionalPredictionLines(given) : []),
        ...verdictLines(result),
        where,
      ];
      process.stdout.write(`${lines.join('\n')}\n`);
    });
}

/** All passed, or which thresholds failed with their measured values (junit.xml has them all). */
function verdictLines(result: LoadResult): string[] {
  if (result.exitCode === 0) return [`all ${result.thresholds.length} thresholds passed`];
  const failed = result.thresholds.filter((t) => !t.ok);
  const value = (v: number | null) => (v === null ? 'no value' : Number(v.toPrecision(4)).toString());
  return [
    `exit ${result.exitCode}: ${failed.length === 0 ? 'k6 reported a breach' : `${failed.length} of ${result.thresholds.length} thresholds failed (junit.xml)`}`,
    ...failed.map((t) => `  failed: ${t.metric} ${t.expression} (measured ${value(t.value)})`),
  ];
}

/** How far past the window's end the replay followed its contacts (the longest of its channels). */
function followedAfterWindowS(profile: ReplayProfile): number {
  return Math.max(
    0,
    ...replayedClients(profile).map(([client, plan]) => client.followsAfterWindowS?.(plan, profile) ?? 0),
  );
}

/** Whether the window falls on the scenario's interval boundaries (what the simulator can measure). */
function onIntervalBoundaries(file: string, flags: LoadFlags): boolean {
  try {
    resolveRunWindow(loadScenarioFile(file).calendar, { day: flags.day, from: flags.from, to: flags.to });
    return true;
  } catch (error) {
    if (error instanceof InputError) return false;
    throw error;
  }
}

/**
 * The mocks (warm-started) continue replication 0 of `hotline sim` with the same seed, so what k6
 * measured is one replication: that one. Its simulated twin tells a replay that differs from the
 * prediction's mean because the day is an unusual one (the twin too) from one where the system
 * under test behaves otherwise (the twin agrees with the prediction, the measurement does not). The
 * window's arrivals are k6's own draw, so the twin shares the state at the window's start and the
 * day's volume, not every call.
 */
async function twinLines(file: string, flags: LoadFlags): Promise<string[]> {
  const twin = await simulateScenarioFile(file, {
    replications: 1,
    seed: flags.seed,
    threads: 1,
    window: { day: flags.day, from: flags.from, to: flags.to },
  });
  const lines = channelLines(buildRunSummary(twin)).map((line) => `  ${line}`);
  return [`  the simulator's twin (replication 0 of seed ${flags.seed}, the day the mocks ran):`, ...lines];
}

/** What came before the window: the warm-up's contacts (sent, not measured) and the mocks' warm start. */
function warmupLines(profile: ReplayProfile, mocks: boolean): string[] {
  const lines: string[] = [];
  if (profile.warmupS > 0) {
    const first = profile.intervals.findIndex((i) => i.measured);
    const before = first < 0 ? profile.intervals.length : first;
    const sent = replayedClients(profile).map(([client, plan]) => client.describeSentBefore(plan, before));
    lines.push(
      `  warm-up ${profile.warmupS / 60} min before ${profile.window.from}: ${sent.join(' and ')} sent, not measured`,
    );
  }
  if (mocks)
    lines.push(
      '  mocks warm-started: the model ran the day up to the window with its own contacts (again from its end)',
    );
  return lines;
}

function pct(value: number | null): string {
  return value === null ? '-' : `${(value * 100).toFixed(1)}%`;
}

/** The server's self-report beside the client's measurement (latency, or a bug). */
function crossCheckLines(check: RunSummary['serverCrossCheck']): string[] {
  if (!check) return [];
  const seconds = (v: number | null) => (v === null ? '-' : `${v.toFixed(1)} s`);
  const signed = (v: number | null, unit: 's' | 'pp') =>
    v === null ? '-' : `${v >= 0 ? '+' : ''}${unit === 's' ? v.toFixed(1) : (v * 100).toFixed(1)} ${unit}`;
  return [
    `  server self-report: slOffered ${pct(check.server.slOffered)}  abandonRate ${pct(check.server.abandonRate)}  ASA ${seconds(check.server.asaS)}` +
      `  (client - server: ASA ${signed(check.difference.asaS, 's')}, slOffered ${signed(check.difference.slOffered, 'pp')}` +
      `${check.waitGapS ? `, same-call wait gap ${seconds(check.waitGapS.mean)}` : ''})`,
  ];
}

async function emitOperator(file: string, flags: LoadFlags): Promise<void> {
  if (flags.warmup !== undefined && flags.warmup > 0) {
    throw new InputError(undefined, [
      {
        path: '--warmup',
        message:
          'not with --emit-k6-operator: the warm-up is left out when hotline load reads the samples, and the cluster judges its thresholds on every call',
        value: flags.warmup,
      },
    ]);
  }
  if (!flags.target) {
    throw new InputError(undefined, [
      { path: '--emit-k6-operator', message: 'needs --target (the cluster cannot reach local mocks)' },
    ]);
  }
  checkUrl(flags.target);
  const adapter = flags.adapter === undefined ? undefined : loadAdapter(flags.adapter);
  const scenario = loadScenarioFile(file);
  printNotices(file, scenario);
  const dir = ensureFolder('--emit-k6-operator', flags.emitK6Operator!);
  const profile = compileProfile(
    scenario,
    { day: flags.day - 1, from: flags.from, to: flags.to },
    flags.timeScale,
    { arrivals: flags.arrivals, seed: flags.seed },
  );
  const bundle = await buildK6Bundle();
  const config = replayConfig(profile, flags.target, flags.tokenEnv ?? null, `${scenario.name}-k8s`, adapter);
  const manifests = k6OperatorManifests({
    name: `hotline-${scenario.name}`,
    bundle: bundle.text,
    config,
    profile,
    parallelism: flags.segments,
  });
  for (const [name, text] of Object.entries(manifests)) writeFileSync(join(dir, name), text);
  process.stdout.write(
    `wrote ${Object.keys(manifests).join(' and ')} to ${flags.emitK6Operator} (kubectl apply -f ${flags.emitK6Operator})\n`,
  );
}

/** --target must be a URL; reachability from here says nothing about the cluster, so it is not checked. */
function checkUrl(target: string): void {
  try {
    const url = new URL(target);
    if (url.protocol === 'http:' || url.protocol === 'https:') return;
  } catch {
    // fall through
  }
  throw new InputError(undefined, [
    { path: '--target', message: 'expected an http or https URL', value: target },
  ]);
}

/** Two lines per measured channel: its counts, then its service level, abandonment and mean wait. */
/** A count as it was counted; a mean of counts (a replication's mean queue) as its unit formats it. */
function countText(value: number | null, unit: MetricUnit): string {
  if (value === null) return '-';
  return Number.isInteger(value) ? String(value) : formatValue(value, unit);
}

function channelLines(summary: RunSummary): string[] {
  const entries = channelEntries(summary.channels);
  return entries.flatMap(([channel, metrics]) => {
    const run = (metric: string) => metricOf(metrics, metric).mean;
    const variant = serviceLevelVariant(channel, summary.targets[channel]?.variant);
    const contactCounts = ['offered', 'answered', 'abandoned', 'blocked', 'closed'].filter(
      (m) => metrics[m] !== undefined,
    );
    // A channel without those (check-ins: uploads received, failed by mode, confirmed) shows the counts it measured.
    const counts =
      contactCounts.length > 0
        ? contactCounts
        : Object.keys(metrics).filter((m) => metricSpec(channel, m).unit === 'count' && run(m) !== null);
    const mean = channelPlugin(channel).meanWaitMetric;
    const wait = metrics[mean] === undefined ? undefined : mean;
    const waitValue = wait === undefined ? null : run(wait);
    const prefix = entries.length > 1 ? `${channel}: ` : '';
    // Figures the run has (a replay cannot see a portal's decisions); e-mails do not abandon; their
    // mean response is in (working) hours.
    const levels = [
      run(variant) === null ? null : `${variant} ${pct(run(variant))}`,
      metrics.abandonRate === undefined || run('abandonRate') === null
        ? null
        : `abandonRate ${pct(run('abandonRate'))}`,
      wait === undefined || waitValue === null
        ? null
        : `${metricSpec(channel, wait).label} ${formatValue(waitValue, metricSpec(channel, wait).unit)}`,
    ].filter((part) => part !== null);
    return [
      `  ${prefix}${counts.map((m) => `${m} ${countText(run(m), metricSpec(channel, m).unit)}`).join('  ')}`,
      ...(levels.length > 0 ? [`  ${prefix}${levels.join('  ')}`] : []),
    ];
  });
}
