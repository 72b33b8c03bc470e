// Every command x every flag that takes a value x bad values (empty, negative, zero, words, NaN,
// beyond a double, past 2^31 and 2^53, fractions where counts are due, out-of-range clock times),
// plus unknown flags, missing arguments and unknown commands. A valid value just runs the command
// (small inputs), so the contract is the same: exit 0 or exit 2 naming the flag.
import { join } from 'node:path';
import type { CaseSandbox, CliCase } from './ProbeCase.js';

/** Values every numeric or word flag gets. */
const COMMON_VALUES = ['', '-1', '0', 'abc', '1e400', '1e-400', '2147483648', '1.5'];
/** Fewer values for commands that run for seconds when the value is valid (mocks, load, roster). */
const COSTLY_VALUES = ['', '-1', 'abc', '1e400', '2147483648'];
const CLOCK_VALUES = ['25:00', '10:61', '9', '24:01', '-01:00', '00:00:00'];
const DURATION_VALUES = ['1e400s', '-5s', '5', '400d', '5 parsecs'];

interface FlagSet {
  /** The command and a valid, cheap set of arguments the bad flag is added to. */
  base: (box: CaseSandbox) => string[];
  flags: readonly string[];
  extra?: Record<string, readonly string[]>;
  values?: readonly string[];
  allowedCodes?: readonly number[];
  serves?: boolean;
  timeoutMs?: number;
  env?: Record<string, string>;
}

