import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtCli, type CliResult } from './testing/builtCli.js';

// The built CLI as a user runs it: shards on "three machines", then the merge.
let runsDir: string;
let hotline: (...args: string[]) => CliResult;

beforeAll(() => {
  ({ runsDir, hotline } = builtCli('hotline-merge'));
});

const sim = ['sim', 'scenarios/stationary-mmc.json', '-r', '8', '--seed', '3'];
const read = (folder: string, name: string) => readFileSync(join(folder, name), 'utf8');

describe('hotline sim --shard and hotline merge', () => {
  it('shards 1/3, 2/3, 3/3 merged equal the unsharded run byte for byte (summary, intervals, replications)', () => {
    const full = join(runsDir, 'full');
    expect(hotline(...sim, '-q', '--threads', '2', '--out', full).code).toBe(0);
    const shards = [1, 2, 3].map((i) => join(runsDir, 'shards', String(i)));
    shards.forEach((out, i) => {
      const { code, stdout, stderr } = hotline(
        ...sim,
        '--threads',
        String(1 + (i % 2)),
        '--shard',
        `${i + 1}/3`,
        '--out',
        out,
      );
      expect(code, stderr).toBe(0);
      expect(stdout).toContain(`shard ${i + 1}/3 (replications`);
      expect(stderr).toMatch(/replications \d+\/\d+\n/); // progress lines when stderr is not a terminal
      expect(readdirSync(out).sort()).toEqual(['metrics.json', 'scenario.json', 'shard.json']);
    });
    const merged = join(runsDir, 'merged');
    const { code, stdout, stderr } = hotline('merge', shards[1]!, shards[2]!, shards[0]!, '--out', merged);
    expect(code, stderr).toBe(0);
    expect(stdout).toContain(`merged 3 shards into run merged written to ${merged}`);
    for (const name of ['summary.json', 'intervals.csv', 'replications.json']) {
      expect(read(merged, name), name).toBe(read(full, name));
    }
    expect(readdirSync(merged).sort()).toEqual(readdirSync(full).sort());

    const missing = hotline('merge', shards[0]!, shards[2]!, '--out', join(runsDir, 'not-written'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('missing shard 2/3 (replications 2 to 4)');
    expect(missing.stderr).not.toMatch(/internal error|\n\s+at /);
    expect(existsSync(join(runsDir, 'not-written'))).toBe(false);
  }, 120_000);

  it.each([
    ['0/3', 'expected shard i of n (got "0/3"); allowed: i/n with whole numbers 1 <= i <= n'],
    ['4/3', 'expected shard i of n (got "4/3")'],
    ['1/0', 'expected shard i of n (got "1/0")'],
    ['a/b', 'expected shard i of n (got "a/b")'],
    ['9/9', 'more shards than replications (8) (got "9/9"); allowed: n from 1 to --replications (8)'],
  ])('--shard %s exits 2 naming the flag and what is allowed', (value, message) => {
    const { code, stdout, stderr } = hotline(...sim, '--shard', value, '--out', join(runsDir, 'bad'));
    expect(code).toBe(2);
    expect(stderr).toContain(`error: --shard: ${message}`);
    expect(stdout).toBe('');
    expect(existsSync(join(runsDir, 'bad'))).toBe(false);
  });

  it('--shard without --out, or with --json, exits 2 before simulating', () => {
    const noOut = hotline(...sim, '--shard', '1/2');
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toContain('--shard: needs --out <dir>');
    const json = hotline(...sim, '--shard', '1/2', '--json', '--out', join(runsDir, 'json'));
    expect(json.code).toBe(2);
    expect(json.stderr).toContain('--json: not with --shard');
  });
});
