import type { Command } from 'commander';
import { writeReport } from '../../results/report/writeReport.js';

export function registerReportCommand(program: Command): void {
  program
    .command('report')
    .description('Write report.html into a run folder: charts per interval and tables with 95% CIs.')
    .argument('<run>', 'run folder, or run id under results/runs (HOTLINE_RUNS_DIR)')
    .addHelpText(
      'after',
      `
Examples:
  hotline report results/runs/20261122-013000-covid-hotline-s1
  hotline report 20261122-013000-covid-hotline-s1
  HOTLINE_RUNS_DIR=/tmp/runs hotline report my-run

The page is self-contained (uPlot inlined): open it from disk, offline, or attach it to a CI job.
Exit codes: 0 written, 2 not a readable run (missing, not a run, newer format, truncated file).`,
    )
    .action((run: string) => {
      process.stdout.write(`${writeReport(run)}\n`);
    });
}