function flagSets(): Record<string, FlagSet> {
  return {
    sim: {
      base: (box) => ['sim', box.fixtures.tiny, '-r', '1', '-t', '1', '-q'],
      flags: [
        '--replications',
        '--seed',
        '--days',
        '--day',
        '--from',
        '--to',
        '--given-replication',
        '--threads',
        '--shard',
      ],
      extra: {
        '--from': CLOCK_VALUES,
        '--to': CLOCK_VALUES,
        '--shard': ['0/3', '4/3', '1/0', '1/', '/3', '2/1', '1/3/3', '1/100000'],
      },
    },
    'sim --emit-k8s': {
      base: (box) => [
        'sim',
        box.fixtures.tiny,
        '-r',
        '4',
        '--emit-k8s',
        join(box.dir, 'k8s'),
        '--shards',
        '2',
      ],
      flags: ['--shards', '--image'],
      extra: { '--image': ['-x', 'a b', 'UPPER:case'] },
    },
    whatif: {
      base: (box) => [
        'whatif',
        box.fixtures.tiny,
        '-r',
        '1',
        '-t',
        '1',
        '-q',
        '--vary',
        'channels.phone.demand.scale=1,1.1',
      ],
      flags: ['--vary', '--replications', '--seed', '--days', '--day', '--threads'],
      extra: {
        '--vary': [
          'x',
          'channels.phone.demand.scale=',
          '=1,2',
          'channels.nope.scale=1,2',
          'channels.phone.demand.scale=1:100000:0.0001',
          'channels.phone.demand.scale=abc,1',
          'channels.phone.demand.scale=1e400',
          'channels.phone.demand.callsPerDay=1:-5:1',
          'channels.phone.demand.scale=1:2:0',
          'agents.groups.9.staffing.scale=1,2',
          'channels.phone.talkTime.mean=1e400s',
          'channels.phone.patience.k=1,1000000',
          'calendar.days=1,2147483648',
          'name=1,2',
        ],
      },
    },
    erlang: {
      base: () => ['erlang', '--calls', '100', '--interval', '30m', '--aht', '180s', '--agents', '14'],
      flags: [
        '--calls',
        '--interval',
        '--aht',
        '--agents',
        '--patience',
        '--target',
        '--goal',
        '--variant',
        '--max-abandon',
        '--max-asa',
      ],
      extra: {
        '--interval': DURATION_VALUES,
        '--aht': DURATION_VALUES,
        '--patience': DURATION_VALUES,
        '--target': DURATION_VALUES,
        '--max-asa': DURATION_VALUES,
        '--goal': ['80%', '101%', '1.01', '-5%', '%'],
        '--variant': ['slOfered', 'SL'],
      },
    },
    'erlang --goal': {
      base: () => [
        'erlang',
        '--calls',
        '100',
        '--interval',
        '30m',
        '--aht',
        '180s',
        '--goal',
        '0.8',
        '--patience',
        '5m',
      ],
      flags: ['--calls', '--max-abandon', '--max-asa', '--goal'],
      extra: { '--goal': ['0.99999999', '1', '100%'], '--calls': ['1e9', '1000000'] },
    },
    staff: {
      base: (box) => ['staff', box.fixtures.mmc, '-q', '-r', '1', '--check-replications', '1', '-t', '1'],
      flags: ['--method', '--shrinkage', '--replications', '--check-replications', '--seed', '--threads'],
      extra: { '--method': ['erlan', 'simulation '], '--shrinkage': ['100%', '99.9999%', '1', '0.999999'] },
      values: COSTLY_VALUES,
      timeoutMs: 120_000,
    },
    roster: {
      base: (box) => ['roster', box.fixtures.mmc, '--shifts', box.fixtures.shifts, '--rounds', '0', '-q'],
      flags: [
        '--shrinkage',
        '--penalty',
        '--time-limit',
        '--gap',
        '--rounds',
        '--raise',
        '--replications',
        '--check-replications',
        '--seed',
        '--threads',
      ],
      values: ['', '-1', 'abc', '1e400'],
      timeoutMs: 120_000,
    },
    mocks: {
      base: (box) => ['mocks', box.fixtures.tiny, '--port', '0', '-q'],
      flags: [
        '--port',
        '--time-scale',
        '--seed',
        '--start',
        '--day',
        '--error-rate',
        '--latency',
        '--outage',
        '--log-level',
        '--patience',
        '--callees',
        '--host',
      ],
      extra: {
        '--port': ['65536', '80.5', '1'],
        '--time-scale': ['1e12', '100001', '1e-12'],
        '--start': CLOCK_VALUES,
        '--latency': [
          '30d',
          '1e400ms',
          '{"kind":"erlang","mean":"50ms","k":100000000}',
          '{"kind":"x"}',
          '{',
          '-5ms',
          '[]',
        ],
        '--outage': ['12:00', '12:00-11:00', '25:00-26:00', '12:00-12:00', 'a-b'],
        '--log-level': ['loud', 'trace'],
        '--patience': ['someone'],
        '--callees': ['nobody'],
        '--host': ['0.0.0.0', '256.1.1.1', 'example.invalid', '::1'],
      },
      values: COSTLY_VALUES,
      serves: true,
      timeoutMs: 30_000,
    },
    load: {
      base: (box) => [
        'load',
        box.fixtures.tiny,
        '--from',
        '00:00',
        '--to',
        '01:00',
        '--time-scale',
        '3600',
        '-q',
      ],
      flags: [
        '--time-scale',
        '--day',
        '--from',
        '--to',
        '--warmup',
        '--segments',
        '--seed',
        '--arrivals',
        '--token-env',
        '--adapter',
        '--target',
      ],
      extra: {
        '--from': ['25:00', '00:30', '23:59'],
        '--to': ['00:00', '24:01', '00:10'],
        '--warmup': ['1e400s', '2d', '-1h'],
        '--arrivals': ['uniform'],
        '--token-env': ['NOT_SET_ANYWHERE'],
        '--adapter': ['/nonexistent.json', '/proc/self/status', '/'],
        '--target': ['http://127.0.0.1:1', 'ftp://x', 'not a url', 'http://[::1'],
        '--time-scale': ['1e12'],
        '--segments': ['1000'],
      },
      values: COSTLY_VALUES,
      allowedCodes: [0, 2, 99],
      timeoutMs: 120_000,
    },
    compare: {
      base: (box) => ['compare', box.fixtures.simA, box.fixtures.simB, '--out', join(box.dir, 'c.html')],
      flags: ['--fail-on', '--baseline', '--junit', '--spread-from'],
      extra: {
        '--fail-on': [
          'x',
          'slOffered<',
          'nope<-0.02',
          'slOffered<abc',
          'slOffered<-1e400',
          'chat.slOffered<-0.02',
          'slOffered<-0.02,,',
          'phone.nope>1',
          'asaS>+10%%',
          'slOffered=0',
        ],
        '--baseline': ['/nonexistent', 'no-such-run'],
        '--spread-from': ['/nonexistent'],
      },
      values: ['', 'abc'],
      allowedCodes: [0, 1, 2],
    },
    'runs prune': {
      base: () => ['runs', 'prune'],
      flags: ['--keep'],
    },
    schema: {
      base: (box) => ['schema', '--out', join(box.dir, 'schema.json')],
      flags: ['--out'],
      values: ['', '/', '/proc/self/x'],
    },
  };
}

export function flagCases(): CliCase[] {
  const cases: CliCase[] = [];
  for (const [command, set] of Object.entries(flagSets())) {
    for (const flag of set.flags) {
      const values = [...(set.values ?? COMMON_VALUES), ...(set.extra?.[flag] ?? [])];
      for (const value of values) {
        cases.push({
          kind: 'cli',
          category: 'flags',
          name: `${command} ${flag} ${JSON.stringify(value)}`,
          args: (box) => [...set.base(box), flag, value],
          names: [flagNames(flag, value)],
          allowedCodes: set.allowedCodes,
          serves: set.serves,
          timeoutMs: set.timeoutMs,
          env: set.env,
        });
      }
    }
  }
  cases.push(...usageCases());
  return cases;
}

