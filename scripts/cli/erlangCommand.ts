import type { Command } from 'commander';
import { SERVICE_LEVEL_VARIANTS } from '../../sim/analytic/erlangC.js';
import { buildErlangReport, erlangReportJson, formatErlangReport } from './erlang/erlangReport.js';
import { type ErlangFlags, parseErlangFlags } from './erlang/parseErlangFlags.js';

export function registerErlangCommand(program: Command): void {
  program
    .command('erlang')
    .description(
      'Analytic service level, ASA, abandonment and occupancy for one interval (Erlang C, or Erlang A with --patience); ' +
        'with --goal and no --agents, the fewest agents that meet the goal.',
    )
    .requiredOption('--calls <n>', 'contacts offered per interval')
    .requiredOption('--interval <duration>', 'interval length, e.g. 30m')
    .requiredOption('--aht <duration>', 'average handle time (talk + after-call work), e.g. 180s')
    .option('--agents <n>', 'agents on duty; omit with --goal to find the fewest')
    .option('--patience <duration>', 'mean patience before abandoning (exponential): switches to Erlang A')
    .option('--target <duration>', 'service-level threshold T', '20s')
    .option('--goal <fraction>', 'service-level goal at T, e.g. 0.8 or 80%')
    .option(
      '--variant <name>',
      `service-level variant the goal applies to: ${SERVICE_LEVEL_VARIANTS.join(', ')}`,
      'slOffered',
    )
    .option('--max-abandon <fraction>', 'with --goal: also require P(abandon) at most this')
    .option('--max-asa <duration>', 'with --goal: also require ASA at most this')
    .option('--json', 'print one JSON object instead of the table')
    .addHelpText(
      'after',
      `
Examples:
  # service level with 14 agents (Erlang C: nobody hangs up)
  $ hotline erlang --calls 100 --interval 30m --aht 180s --agents 14

  # fewest agents for 80% answered within 20s, callers abandoning after 5 min on average (Erlang A)
  $ hotline erlang --calls 100 --interval 30m --aht 180s --patience 5m --target 20s --goal 0.8

  # same, but the goal counts only answered calls, and at most 5% may abandon
  $ hotline erlang --calls 100 --interval 30m --aht 180s --patience 5m --goal 80% \\
      --variant slAnswered --max-abandon 5%

  # machine-readable
  $ hotline erlang --calls 100 --interval 30m --aht 180s --agents 14 --json
`,
    )
    .action((flags: ErlangFlags) => {
      const report = buildErlangReport(parseErlangFlags(flags));
      process.stdout.write(
        flags.json ? `${JSON.stringify(erlangReportJson(report), null, 2)}\n` : formatErlangReport(report),
      );
    });
}
