// Property: whatever flags and files a user gives, the CLI exits 0 (and a run it wrote is readable)
// or exits 2 with a message naming the flag, file or path; never another code, never an internal
// error or stack trace, never a hang. Most cases run in-process through runCli; a smaller number
// through the built CLI (dist/hotline.js) as a user runs it. FC_SEED=<n> replays another sequence.
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRun } from '../../results/loadRun.js';
import { loadShard } from '../../results/loadShard.js';
import { scenarioText } from '../../scenarios/testing/scenarioArbitraries.js';
import { registerCompareCommand } from './compareCommand.js';
import { registerErlangCommand } from './erlangCommand.js';
import { registerReportCommand } from './reportCommand.js';
import { registerRunsCommand } from './runsCommand.js';
import { registerSchemaCommand } from './schemaCommand.js';
import { registerSimCommand } from './simCommand.js';
import { builtCli, type CliResult, repo } from './testing/builtCli.js';
import { inProcessCli } from './testing/inProcessCli.js';
import { registerValidateCommand } from './validateCommand.js';

const SEED = Number(process.env.FC_SEED ?? 20_261_122);
const STATIONARY = join(repo, 'scenarios', 'stationary-mmc.json');

let dir: string;
let savedRunsDir: string | undefined;
let fileCounter = 0;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'hotline-cli-property-'));
  writeFileSync(join(dir, 'a-file'), 'x');
  mkdirSync(join(dir, 'full'));
  writeFileSync(join(dir, 'full', 'x'), 'x');
  symlinkSync(join(dir, 'nowhere'), join(dir, 'dangling'));
  savedRunsDir = process.env.HOTLINE_RUNS_DIR;
  process.env.HOTLINE_RUNS_DIR = join(dir, 'runs');
});

afterAll(() => {
  if (savedRunsDir === undefined) delete process.env.HOTLINE_RUNS_DIR;
  else process.env.HOTLINE_RUNS_DIR = savedRunsDir;
});

/** Output paths: fresh ones, and every kind that must be refused. */
const outPath = fc.oneof(
  { weight: 3, arbitrary: fc.constant(() => join(dir, `out-${++fileCounter}`)) },
  fc.constantFrom(
    () => join(dir, 'a-file'),
    () => join(dir, 'a-file', 'under'),
    () => join(dir, 'dangling'),
    () => join(dir, 'full'),
    () => '/proc/hotline-property/out',
    () => join(dir, 'missing', 'deeper', `out-${++fileCounter}`),
  ),
);

const wholeNumberText = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 1, max: 3 }).map(String) },
  fc.constantFrom('0', '4'),
  fc.constantFrom('-1', '1.5', '1e3', '10001', 'x', '', '99999999999999999999', '0x10', ' 2'),
);
const clockText = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('00:00', '01:00', '02:30', '24:00') },
  fc.constantFrom('23:59', '25:00', '1:00', 'x'),
);
const durationText = fc.oneof(
  fc
    .tuple(fc.integer({ min: 0, max: 400 }), fc.constantFrom('ms', 's', 'm', 'h', 'd'))
    .map(([n, u]) => `${n}${u}`),
  fc.constantFrom('180', '1e400s', `1${'0'.repeat(400)}s`, '367d', '0s', '-5s', 'soon'),
);
const numberText = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 1, max: 200 }).map(String) },
  fc.integer({ min: 0, max: 2000 }).map(String),
  fc.constantFrom(
    '0.5',
    '1e9',
    `1${'0'.repeat(400)}`,
    '-3',
    'NaN',
    'Infinity',
    '80%',
    '100%',
    '1000000',
    '1000001',
  ),
);

/** Optional flag: absent, or the flag with a generated value. */
const opt = (flag: string, value: fc.Arbitrary<string>) =>
  fc
    .option(
      value.map((v) => [flag, v]),
      { nil: undefined },
    )
    .map((x) => x ?? []);

const simArgs = fc
  .tuple(
    fc.oneof(
      { weight: 4, arbitrary: fc.constant(() => STATIONARY) },
      fc.constantFrom(
        () => 'missing.json',
        () => dir,
      ),
    ),
    fc.oneof(fc.integer({ min: 1, max: 3 }).map(String), wholeNumberText),
    opt(
      '--seed',
      fc.oneof(
        { weight: 5, arbitrary: fc.oneof(fc.nat().map(String), fc.constant('word')) },
        fc.constantFrom('a b', '', 'x'.repeat(70), '-1'),
      ),
    ),
    opt('--days', wholeNumberText),
    opt('--day', wholeNumberText),
    opt('--from', clockText),
    opt('--to', clockText),
    opt(
      '--threads',
      fc.oneof({ weight: 5, arbitrary: fc.constantFrom('1', '2') }, fc.constantFrom('0', '257', 'x')),
    ),
    fc.option(outPath, { nil: undefined }),
    fc.oneof({ weight: 5, arbitrary: fc.subarray(['--json', '-q']) }, fc.constant(['--bogus'])),
    fc.oneof(
      { weight: 3, arbitrary: fc.constant([]) },
      { weight: 2, arbitrary: fc.constantFrom('1/1', '1/2', '2/2', '3/3').map((v) => ['--shard', v]) },
      fc.constantFrom('0/3', '4/3', '1/0', 'a/b', '2/', '1/99', '').map((v) => ['--shard', v]),
    ),
  )
  .map(([file, r, seed, days, day, from, to, threads, out, switches, shard]) => [
    'sim',
    file(),
    '-r',
    r,
    ...seed,
    ...days,
    ...day,
    ...from,
    ...to,
    ...threads,
    ...(out ? ['--out', out()] : []),
    ...switches,
    ...shard,
  ]);

