import type { Command } from 'commander';
import { comparisonJson } from '../../results/compare/comparisonJson.js';
import { type FailRule, parseFailOn } from '../../results/compare/failOnRules.js';
import { formatCompareText } from '../../results/compare/formatCompareText.js';
import { junitXml } from '../../results/compare/junitXml.js';
import { runComparison } from '../../results/compare/runComparison.js';
import { type LoadedRun, loadRun } from '../../results/loadRun.js';
import { checkOutputFile } from '../../results/outputPath.js';
import { writeFileAtomically } from '../../results/report/writeReport.js';
import { InputError } from '../../scenarios/inputError.js';

interface CompareFlags {
  baseline?: string;
  out: string;
  json?: boolean;
  failOn?: FailRule[];
  junit?: string;
  strict?: boolean;
  spreadFrom?: string;
}

/** The --spread-from run: a prediction with a spread to take, i.e. a sim run of 2 replications or more. */
function spreadRun(name: string): LoadedRun {
  // An empty name would give a message naming nothing (found by npm run probe).
  if (name.trim() === '') {
    throw new InputError(undefined, [
      { path: '--spread-from', message: 'no run given', allowed: 'a sim run folder or run id' },
    ]);
  }
  const run = loadRun(name);
  if (run.info.kind !== 'sim' || run.info.replications < 2) {
    throw new InputError(undefined, [
      {
        path: '--spread-from',
        message: `${name} is a ${run.info.kind} run of ${run.info.replications} replication(s)`,
        allowed: "a sim run of 2 replications or more (the prediction of the k6 runs' window)",
      },
    ]);
  }
  return run;
}

export function registerCompareCommand(program: Command): void {
  program
    .command('compare')
    .description(
      'Compare runs against the first (or --baseline): differences with 95% CIs, verdicts, overlaid charts; optionally gate on regressions.',
    )
    .argument('[runs...]', 'run folders or run ids; the first is A, the baseline, unless --baseline is given')
    .option('-b, --baseline <run>', 'the baseline run; every other run is compared with it')
    .option('-o, --out <file>', 'write the HTML page here', 'compare.html')
    .option('--json', 'print the comparison as JSON on stdout instead of the text summary')
    .option(
      '--fail-on <rules>',
      'exit 1 if a candidate regresses: comma-separated [<channel>.]<metric><op><change>, e.g. "slOffered<-0.02,asaS>+10%,chat.firstResponseSlOffered<-0.05"',
      parseFailOn,
    )
    .option('--junit <file>', 'write the gate result as JUnit XML (needs --fail-on)')
    .option('--strict', 'judge --fail-on rules on the point estimate of the change, not on its 95% interval')
    .option(
      '--spread-from <run>',
      "a sim run of the k6 runs' window: two k6 runs are then judged by one replication's spread in it, not by batch means",
    )
    .addHelpText(
      'after',
      `
Examples:
  hotline compare results/runs/last-week results/runs/today
  hotline compare run-a run-b run-c --out /tmp/abc.html --json
  hotline compare --baseline main-run pr-run --fail-on "slOffered<-0.02,abandonRate>+0.01,asaS>+10%" --junit gate.xml

Differences are B − A. Two sim runs with the same seed, replication count and calendar are paired
replication by replication (common random numbers); others use Welch's unpaired CI; a sim run
against a k6 run says whether the measurement lies inside the 95% prediction interval of one
replication, and its difference interval is that prediction interval (it contains 0 exactly when
the measurement is inside). Two k6 runs are each one sample path: batch means over their measured
intervals (Welch), or with --spread-from <sim run of the same window> (B − A) ± t·s·√2, s the
spread of one replication in that prediction. Runs are placed on calendar time (other weeks by weekday and time of
day); charts open zoomed to a compared window.
--fail-on rules are judged on the 95% interval of the change: "slOffered<-0.02" fails only if the
whole interval of the SL change lies below -2 points, "asaS>+10%" if all of it lies above +10% of
the baseline; a noisy run does not fail by chance. --strict judges the point estimate instead (so
does a rule whose change has no interval, e.g. one replication). Each rule prints how it was judged.
A rule's metric is any channel's (chat.firstResponseSlOffered); a bare name is the first channel, in
the channel list's order, that both runs have and that declares it.
Exit codes: 0 no regression, 1 a --fail-on rule failed, 2 bad input (runs, rules).`,
    )
    .action((names: string[], flags: CompareFlags) => {
      const runs = flags.baseline ? [flags.baseline, ...names] : names;
      if (runs.length < 2) {
        throw new InputError(undefined, 'compare needs at least two runs (or --baseline and one run)');
      }
      if (flags.junit && !flags.failOn) throw new InputError(undefined, '--junit needs --fail-on rules');
      if (flags.strict && !flags.failOn) throw new InputError(undefined, '--strict needs --fail-on rules');
      const page = checkOutputFile('--out', flags.out);
      const junit = flags.junit === undefined ? undefined : checkOutputFile('--junit', flags.junit);
      const spread = flags.spreadFrom === undefined ? null : spreadRun(flags.spreadFrom);
      const result = runComparison(runs, flags.failOn ?? null, { strict: flags.strict === true }, spread);
      writeFileAtomically(page, result.html);
      if (junit && result.outcomes) writeFileAtomically(junit, junitXml(result.outcomes));
      if (flags.json) {
        process.stdout.write(
          `${JSON.stringify(comparisonJson(result.comparisons, result.outcomes), null, 2)}\n`,
        );
        process.stderr.write(`comparison page written to ${page}\n`);
      } else {
        const notes = result.notes.length > 0 ? `\n\n${result.notes.join('\n')}` : '';
        process.stdout.write(
          `${formatCompareText(result.comparisons, result.outcomes)}${notes}\n\ncomparison page: ${page}\n`,
        );
      }
      if (result.failed) process.exitCode = 1;
    });
}
