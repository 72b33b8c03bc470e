import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtCli, type CliResult } from './testing/builtCli.js';

let runsDir: string;
let hotline: (...args: string[]) => CliResult;

beforeAll(() => {
  ({ runsDir, hotline } = builtCli('hotline-runs-list'));
  for (const seed of ['1', '2']) {
    const sim = hotline('sim', 'scenarios/stationary-mmc.json', '-r', '2', '-q', '--seed', seed);
    expect(sim.code, sim.stderr).toBe(0);
  }
  mkdirSync(join(runsDir, 'not-a-run'));
});

describe('hotline runs', () => {
  it('lists runs with their key figures, and unreadable folders with the reason', () => {
    const { code, stdout, stderr } = hotline('runs', '--json');
    expect(code, stderr).toBe(0);
    const list = JSON.parse(stdout);
    expect(list).toHaveLength(3);
    const runs = list.filter((r: { problem: string | null }) => r.problem === null);
    expect(runs).toHaveLength(2);
    expect(runs[0]).toMatchObject({
      kind: 'sim',
      scenario: 'stationary-mmc',
      replications: 2,
      slVariant: 'slOffered',
    });
    expect(runs[0].sl).toBeGreaterThan(0.5);
    expect(list.find((r: { id: string }) => r.id === 'not-a-run').problem).toMatch(/not a run folder/);
    const table = hotline('runs');
    expect(table.stdout).toMatch(/^id\s+kind\s+scenario\s+date\s+replications\s+SL\s+abandon\s+ASA/);
  });

  it('prune --keep N keeps the newest N', () => {
    const { code, stdout } = hotline('runs', 'prune', '--keep', '1');
    expect(code).toBe(0);
    expect(stdout).toContain('2 run(s) removed');
    const left = JSON.parse(hotline('runs', '--json').stdout);
    expect(left).toHaveLength(1);
    expect(left[0].problem).toBeNull();
    expect(hotline('runs', 'prune', '--keep', 'x').code).toBe(2);
  });
});