/**
 * What an exit-2 message about `flag value` may name: the flag, the path given to it, or for a
 * --vary axis the field it varies (a variant the loader refuses is reported at its path, "calendar.days=2147483648").
 */
function flagNames(flag: string, value: string): string[] {
  const field = flag === '--vary' ? value.split('=')[0] : '';
  if (field) return [flag, field];
  // A path given to a flag (--adapter, --baseline) may be named by itself: "abc: no such run folder".
  return /^[/a-z]/i.test(value) && value.length > 1 ? [flag, value] : [flag];
}

/** Unknown flags and commands, missing arguments, flags without their value. */
function usageCases(): CliCase[] {
  const commands = [
    'sim',
    'merge',
    'whatif',
    'mocks',
    'load',
    'report',
    'compare',
    'runs',
    'validate',
    'erlang',
    'staff',
    'roster',
    'schema',
  ];
  const cases: CliCase[] = [];
  const add = (name: string, args: (box: CaseSandbox) => string[], names: string[] = []) =>
    cases.push({ kind: 'cli', category: 'flags', name, args, names: names.length ? [names] : [] });
  for (const command of commands) {
    // A command with required options reports the first missing one before an unknown flag (commander).
    add(`${command} --nope`, () => [command, '--nope'], ['--nope', "required option '--"]);
    add(`${command} -Z`, () => [command, '-Z'], ['-Z', "required option '--"]);
    add(`${command} without arguments`, () => [command]);
    add(`${command} --help`, () => [command, '--help']);
    add(`${command} /nonexistent.json`, () => [command, '/nonexistent.json']);
  }
  add('unknown command', () => ['simulate'], ['simulate']);
  add('no command', () => []);
  add('--version', () => ['--version']);
  add('sim with a folder as the scenario', (box) => ['sim', box.dir]);
  add('sim with /dev/null as the scenario', () => ['sim', '/dev/null']);
  add('sim with a flag and no value', (box) => ['sim', box.fixtures.tiny, '--seed'], ['--seed']);
  add('sim --from without --day', (box) => ['sim', box.fixtures.tiny, '-q', '--from', '01:00'], [
    '--from',
    '--day',
  ]);
  add('validate many files, one missing', (box) => ['validate', box.fixtures.tiny, '/nonexistent.json'], [
    '/nonexistent.json',
  ]);
  add('merge one shard', (box) => ['merge', box.fixtures.shards[0]!], []);
  add(
    'merge a shard twice',
    (box) => ['merge', box.fixtures.shards[0]!, box.fixtures.shards[0]!, box.fixtures.shards[1]!],
    [],
  );
  add('merge shards of different runs', (box) => ['merge', box.fixtures.shards[0]!, box.fixtures.simA], []);
  add('compare one run', (box) => ['compare', box.fixtures.simA, '--out', join(box.dir, 'c.html')]);
  add('compare a run with itself', (box) => [
    'compare',
    box.fixtures.simA,
    box.fixtures.simA,
    '--out',
    join(box.dir, 'c.html'),
  ]);
  add(
    'compare --junit without --fail-on',
    (box) => [
      'compare',
      box.fixtures.simA,
      box.fixtures.simB,
      '--junit',
      join(box.dir, 'j.xml'),
      '--out',
      join(box.dir, 'c.html'),
    ],
    ['--junit'],
  );
  add('erlang without --calls', () => ['erlang', '--interval', '30m', '--aht', '180s', '--agents', '14'], [
    '--calls',
  ]);
  add(
    'erlang without --agents or --goal',
    () => ['erlang', '--calls', '100', '--interval', '30m', '--aht', '180s'],
    ['--agents', '--goal'],
  );
  add('erlang more load than agents', () => [
    'erlang',
    '--calls',
    '1000',
    '--interval',
    '30m',
    '--aht',
    '180s',
    '--agents',
    '2',
  ]);
  add('roster without --shifts', (box) => ['roster', box.fixtures.mmc], ['--shifts']);
  add(
    'roster --shifts a scenario',
    (box) => ['roster', box.fixtures.mmc, '--shifts', box.fixtures.tiny, '--rounds', '0'],
    ['--shifts', 'tiny.json'],
  );
  add(
    'roster --required missing',
    (box) => ['roster', box.fixtures.mmc, '--shifts', box.fixtures.shifts, '--required', '/nonexistent.json'],
    ['/nonexistent.json', '--required'],
  );
  add('runs prune without --keep', () => ['runs', 'prune'], ['--keep']);
  add('runs list', () => ['runs']);
  add('runs --json', () => ['runs', '--json']);
  add('schema --run --shifts', () => ['schema', '--run', '--shifts']);
  return cases;
}
