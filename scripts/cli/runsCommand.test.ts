import { cpSync, existsSync, lstatSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
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

/** Folders beside the runs that prune must never delete. */
function addFoldersThatAreNotRuns(): string[] {
  const src = join(runsDir, 'src');
  mkdirSync(src);
  writeFileSync(join(src, 'main.ts'), 'export {};\n');
  const run = JSON.parse(hotline('runs', '--json').stdout).find(
    (r: { problem: string | null }) => r.problem === null,
  );
  const newer = join(runsDir, '00000000-newer-format');
  cpSync(run.folder, newer, { recursive: true });
  const info = JSON.parse(readFileSync(join(newer, 'run.json'), 'utf8'));
  writeFileSync(join(newer, 'run.json'), JSON.stringify({ ...info, formatVersion: 99, id: 'newer' }));
  symlinkSync(join(runsDir, 'nowhere'), join(runsDir, 'dangling'));
  symlinkSync(run.folder, join(runsDir, 'link-to-a-run'));
  return [src, newer, join(runsDir, 'not-a-run'), join(runsDir, 'link-to-a-run'), join(runsDir, 'dangling')];
}

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
    expect(table.stdout).toMatch(/^id\s+kind\s+scenario\s+date\s+replications\s+SL\s+abandon\s+wait/);
  });

  it('prune --keep N keeps the newest N runs and never deletes folders that are not readable runs', () => {
    const others = addFoldersThatAreNotRuns();
    const listed = hotline('runs', '--json');
    expect(listed.code, listed.stderr).toBe(0);
    expect(JSON.parse(listed.stdout).find((r: { id: string }) => r.id === 'dangling').problem).toMatch(
      /symbolic link/,
    );
    const { code, stdout, stderr } = hotline('runs', 'prune', '--keep', '1');
    expect(code, stderr).toBe(0);
    expect(stdout).toContain('1 run(s) removed');
    expect(stdout).toMatch(/left alone .*src: not a run folder/);
    for (const folder of others) expect(lstatSync(folder, { throwIfNoEntry: false }), folder).toBeDefined();
    expect(existsSync(join(others[0]!, 'main.ts'))).toBe(true);
    const left = JSON.parse(hotline('runs', '--json').stdout);
    const readable = left.filter((r: { id: string; problem: string | null }) => r.problem === null);
    expect(
      readable.map((r: { id: string }) => r.id).filter((id: string) => id !== 'link-to-a-run'),
    ).toHaveLength(1);
    const none = hotline('runs', 'prune', '--keep', '0');
    expect(none.code).toBe(0);
    for (const folder of others) expect(lstatSync(folder, { throwIfNoEntry: false }), folder).toBeDefined();
    expect(hotline('runs', 'prune', '--keep', 'x').code).toBe(2);
  });
});
