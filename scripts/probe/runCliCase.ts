// Runs one CLI case in a fresh sandbox and judges it: exit code, hang, stack trace, an exit-2 message
// naming the problem, nothing outside its own output changed or deleted, TMPDIR left empty, no
// process left running.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exitCodeProblem, hasStackTrace, missingNames, signalExitCode } from './checkContract.js';
import type { CaseResult, CaseSandbox, CliCase, CliOutcome } from './ProbeCase.js';
import type { Fixtures } from './prepareFixtures.js';
import { quoteArgs } from './quoteArgs.js';
import { runChild, survivors } from './runChild.js';
import { changes, snapshot } from './sandboxSnapshot.js';

export interface CliContext {
  cli: string;
  root: string;
  fixtures: Fixtures;
  env: NodeJS.ProcessEnv;
}

const DEFAULT_TIMEOUT_MS = 60_000;
/** Files no command may touch: a non-run folder beside the runs and a folder beside the case. */
export const BYSTANDERS = ['runs/src/main.ts', 'keep/notes.txt'];
/** Exit codes after which a command may have written its output. */
const WRITING_CODES = [0, 1, 99];

export async function runCliCase(spec: CliCase, index: number, context: CliContext): Promise<CaseResult> {
  const box = makeSandbox(context, index);
  spec.setup?.(box);
  const args = spec.args(box);
  const before = snapshot(box.dir);
  const outcome = await runChild({
    command: process.execPath,
    args: [context.cli, ...args],
    cwd: box.dir,
    env: { ...context.env, HOTLINE_RUNS_DIR: box.runs, TMPDIR: box.tmp, ...spec.env },
    timeoutMs: spec.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    signal: spec.signal,
    onFirstLine: spec.serves ? (line) => checkServing(line) : undefined,
  });
  const problems = judge(spec, outcome);
  problems.push(...sandboxProblems(spec, box, before, outcome));
  problems.push(...(await survivors(outcome)));
  problems.push(...(spec.after?.(box, outcome) ?? []));
  if (problems.length > 0) problems.push(`stderr: ${outcome.stderr.trim().slice(0, 600)}`);
  rmSync(box.dir, { recursive: true, force: true });
  return {
    category: spec.category,
    name: spec.name,
    commandLine: `hotline ${quoteArgs(args)}`,
    problems,
  };
}

function makeSandbox(context: CliContext, index: number): CaseSandbox {
  const dir = join(context.root, `case-${index}`);
  const box: CaseSandbox = {
    dir,
    runs: join(dir, 'runs'),
    tmp: join(dir, 'tmp'),
    fixtures: context.fixtures,
  };
  for (const folder of [box.tmp, join(box.runs, 'src'), join(dir, 'keep')])
    mkdirSync(folder, { recursive: true });
  for (const file of BYSTANDERS) writeFileSync(join(dir, file), `bystander ${file}\n`);
  return box;
}

async function checkServing(line: string): Promise<void> {
  const url = line.trim().match(/^https?:\/\/\S+/)?.[0];
  if (!url) return;
  try {
    await fetch(`${url}/health`, { signal: AbortSignal.timeout(10_000) });
  } catch {
    // the outcome's exit code and output tell
  }
}

function judge(spec: CliCase, outcome: CliOutcome): string[] {
  if (outcome.timedOut) return [`hang: no exit within ${(spec.timeoutMs ?? DEFAULT_TIMEOUT_MS) / 1000} s`];
  const problems: string[] = [];
  const allowed = [...(spec.allowedCodes ?? [0, 2])];
  if (spec.signal) allowed.push(signalExitCode(spec.signal.name));
  if (spec.serves) allowed.push(signalExitCode('SIGTERM'));
  const codeProblem = exitCodeProblem(outcome.code, outcome.signal, allowed, spec.signal?.name);
  if (codeProblem) problems.push(codeProblem);
  if (hasStackTrace(outcome.stdout + outcome.stderr)) problems.push('stack trace in the output');
  if (outcome.code === 2) {
    const missing = missingNames(outcome.stderr, spec.names ?? []);
    if (missing.length > 0) problems.push(`exit-2 message names none of: ${missing.join('; ')}`);
  }
  return problems;
}

function sandboxProblems(
  spec: CliCase,
  box: CaseSandbox,
  before: Map<string, string>,
  outcome: CliOutcome,
): string[] {
  const problems: string[] = [];
  const leftInTmp = safeList(box.tmp);
  if (leftInTmp.length > 0) problems.push(`left in TMPDIR: ${leftInTmp.join(', ')}`);
  const wrote = outcome.code !== null && WRITING_CODES.includes(outcome.code);
  const after = snapshot(box.dir);
  for (const change of changes(before, after, ['tmp'])) {
    const own = (spec.mayChange ?? []).some((p) => change.path === p || change.path.startsWith(`${p}/`));
    if (change.change === 'created' && wrote && !BYSTANDERS.some((b) => change.path.startsWith(b))) continue;
    if (own && change.change !== 'created') continue;
    problems.push(`${change.change}: ${change.path}`);
  }
  return problems;
}

function safeList(folder: string): string[] {
  try {
    return readdirSync(folder);
  } catch {
    return [];
  }
}
