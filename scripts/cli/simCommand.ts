import { join } from 'node:path';
import type { Command } from 'commander';
import { buildRunSummary } from '../../results/buildRunSummary.js';
import { REPORT_FILE } from '../../results/report/writeReport.js';
import { saveShard } from '../../results/saveShard.js';
import { saveSimRun } from '../../results/saveSimRun.js';
import { checkRunOutput } from '../../results/writeRunFolder.js';
import { readScenarioFile } from '../../scenarios/loadScenario.js';
import { defaultThreads } from '../../sim/replications/runReplications.js';
import { parseShard, type ReplicationRange, type ShardSpec } from '../../sim/replications/shardRange.js';
import { type SimulationResult, simulateScenario } from '../../sim/simulateScenario.js';
import { stopOnSignal } from '../stopOnSignal.js';
import { checkShardFlags } from './checkShardFlags.js';
import { emitK8s, refuseK8sFlagsAlone } from './emitK8s.js';
import { formatSimReport } from './formatSimReport.js';
import { seedValue, wholeNumber } from './optionParsers.js';
import { printNotices } from './printNotices.js';
import { progressReporter } from './progressReporter.js';
import { toolVersion } from './toolVersion.js';
import { windowFromFlags } from './windowFlags.js';

interface SimFlags {
  day?: number;
  from?: string;
  to?: string;
  givenReplication?: number;
  replications: number;
  seed: number | string;
  days?: number;
  threads?: number;
  json?: boolean;
  out?: string;
  quiet?: boolean;
  shard?: ShardSpec;
  emitK8s?: string;
  shards?: number;
  image?: string;
}

export function registerSimCommand(program: Command): void {
  program
    .command('sim')
    .description(
      'Simulate a scenario: queues, waits, abandonment and occupancy per interval, over replications with 95% CIs.',
    )
    .argument('<scenario>', 'scenario file (JSON)')
    .option(
      '-r, --replications <n>',
      'independent replications',
      wholeNumber('--replications', 1, 10_000),
      30,
    )
    .option('-s, --seed <seed>', 'random seed; same seed, same results', seedValue, 1)
    .option(
      '-d, --days <n>',
      'simulate this many days instead of the calendar',
      wholeNumber('--days', 1, 366),
    )
    .option(
      '--day <d>',
      'measure the whole-run figures over one day (1 = first), as `hotline load` does',
      wholeNumber('--day', 1, 366),
    )
    .option('--from <HH:MM>', 'with --day: start of the window (default 00:00)')
    .option('--to <HH:MM>', 'with --day: end of the window (default 24:00)')
    .option(
      '--given-replication <r>',
      "with a window: predict it given replication r's state at the window start (what `hotline load`'s warm-started mocks hold, r = 0): every replication is a branch of r from --from",
      wholeNumber('--given-replication', 0, 9_999),
    )
    .option(
      '-t, --threads <n>',
      `worker threads (default: ${defaultThreads()}, the cores here)`,
      wholeNumber('--threads', 1, 256),
    )
    .option('--json', 'print the summary as JSON on stdout and nothing else there')
    .option('-o, --out <dir>', 'write the run into this folder instead of results/runs/<id>/')
    .option('-q, --quiet', 'no progress (a bar on a terminal, else a line per tenth of the run on stderr)')
    .option(
      '--shard <i/n>',
      'run only replication range i of n (1-based, contiguous) into a shard folder (--out); `hotline merge` joins the shards',
      parseShard,
    )
    .option(
      '--emit-k8s <dir>',
      'write Kubernetes manifests (an Indexed Job of --shards pods, then a merge Job) instead of running',
    )
    .option('--shards <n>', 'with --emit-k8s: shards, one pod each', wholeNumber('--shards', 1, 10_000))
    .option(
      '--image <ref>',
      'with --emit-k8s: container image with `hotline` on its PATH (default hotline-harness:<version>)',
    )
    .addHelpText(
      'after',
      `
Examples:
  hotline sim scenarios/covid-hotline.json
  hotline sim scenarios/line-122.json --replications 50 --seed 7 --days 2
  hotline sim scenarios/stationary-mmc.json --json | jq .channels.phone.slOffered
  hotline sim scenarios/stationary-mmc.json --day 1 --from 00:00 --to 02:00   # the window a replay measures
  hotline sim scenarios/covid-hotline.json --day 1 --from 09:00 --to 10:00 --given-replication 0
                                     # ...given the morning the warm-started mocks replay from
  hotline sim scenarios/covid-hotline.json -r 300 --shard 2/3 --out shards/2   # then: hotline merge shards/*
  hotline sim scenarios/covid-hotline.json -r 300 --emit-k8s k8s/ --shards 10  # then: kubectl apply -f k8s/

Writes results/runs/<id>/ with run.json (how it was made), summary.json (per run and per day:
mean and 95% CI of every metric), intervals.csv (the same per interval), replications.json (each
replication's figures, for paired comparisons) and report.html (charts; open it in a browser).
With --shard, --out gets a shard folder instead (shard.json, scenario.json, metrics.json).
Exit codes: 0 written, 2 bad input, 130 / 143 stopped by SIGINT / SIGTERM (worker threads ended,
nothing written).`,
    )
    .action(async (file: string, flags: SimFlags) => {
      if (flags.emitK8s !== undefined) {
        emitK8s(file, { ...flags, emitK8s: flags.emitK8s, window: windowFromFlags(flags) }, toolVersion());
        return;
      }
      refuseK8sFlagsAlone(flags);
      const range = flags.shard ? checkShardFlags(flags.shard, flags) : undefined;
      checkRunOutput(flags.out); // before minutes of simulation, not after
      const text = readScenarioFile(file);
      // The writes below stay inside: they are synchronous, so a signal then waits for a whole folder.
      await stopOnSignal('simulation stopped, worker threads ended; nothing written', async (signal) => {
        const result = await simulate(file, text, flags, range, signal);
        printNotices(file, result.scenario);
        if (flags.shard && range) writeShard(result, text, flags, flags.shard, range);
        else writeRun(result, flags);
      });
    });
}