const erlangArgs = fc
  .tuple(
    fc.oneof({ weight: 9, arbitrary: numberText.map((v) => ['--calls', v]) }, fc.constant([])),
    fc.oneof({ weight: 9, arbitrary: durationText.map((v) => ['--interval', v]) }, fc.constant([])),
    fc.oneof({ weight: 9, arbitrary: durationText.map((v) => ['--aht', v]) }, fc.constant([])),
    fc.oneof(
      { weight: 4, arbitrary: numberText.map((v) => ['--agents', v]) },
      { weight: 4, arbitrary: fc.constantFrom('0.8', '80%', '0.5').map((v) => ['--goal', v]) },
      numberText.map((v) => ['--goal', v]),
      fc.constant([]),
    ),
    // Long patience on a heavy load costs Erlang A seconds per case (a bounded 5M-state chain): the
    // edges are kept, the sizes small, so the suite stays quick.
    opt('--patience', fc.constantFrom('5m', '300s', '1h', '0s', 'soon', '367d', `1${'0'.repeat(400)}s`)),
    opt('--target', durationText),
    opt('--variant', fc.constantFrom('slOffered', 'slAnswered', 'slExcludingShortAbandons', 'sl')),
    fc.oneof(
      { weight: 4, arbitrary: fc.constant([]) },
      durationText.map((v) => ['--max-asa', v]),
    ),
    fc.subarray(['--json']),
  )
  .map((parts) => ['erlang', ...parts.flat()]);

const validateArgs = scenarioText().map((text) => {
  const file = join(dir, `scenario-${++fileCounter}.json`);
  writeFileSync(file, text);
  return ['validate', file];
});

/** The contract every invocation must keep. */
function checkContract(args: string[], { code, stdout, stderr }: CliResult): void {
  const what = `hotline ${args.join(' ').slice(0, 300)}\n${stderr.slice(0, 500)}`;
  expect([0, 2], what).toContain(code);
  expect(stderr, what).not.toMatch(/internal error|^\s+at .+:\d+/m);
  if (code === 2) {
    // Names what is wrong: a flag, an argument, a file or a path.
    expect(stderr, what).toMatch(/error: .*(--[a-z]|'[a-z]+'|\.json|HOTLINE_RUNS_DIR|\/|argument)/);
    return;
  }
  const written = /written to (\S+)/.exec(stdout + stderr);
  if (args[0] === 'sim') {
    expect(written, what).not.toBeNull();
    if (args.includes('--shard')) expect(loadShard(written![1]!).info.kind, what).toBe('sim-shard');
    else expect(loadRun(written![1]!).info.kind, what).toBe('sim');
  }
}

function inProcess(args: string[]): Promise<CliResult> {
  return inProcessCli(args, [
    registerSimCommand,
    registerValidateCommand,
    registerErlangCommand,
    registerSchemaCommand,
    registerReportCommand,
    registerCompareCommand,
    registerRunsCommand,
  ]);
}

describe('CLI flags and files (property)', () => {
  it('in-process: exit 0 with a readable run, or exit 2 naming the problem', async () => {
    const exits: Record<string, number> = {};
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          { weight: 3, arbitrary: erlangArgs },
          { weight: 2, arbitrary: validateArgs },
          { weight: 3, arbitrary: simArgs },
        ),
        async (args) => {
          const result = await inProcess(args);
          checkContract(args, result);
          const key = `${args[0]} ${result.code}`;
          exits[key] = (exits[key] ?? 0) + 1;
        },
      ),
      { numRuns: 800, seed: SEED },
    );
    // Both outcomes of every command are exercised, not only the refusals.
    for (const command of ['sim', 'erlang', 'validate']) {
      expect(exits[`${command} 0`] ?? 0, command).toBeGreaterThan(5);
      expect(exits[`${command} 2`] ?? 0, command).toBeGreaterThan(5);
    }
  });

  it('the built CLI, as a user runs it: the same contract, and no hang', () => {
    const { hotline, runsDir } = builtCli('hotline-cli-property');
    const otherArgs = fc.oneof(
      fc.constantFrom<string[]>(
        ['runs'],
        ['runs', '--json'],
        ['report', 'no-such-run'],
        ['compare', 'a'],
        ['schema', '--out', '/proc/x/y'],
      ),
      wholeNumberText.map((keep) => ['runs', 'prune', '--keep', keep]),
      outPath.map((out) => ['compare', runsDir, runsDir, '--out', out()]),
    );
    fc.assert(
      fc.property(fc.oneof(simArgs, erlangArgs, validateArgs, otherArgs), (args) => {
        // A hang shows as this test's timeout; a crash by signal as a null code, which the contract refuses.
        checkContract(args, hotline(...args));
      }),
      { numRuns: 12, seed: SEED },
    );
  });
});
