import { join } from 'node:path';
import type { Command } from 'commander';
import { mergeShards } from '../../results/mergeShards.js';
import { REPORT_FILE } from '../../results/report/writeReport.js';
import { saveSimRun } from '../../results/saveSimRun.js';
import { checkRunOutput } from '../../results/writeRunFolder.js';
import { formatSimReport } from './formatSimReport.js';

export function registerMergeCommand(program: Command): void {
  program
    .command('merge')
    .description(
      'Join the shard folders of `hotline sim --shard i/n` into the run the unsharded sim would write.',
    )
    .argument('<shards...>', 'shard folders, one per shard 1..n, in any order')
    .option('-o, --out <dir>', 'write the run into this folder instead of results/runs/<id>/')
    .addHelpText(
      'after',
      `
Examples:
  hotline sim scenarios/covid-hotline.json -r 300 --seed 7 --shard 1/3 --out shards/1   # on three machines
  hotline sim scenarios/covid-hotline.json -r 300 --seed 7 --shard 2/3 --out shards/2
  hotline sim scenarios/covid-hotline.json -r 300 --seed 7 --shard 3/3 --out shards/3
  hotline merge shards/1 shards/2 shards/3 --out results/runs/covid-300

summary.json, intervals.csv and replications.json are byte-identical to those of
\`hotline sim scenarios/covid-hotline.json -r 300 --seed 7\`; run.json differs in id, startedAt (the
earliest shard's) and durationMs (the shards' sum). The shards must be of one run (same scenario
content, seed, replications, --days, window, shard count and hotline version) and cover every range
exactly once. Exit codes: 0 written, 2 bad input (missing or repeated shard, mismatched shards,
unreadable folder).`,
    )
    .action((shards: string[], flags: { out?: string }) => {
      checkRunOutput(flags.out);
      const { result, toolVersion } = mergeShards(shards);
      const saved = saveSimRun(result, toolVersion, flags.out);
      process.stdout.write(
        `${formatSimReport(result.scenario, result.summary, result.replications, result.window)}\n\n`,
      );
      process.stdout.write(
        `merged ${shards.length} shards into run ${saved.id} written to ${saved.folder}\nreport ${join(saved.folder, REPORT_FILE)}\n`,
      );
    });
}
