import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtCli, type CliResult, repo } from './testing/builtCli.js';

// These run the built CLI (dist/, made by `npm test` before vitest) as a user would.
let runsDir: string;
let hotline: (...args: string[]) => CliResult;

beforeAll(() => {
  ({ runsDir, hotline } = builtCli('hotline-runs'));
});

/** `hotline` with HOTLINE_RUNS_DIR set to `dir`. */
function hotlineWithRunsDir(dir: string) {
  return (...args: string[]): CliResult => {
    const result = spawnSync(process.execPath, [join(repo, 'dist', 'hotline.js'), ...args], {
      cwd: repo,
      encoding: 'utf8',
      env: { ...process.env, HOTLINE_RUNS_DIR: dir },
    });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  };
}

describe('hotline sim', () => {
  it('--json prints only the summary on stdout and writes run.json, summary.json and intervals.csv', () => {
    const out = join(runsDir, 'json-run');
    const { code, stdout, stderr } = hotline(
      'sim',
      'scenarios/stationary-mmc.json',
      '-r',
      '4',
      '--json',
      '--out',
      out,
    );
    expect(code, stderr).toBe(0);
    const summary = JSON.parse(stdout);
    expect(summary.kind).toBe('sim');
    expect(summary.formatVersion).toBe(2);
    expect(summary.channels.phone.slOffered.mean).toBeGreaterThan(0.8);
    expect(summary.channels.phone.slOffered.ci95[0]).toBeLessThan(summary.channels.phone.slOffered.mean);
    expect(summary.days.phone).toHaveLength(1);
    expect(readdirSync(out).sort()).toEqual([
      'intervals.csv',
      'replications.json',
      'report.html',
      'run.json',
      'summary.json',
    ]);
    expect(JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'))).toEqual(summary);
    const run = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8'));
    expect(run).toMatchObject({
      kind: 'sim',
      seed: 1,
      replications: 4,
      scenario: { name: 'stationary-mmc' },
    });
    expect(run.scenario.contentHash).toMatch(/^[0-9a-f]{64}$/);
    const csv = readFileSync(join(out, 'intervals.csv'), 'utf8').trim().split('\n');
    expect(csv).toHaveLength(1 + 48);
    expect(csv[0]).toMatch(/^interval,date,start,phone\.offered,/);
    expect(csv[0]).toContain(',phone.slOffered,phone.slOffered_lo,phone.slOffered_hi,');
  });

  it('same seed gives a byte-identical summary.json, with 1 thread or 2', () => {
    const read = (name: string, ...flags: string[]) => {
      const out = join(runsDir, name);
      const { code, stderr } = hotline(
        'sim',
        'scenarios/covid-hotline.json',
        '--days',
        '1',
        '-r',
        '4',
        '-q',
        '--seed',
        '42',
        '--out',
        out,
        ...flags,
      );
      expect(code, stderr).toBe(0);
      return readFileSync(join(out, 'summary.json'), 'utf8');
    };
    const one = read('t1', '--threads', '1');
    const two = read('t2', '--threads', '2');
    const again = read('t2-again', '--threads', '2');
    expect(two).toBe(one);
    expect(again).toBe(one);
    const otherSeed = join(runsDir, 'seed43');
    hotline(
      'sim',
      'scenarios/covid-hotline.json',
      '--days',
      '1',
      '-r',
      '4',
      '-q',
      '--seed',
      '43',
      '--out',
      otherSeed,
    );
    expect(readFileSync(join(otherSeed, 'summary.json'), 'utf8')).not.toBe(one);
  });

  it('--given-replication predicts a window given that replication: same bytes with 1 or 2 threads, its past shared by every branch', () => {
    const run = (name: string, ...flags: string[]) => {
      const out = join(runsDir, name);
      const { code, stderr } = hotline(
        'sim',
        'scenarios/covid-hotline.json',
        '--days',
        '1',
        '-r',
        '3',
        '-q',
        '--day',
        '1',
        '--from',
        '09:00',
        '--to',
        '10:00',
        '--given-replication',
        '0',
        '--out',
        out,
        ...flags,
      );
      expect(code, stderr).toBe(0);
      return out;
    };
    const one = run('given-t1', '--threads', '1');
    const two = run('given-t2', '--threads', '2');
    expect(readFileSync(join(two, 'summary.json'), 'utf8')).toBe(
      readFileSync(join(one, 'summary.json'), 'utf8'),
    );
    expect(JSON.parse(readFileSync(join(one, 'run.json'), 'utf8')).givenReplication).toBe(0);
    // Every branch has replication 0's morning: the 07:30 interval is the same in all three (a CI of
    // width 0), the window is not.
    const rows = readFileSync(join(one, 'intervals.csv'), 'utf8').trim().split('\n');
    const header = rows[0]!.split(',');
    const col = (name: string) => header.indexOf(name);
    const at = (start: string) => rows.find((r) => r.split(',')[2] === start)!.split(',');
    const [lo, hi] = [col('phone.offered_lo'), col('phone.offered_hi')];
    expect(lo, header.join(',')).toBeGreaterThan(-1);
    expect(at('07:30')[lo]).toBe(at('07:30')[hi]);
    expect(at('09:30')[lo]).not.toBe(at('09:30')[hi]);
  });

  it('--given-replication without a window is exit 2 naming the flag', () => {
    const { code, stderr } = hotline(
      'sim',
      'scenarios/stationary-mmc.json',
      '-r',
      '2',
      '--given-replication',
      '0',
    );
    expect(code).toBe(2);
    expect(stderr).toMatch(
      /--given-replication: branches start at a window: give the window with --day and --from/,
    );
  });

  it('prints the per-day table, the verdict and where the run went', () => {
    const { code, stdout } = hotline('sim', 'scenarios/line-122.json', '-r', '3', '--days', '2');
    expect(code).toBe(0);
    expect(stdout).toMatch(/2021-01-25\s+mon/);
    expect(stdout).toMatch(/slOffered@30s/);
    expect(stdout).toMatch(/whole run: (meets its targets|MISSES)/);
    const folder = /written to (\S+)/.exec(stdout)![1]!;
    expect(existsSync(join(folder, 'summary.json'))).toBe(true);
  });

  it('refuses to write into a non-empty folder, leaving it untouched and no temporary folder behind', () => {
    const out = join(runsDir, 'occupied');
    hotline('sim', 'scenarios/stationary-mmc.json', '-r', '2', '-q', '--out', out);
    writeFileSync(join(out, 'mine.txt'), 'keep me');
    const { code, stderr } = hotline('sim', 'scenarios/stationary-mmc.json', '-r', '2', '-q', '--out', out);
    expect(code).toBe(2);
    expect(stderr).toContain('--out');
    expect(readdirSync(out).sort()).toEqual([
      'intervals.csv',
      'mine.txt',
      'replications.json',
      'report.html',
      'run.json',
      'summary.json',
    ]);
    expect(readdirSync(runsDir).filter((n) => n.includes('.tmp-'))).toEqual([]);
  });

  it('a bad --out or runs folder is exit 2 naming it, checked before the simulation starts', () => {
    const file = join(runsDir, 'a-file');
    writeFileSync(file, 'x');
    symlinkSync(join(runsDir, 'nowhere'), join(runsDir, 'dangling'));
    for (const [out, message] of [
      [file, /^error: --out: is a file, not a folder/],
      [join(file, 'run'), /^error: --out: .*a-file is a file, not a folder/],
      [join(runsDir, 'dangling'), /^error: --out: is a symbolic link to nothing/],
    ] as const) {
      // The scenario does not even exist: the output is checked first, before any work.
      const { code, stdout, stderr } = hotline('sim', 'scenarios/no-such-file.json', '-q', '--out', out);
      expect(code, stderr).toBe(2);
      expect(stderr).toMatch(message);
      expect(stderr).not.toMatch(/internal error|at .*\.js:\d+/);
      expect(stdout).toBe('');
    }
    const env = hotlineWithRunsDir(file)('sim', 'scenarios/no-such-file.json', '-q');
    expect(env.code).toBe(2);
    expect(env.stderr).toMatch(/^error: HOTLINE_RUNS_DIR: .*a-file is a file, not a folder/);
  });

  it('--help teaches with examples', () => {
    const { code, stdout } = hotline('sim', '--help');
    expect(code).toBe(0);
    expect(stdout).toContain('Examples:');
    expect(stdout).toContain('--replications');
  });
});

describe('hotline validate', () => {
  it('accepts every reference scenario and skips the JSON Schema beside them', () => {
    const files = readdirSync(join(repo, 'scenarios'))
      .filter((name) => name.endsWith('.json'))
      .map((name) => `scenarios/${name}`);
    const { code, stdout } = hotline('validate', ...files);
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /^ok {2}scenarios\/covid-hotline.json: covid-hotline, 7 day\(s\), ~281,000 calls$/m,
    );
    expect(stdout).toContain('scenarios/scenario.schema.json: a JSON Schema, not a scenario (skipped)');
  });
});

