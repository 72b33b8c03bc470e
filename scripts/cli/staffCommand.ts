import type { Command } from 'commander';
import { checkOutputFile } from '../../results/outputPath.js';
import { writeFileAtomically } from '../../results/report/writeReport.js';
import { InputError } from '../../scenarios/inputError.js';
import { loadScenarioText, readScenarioFile } from '../../scenarios/loadScenario.js';
import { chooseStaffingMethod, type MethodChoice } from '../../sim/planning/chooseStaffingMethod.js';
import { planStaffing } from '../../sim/planning/planStaffing.js';
import type { StaffingMethod } from '../../sim/planning/StaffingRequirement.js';
import { withStaffing } from '../../sim/planning/withStaffing.js';
import { defaultThreads } from '../../sim/replications/runReplications.js';
import { stopOnSignal } from '../stopOnSignal.js';
import { seedValue, shareValue, wholeNumber } from './optionParsers.js';
import { printNotices } from './printNotices.js';
import { formatStaffingPlan } from './staff/formatStaffingPlan.js';
import { staffingPage } from './staff/staffingPage.js';
import { staffingPlanJson } from './staff/staffingPlanJson.js';

interface StaffFlags {
  method?: StaffingMethod;
  shrinkage: number;
  replications: number;
  checkReplications: number;
  maxIterations: number;
  maxCorrections: number;
  seed: number | string;
  threads?: number;
  write?: string;
  html?: string;
  json?: boolean;
  quiet?: boolean;
}

export function registerStaffCommand(program: Command): void {
  program
    .command('staff')
    .description(
      'Fewest agents per interval for every channel target (SL, abandonment, ASA), checked by simulation: ' +
        'per-interval Erlang (--method erlang) or an iterative staffing algorithm over the simulator (--method simulation).',
    )
    .argument('<scenario>', 'scenario file (JSON)')
    .option(
      '-m, --method <name>',
      'erlang or simulation (default: erlang only for one phone channel with flat demand and no retrials)',
      methodValue,
    )
    .option(
      '--shrinkage <share>',
      'share of scheduled time not available for contacts, 0 <= share < 1 (e.g. 0.3 or 30%)',
      shareValue('--shrinkage', 1, false),
      0,
    )
    .option(
      '-r, --replications <n>',
      'replications per simulation',
      wholeNumber('--replications', 1, 1000),
      4,
    )
    .option(
      '--check-replications <n>',
      'replications of the final check on fresh draws (at least --replications)',
      wholeNumber('--check-replications', 1, 10_000),
      30,
    )
    .option(
      '--max-iterations <n>',
      'simulation method: load iterations at most before the correction passes start',
      wholeNumber('--max-iterations', 1, 100),
      8,
    )
    .option(
      '--max-corrections <n>',
      'simulation method: correction passes at most (each adds agents where a target still misses; 0: none)',
      wholeNumber('--max-corrections', 0, 100),
      8,
    )
    .option(
      '-s, --seed <seed>',
      'random seed, the same in every iteration (common random numbers)',
      seedValue,
      1,
    )
    .option(
      '-t, --threads <n>',
      `worker threads (default: ${defaultThreads()}, the cores here)`,
      wholeNumber('--threads', 1, 256),
    )
    .option(
      '-w, --write <file>',
      'write the scenario with the planned staffing (perInterval, or weekly when weekdays differ)',
    )
    .option('--html <file>', 'write a page with charts: required against today, the SL each interval reaches')
    .option('--json', 'print the plan as JSON on stdout and nothing else there')
    .option('-q, --quiet', 'no progress lines on stderr')
    .addHelpText(
      'after',
      `
Examples:
  hotline staff scenarios/covid-hotline.json
  hotline staff scenarios/covid-hotline.json --shrinkage 30% --write covid-planned.json --html staff.html
  hotline staff scenarios/stationary-mmc.json --method erlang      # same as hotline erlang --goal, per interval
  hotline staff scenarios/ecosystem.json --replications 8 --json | jq .agentHours

The simulation method simulates the scenario with a staffing, reads each interval's load from the
simulation (busy agents plus the work of abandoned contacts: retrials and work carried over from
earlier intervals included), staffs each interval with Erlang A for that load, and repeats until no
interval moves by more than one agent; correction passes then add agents where the simulated mean
misses a target or is within one standard error of it. The plan is then simulated once more on
draws no iteration used (seed <seed>-check, --check-replications): an interval whose mean misses
there but whose 95% CI still reaches the target is reported as within noise, apart from those
missed beyond noise (then the plan fits its own draws: more --replications an iteration help).
Each channel's requirement goes to the group that ranks it highest among its skills; with
--method simulation a group carrying several channels is staffed jointly as one pool (the pooling
line compares it with the channels staffed apart).
E-mail is staffed for the work falling due within its working-time target, as evenly as those
deadlines allow, on top of the calls and chats its group takes. Channels that set no requirement
(outbound) get a line saying why and are simulated with the plan. A plan that stops at
--max-iterations (NOT converged) or --max-corrections with intervals still missed can be run again
with more.
The scenario's staffing is agents on duty; --write saves the on-duty figures (what was simulated),
the table shows scheduled = on duty / (1 - shrinkage) beside them.
Exit codes: 0 planned, 2 bad input (a flag, the scenario, an output path, a target no staffing meets).`,
    )
    .action(async (file: string, flags: StaffFlags) => {
      // Output paths are checked before minutes of simulation, not after.
      const write = flags.write === undefined ? undefined : checkOutputFile('--write', flags.write);
      const html = flags.html === undefined ? undefined : checkOutputFile('--html', flags.html);
      const text = readScenarioFile(file);
      const scenario = loadScenarioText(text, file);
      printNotices(file, scenario);
      const chosen = chooseStaffingMethod(scenario);
      const choice: MethodChoice =
        flags.method === undefined || flags.method === chosen.method
          ? chosen
          : {
              method: flags.method,
              reason: `asked for (the default here: ${chosen.method}, ${chosen.reason})`,
            };
      const progress = (line: string) => {
        if (!flags.quiet) process.stderr.write(`staff: ${line}\n`);
      };
      progress(`method ${choice.method}: ${choice.reason}`);
      // The writes below stay inside: a signal during them waits for whole files.
      await stopOnSignal('staff stopped, worker threads ended; nothing written', async (signal) => {
        const plan = await planStaffing(text, file, {
          signal,
          method: choice.method,
          shrinkage: flags.shrinkage,
          replications: flags.replications,
          checkReplications: flags.checkReplications,
          maxLoadIterations: flags.maxIterations,
          maxCorrections: flags.maxCorrections,
          seed: flags.seed,
          ...(flags.threads !== undefined ? { threads: flags.threads } : {}),
          onProgress: ({ iteration, phase, done, total }) => {
            if (done === total) progress(`simulation ${iteration} (${phase}) done`);
          },
        });
        if (write) writeFileAtomically(write, withStaffing(text, plan.staffing));
        if (html) writeFileAtomically(html, staffingPage(plan, choice, scenario.name));
        process.stdout.write(
          flags.json
            ? `${JSON.stringify(staffingPlanJson(plan, choice), null, 2)}\n`
            : formatStaffingPlan(plan, choice),
        );
        if (write) progress(`scenario with the planned staffing written to ${flags.write}`);
        if (html) progress(`page written to ${flags.html}`);
      });
    });
}

function methodValue(raw: string): StaffingMethod {
  if (raw === 'erlang' || raw === 'simulation') return raw;
  throw new InputError(undefined, [
    { path: '--method', message: 'unknown method', value: raw, allowed: 'erlang, simulation' },
  ]);
}
