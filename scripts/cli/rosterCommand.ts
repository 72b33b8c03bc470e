import type { Command } from 'commander';
import { checkOutputFile } from '../../results/outputPath.js';
import { writeFileAtomically } from '../../results/report/writeReport.js';
import { readScenarioFile } from '../../scenarios/loadScenario.js';
import { loadShiftTemplatesFile } from '../../sim/planning/roster/loadShiftTemplates.js';
import { planRoster } from '../../sim/planning/roster/planRoster.js';
import { ROSTER_SOLVER_DEFAULTS } from '../../sim/planning/roster/rosterSolverDefaults.js';
import { withStaffing } from '../../sim/planning/withStaffing.js';
import { defaultThreads } from '../../sim/replications/runReplications.js';
import { stopOnSignal } from '../stopOnSignal.js';
import { positiveNumber, seedValue, shareValue, wholeNumber } from './optionParsers.js';
import { formatRoster } from './roster/formatRoster.js';
import { renderRosterPage } from './roster/renderRosterPage.js';
import { rosterJson } from './roster/rosterJson.js';

interface RosterFlags {
  shifts: string;
  required?: string;
  shrinkage: number;
  penalty?: number;
  timeLimit: number;
  nodeLimit: number;
  gap: number;
  rounds: number;
  raise: number;
  replications: number;
  checkReplications: number;
  seed: number | string;
  threads?: number;
  write?: string;
  report?: string;
  json?: boolean;
  quiet?: boolean;
}