describe('bad input: exit 2, file, path and allowed values, no stack trace', () => {
  const cases: [string, string, RegExp][] = [
    ['bad-json.json', '', /not valid JSON at line 4/],
    [
      'unknown-field.json',
      '/channels/phone',
      /unknown field "talktime" \(did you mean "talkTime"\?\); allowed: hours, closedDates, demand/,
    ],
    ['negative-rate.json', '/channels/phone/demand/callsPerDay', /greater or equal to 0 \(got -4800\)/],
    [
      'wrong-unit.json',
      '/channels/phone/talkTime/mean',
      /expected a duration with a unit \(got "180"\); allowed: .*"20s"/,
    ],
    [
      'shape-wrong-length.json',
      '/channels/phone/demand/intradayShape',
      /\(48 for 30-minute intervals\), has 24/,
    ],
    [
      'unknown-distribution.json',
      '/channels/phone/patience/kind',
      /unknown kind \(got "weibull"\); allowed: exponential, deterministic/,
    ],
    ['missing-weekday.json', '/channels/phone/demand/callsPerDay', /missing: wed, thu, fri, sat, sun/],
    ['hours-off-boundary.json', '/channels/phone/hours/mon/0', /interval boundaries/],
    [
      'bad-sl-variant.json',
      '/channels/phone/targets/serviceLevel/variant',
      /allowed: "slOffered", "slAnswered", "slExcludingShortAbandons"/,
    ],
    ['shares-not-one.json', '/channels/phone/priorityClasses', /add up to 0.8/],
  ];
  it('covers every fixture in the folder', () => {
    expect(readdirSync(join(repo, 'scenarios/fixtures/bad')).sort()).toEqual(cases.map((c) => c[0]).sort());
  });
  it.each(cases)('%s', (name, path, message) => {
    const file = `scenarios/fixtures/bad/${name}`;
    for (const command of ['sim', 'validate']) {
      const { code, stdout, stderr } = hotline(command, file);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toContain(file);
      if (path) expect(stderr).toContain(` at ${path}:`);
      expect(stderr).toMatch(message);
      expect(stderr).not.toMatch(/\n\s+at /);
    }
  });
  it('a missing file and a bad flag', () => {
    expect(hotline('sim', 'nope.json').stderr).toContain('nope.json: file not found');
    const flag = hotline('sim', 'scenarios/stationary-mmc.json', '--replications', 'ten');
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain('--replications: expected a whole number (got "ten")');
    expect(hotline('sim', 'scenarios/stationary-mmc.json', '--days', '0').code).toBe(2);
    expect(hotline('simulate').code).toBe(2);
  });
});