function simulate(
  file: string,
  text: string,
  flags: SimFlags,
  range: ReplicationRange | undefined,
  signal: AbortSignal,
): Promise<SimulationResult> {
  const bar = progressReporter(
    'replications',
    range ? range.to - range.from : flags.replications,
    flags.quiet,
  );
  return simulateScenario(
    { text, file, options: { days: flags.days } },
    {
      replications: flags.replications,
      seed: flags.seed,
      threads: flags.threads,
      window: windowFromFlags(flags),
      ...(flags.givenReplication === undefined ? {} : { givenReplication: flags.givenReplication }),
      range,
      signal,
      onProgress: bar,
    },
  ).finally(() => bar?.(-1, 0));
}

function writeShard(
  result: SimulationResult,
  scenarioText: string,
  flags: SimFlags,
  shard: ShardSpec,
  range: ReplicationRange,
): void {
  const folder = saveShard(
    { result, scenarioText, days: flags.days, shard, range, toolVersion: toolVersion() },
    flags.out!,
  );
  process.stdout.write(
    `shard ${shard.index}/${shard.count} (replications ${range.from} to ${range.to - 1} of ${flags.replications}) ` +
      `written to ${folder} in ${(result.durationMs / 1000).toFixed(1)} s\n`,
  );
}

function writeRun(result: SimulationResult, flags: SimFlags): void {
  const saved = saveSimRun(result, toolVersion(), flags.out);
  const report = join(saved.folder, REPORT_FILE);
  if (flags.json) {
    process.stdout.write(`${JSON.stringify(buildRunSummary(result), null, 2)}\n`);
    process.stderr.write(`run written to ${saved.folder}\nreport ${report}\n`);
    return;
  }
  process.stdout.write(
    `${formatSimReport(result.scenario, result.summary, result.replications, result.window)}\n\n`,
  );
  process.stdout.write(
    `run ${saved.id} written to ${saved.folder} in ${(result.durationMs / 1000).toFixed(1)} s\nreport ${report}\n`,
  );
}
