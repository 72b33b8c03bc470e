import type { Command } from 'commander';
import { listRuns, type RunListing } from '../../results/listRuns.js';
import { pruneRuns } from '../../results/pruneRuns.js';
import { formatValue } from '../../results/report/formatMetric.js';
import { formatTable } from './formatTable.js';
import { wholeNumber } from './optionParsers.js';

export function registerRunsCommand(program: Command): void {
  const runs = program
    .command('runs')
    .description('List the runs under results/runs (HOTLINE_RUNS_DIR) with their key figures, newest first.')
    .option('--json', 'print the list as JSON')
    .addHelpText(
      'after',
      `
Examples:
  hotline runs
  hotline runs --json | jq '.[0].id'
  hotline runs prune --keep 20`,
    )
    .action((flags: { json?: boolean }) => {
      const list = listRuns();
      process.stdout.write(flags.json ? `${JSON.stringify(list, null, 2)}\n` : `${runsTable(list)}\n`);
    });
  runs
    .command('prune')
    .description('Delete all but the newest N runs; folders that are not readable runs are never deleted.')
    .requiredOption('-k, --keep <n>', 'runs to keep', wholeNumber('--keep', 0, 1_000_000))
    .addHelpText('after', '\nExample:\n  hotline runs prune --keep 20')
    .action((flags: { keep: number }) => {
      const { removed, skipped } = pruneRuns(flags.keep);
      for (const run of removed) process.stdout.write(`removed ${run.folder}\n`);
      for (const run of skipped) process.stdout.write(`left alone ${run.folder}: ${run.problem}\n`);
      process.stdout.write(
        `${removed.length} run(s) removed, ${flags.keep} kept at most` +
          (skipped.length > 0
            ? `; ${skipped.length} folder(s) that are not readable runs left alone\n`
            : '\n'),
      );
    });
}

function runsTable(list: readonly RunListing[]): string {
  if (list.length === 0) return 'no runs yet';
  const rows = list.map((r) =>
    r.problem
      ? [r.id, '?', '', '', '', '', '', `unreadable: ${r.problem}`]
      : [
          r.id,
          r.kind ?? '',
          r.scenario ?? '',
          (r.startedAt ?? '').slice(0, 16).replace('T', ' '),
          String(r.replications ?? 'n/a'),
          `${formatValue(r.sl, 'share')}`,
          formatValue(r.abandonRate, 'share'),
          formatValue(r.asaS, 'seconds'),
        ],
  );
  return formatTable(['id', 'kind', 'scenario', 'date', 'replications', 'SL', 'abandon', 'wait'], rows);
}