export function registerRosterCommand(program: Command): void {
  program
    .command('roster')
    .description(
      'Turn the agents required per interval into shifts: a set-covering integer program over shift templates (HiGHS), ' +
        'verified by simulation, the requirement raised where an interval still misses its targets.',
    )
    .argument('<scenario>', 'scenario file (JSON)')
    .requiredOption('--shifts <file>', 'shift templates (JSON; schema scenarios/shifts/shifts.schema.json)')
    .option(
      '--required <file>',
      'a scenario whose group staffing is the requirement (e.g. from `hotline staff --write`) instead of the plan of `hotline staff`',
    )
    .option(
      '--shrinkage <share>',
      'share of scheduled time not available (absence, training): 0.3 or 30%, below 1',
      shareValue('--shrinkage', 1, false),
      0,
    )
    .option(
      '--penalty <cost>',
      'soft coverage: cost per agent missing in one interval (default: every interval covered)',
      positiveNumber('--penalty'),
    )
    .option(
      '--node-limit <n>',
      'branch-and-bound nodes per solve at most: a limit on work, so a solve it stops gives the same plan on any machine',
      wholeNumber('--node-limit', 1, 2_000_000_000),
      ROSTER_SOLVER_DEFAULTS.nodeLimit,
    )
    .option(
      '--time-limit <seconds>',
      'safety net: solver time limit (LP and integer program together); a solve it stops depends on the machine',
      positiveNumber('--time-limit'),
      ROSTER_SOLVER_DEFAULTS.timeLimitS,
    )
    .option(
      '--gap <share>',
      'stop when (cost - bound) / cost is at most this',
      shareValue('--gap', 1),
      ROSTER_SOLVER_DEFAULTS.relativeGap,
    )
    .option(
      '--rounds <n>',
      'solve-and-simulate rounds at most; 0: solve once, do not simulate',
      wholeNumber('--rounds', 0, 100),
      6,
    )
    .option(
      '--raise <agents>',
      'agents added per round to an interval that misses a target',
      wholeNumber('--raise', 1, 1000),
      1,
    )
    .option(
      '-r, --replications <n>',
      'replications per simulation round',
      wholeNumber('--replications', 1, 10_000),
      10,
    )
    .option(
      '--check-replications <n>',
      'replications of the final check on fresh draws (at least --replications)',
      wholeNumber('--check-replications', 1, 10_000),
      30,
    )
    .option('-s, --seed <seed>', 'random seed of the simulation', seedValue, 1)
    .option(
      '-t, --threads <n>',
      `worker threads (default: ${defaultThreads()})`,
      wholeNumber('--threads', 1, 256),
    )
    .option('--write <file>', "write the scenario with the plan as the group's `shifts` staffing")
    .option(
      '--report <file>',
      'write an HTML page: scheduled against required, simulated service level, the plan',
    )
    .option('--json', 'print one JSON object instead of the tables')
    .option('-q, --quiet', 'no progress lines on stderr')
    .addHelpText(
      'after',
      `
Examples:
  hotline roster scenarios/covid-hotline.json --shifts scenarios/shifts/covid.json
  hotline roster scenarios/covid-hotline.json --shifts scenarios/shifts/covid.json \\
      --write /tmp/covid-rostered.json --report /tmp/roster.html     # then: hotline sim /tmp/covid-rostered.json
  hotline roster scenarios/covid-hotline.json --shifts scenarios/shifts/covid.json --raise 4 --rounds 12 -r 20
  hotline roster scenarios/covid-hotline.json --shifts scenarios/shifts/covid.json --rounds 0 --json | jq .solver
  hotline roster scenarios/covid-hotline.json --shifts scenarios/shifts/covid.json --penalty 200 --time-limit 60
  hotline roster scenarios/covid-hotline.json --shifts scenarios/shifts/covid.json --required /tmp/staffed.json

The requirement is hotline staff's plan (the method it picks) after --shrinkage, or --required. An agent covers an
interval only when on duty all of it (on break does not count). Cost: on-duty hours (breaks unpaid)
at the template's rate with the night and weekend premiums; "before" is the scenario's own staffing
at the file's costPerAgentHour. Round r simulates the plan (--replications, seed <seed>-<r>);
intervals whose mean misses a target of the channel get --raise more required agents (default 1),
up to --rounds rounds. The final plan is simulated once more with seed <seed>-check, which no
decision used (--check-replications): that check is the honest verdict. An interval whose mean
misses there while its 95% CI still reaches the target is within noise; one whose whole CI is on
the wrong side is missed beyond noise.
Exit codes: 0 done, 2 bad input (templates, flags, output paths, requirements the templates cannot
cover: the message names the interval).`,
    )
    .action(async (file: string, flags: RosterFlags) => {
      // Output paths first: a bad one is exit 2 before minutes of solving and simulating.
      const write = flags.write ? checkOutputFile('--write', flags.write) : undefined;
      const report = flags.report ? checkOutputFile('--report', flags.report) : undefined;
      const text = readScenarioFile(file);
      const templates = loadShiftTemplatesFile(flags.shifts);
      const say = flags.quiet ? () => {} : (line: string) => process.stderr.write(`${line}\n`);
      await stopOnSignal('roster stopped, worker threads ended; nothing written', async (signal) => {
        const result = await planRoster(text, file, templates, {
          shrinkage: flags.shrinkage,
          ...(flags.required ? { requiredFile: flags.required } : {}),
          ...(flags.penalty !== undefined ? { penalty: flags.penalty } : {}),
          timeLimitS: flags.timeLimit,
          nodeLimit: flags.nodeLimit,
          relativeGap: flags.gap,
          maxRounds: flags.rounds,
          raiseBy: flags.raise,
          checkReplications: flags.checkReplications,
          simulation: {
            replications: flags.replications,
            seed: flags.seed,
            ...(flags.threads ? { threads: flags.threads } : {}),
            ...(flags.quiet ? {} : { onProgress: replicationsProgress(say) }),
            signal,
          },
          onStep: say,
        });
        // Temp file and rename: a signal or a full disk never leaves half a scenario or page behind.
        if (write) {
          writeFileAtomically(
            write,
            withStaffing(text, { [result.group]: { kind: 'shifts', shifts: result.shifts } }),
          );
        }
        if (report) writeFileAtomically(report, renderRosterPage(result));
        process.stdout.write(
          flags.json ? `${JSON.stringify(rosterJson(result), null, 2)}\n` : formatRoster(result),
        );
        if (write) say(`scenario with the plan written to ${write}`);
        if (report) say(`report ${report}`);
      });
    });
}

function replicationsProgress(say: (line: string) => void) {
  return (done: number, total: number) => {
    if (done === total) say(`  simulated ${total} replications`);
  };
}
