import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkPageInBrowser } from '../../results/report/checkPageInBrowser.js';
import type { WhatifFile } from '../../results/whatif/whatifFormat.js';
import { builtCli, type CliResult, repo } from './testing/builtCli.js';

// These run the built CLI (dist/, made by `npm test` before vitest) as a user would.
let runsDir: string;
let hotline: (...args: string[]) => CliResult;
let grid: string;
let whatif: WhatifFile;
let gridRun: CliResult;

const MMC = 'scenarios/stationary-mmc.json';
const RUN_FILES = ['summary.json', 'intervals.csv', 'replications.json'];

/** Offered calls of each replication of a run folder (replications.json), per channel phone. */
function offeredPerReplication(folder: string): number[] {
  const file = JSON.parse(readFileSync(join(folder, 'replications.json'), 'utf8'));
  return file.channels.phone.run.offered;
}

beforeAll(() => {
  ({ runsDir, hotline } = builtCli('hotline-whatif'));
  grid = join(runsDir, 'grid');
  // demand.scale is absent from the file (default 1), staffing is 14 agents: cell-002 is the base.
  gridRun = hotline(
    'whatif',
    MMC,
    '-r',
    '4',
    '-s',
    '7',
    '--threads',
    '2',
    '--vary',
    'channels.phone.demand.scale=1,2',
    '--vary',
    'agents.groups.0.staffing.agents=12,14',
    '--out',
    grid,
  );
  if (gridRun.code === 0) whatif = JSON.parse(readFileSync(join(grid, 'whatif.json'), 'utf8'));
});

describe('hotline whatif', () => {
  it('writes whatif.json, whatif.html and one run folder per cell, progress by replications on stderr', () => {
    expect(gridRun.code, gridRun.stderr).toBe(0);
    expect(readdirSync(grid).sort()).toEqual(['cells', 'whatif.html', 'whatif.json']);
    expect(readdirSync(join(grid, 'cells'))).toEqual(['cell-001', 'cell-002', 'cell-003', 'cell-004']);
    expect(gridRun.stderr).toMatch(/replications 1\/16\n/);
    expect(gridRun.stderr).toMatch(/replications 16\/16\n/);
    expect(whatif.axes.map((a) => [a.path, a.values, a.base])).toEqual([
      ['channels.phone.demand.scale', [1, 2], 1],
      ['agents.groups.0.staffing.agents', [12, 14], 14],
    ]);
    expect(whatif.cells.map((c) => c.values)).toEqual([
      [1, 12],
      [1, 14],
      [2, 12],
      [2, 14],
    ]);
    expect(whatif.baseCell).toBe('cell-002');
    // Cost: agents x 24 h (one day, constant staffing).
    expect(whatif.cells.map((c) => c.agentHours)).toEqual([12 * 24, 14 * 24, 12 * 24, 14 * 24]);
    const base = whatif.cells[1]!.channels.phone!;
    expect(base.serviceLevelVsBase).toEqual({ value: 0, ci95: [0, 0] });
    expect(base.metrics.slOffered!.n).toBe(4);
  });

  it('the cell with the base values reproduces hotline sim with the same seed byte for byte (2 threads against 1)', () => {
    const sim = join(runsDir, 'sim-base');
    const { code, stderr } = hotline('sim', MMC, '-r', '4', '-s', '7', '--threads', '1', '--out', sim);
    expect(code, stderr).toBe(0);
    for (const name of RUN_FILES) {
      expect(readFileSync(join(grid, 'cells', 'cell-002', name), 'utf8'), name).toBe(
        readFileSync(join(sim, name), 'utf8'),
      );
    }
    // And a cell that differs from the base does differ (the comparison above can fail).
    expect(readFileSync(join(grid, 'cells', 'cell-001', 'summary.json'), 'utf8')).not.toBe(
      readFileSync(join(sim, 'summary.json'), 'utf8'),
    );
  });

  it('one thread gives every cell the same bytes as two', () => {
    const one = join(runsDir, 'grid-one-thread');
    const { code, stderr } = hotline(
      'whatif',
      MMC,
      '-r',
      '4',
      '-s',
      '7',
      '--threads',
      '1',
      '-q',
      '--vary',
      'channels.phone.demand.scale=1,2',
      '--vary',
      'agents.groups.0.staffing.agents=12,14',
      '--out',
      one,
    );
    expect(code, stderr).toBe(0);
    for (const cell of ['cell-001', 'cell-002', 'cell-003', 'cell-004']) {
      for (const name of RUN_FILES) {
        expect(readFileSync(join(one, 'cells', cell, name), 'utf8'), `${cell}/${name}`).toBe(
          readFileSync(join(grid, 'cells', cell, name), 'utf8'),
        );
      }
    }
  });

  it('staffing variants see the same arrivals in every replication (common random numbers)', () => {
    const at = (cell: string) => offeredPerReplication(join(grid, 'cells', cell));
    expect(at('cell-001')).toEqual(at('cell-002'));
    expect(at('cell-003')).toEqual(at('cell-004'));
    // Different demand, different arrivals; doubled demand offers about twice the calls.
    const ratio = at('cell-003').reduce((a, b) => a + b, 0) / at('cell-001').reduce((a, b) => a + b, 0);
    expect(ratio).toBeGreaterThan(1.9);
    expect(ratio).toBeLessThan(2.1);
    // 14 agents against 12 on 10 Erlangs of load: far more than noise apart.
    const sl = (i: number) => whatif.cells[i]!.channels.phone!.metrics.slOffered!.mean!;
    expect(sl(1)).toBeGreaterThan(sl(0));
  });

  it('with retrials (covid), staffing.scale keeps every first attempt: offered minus retrials per replication', () => {
    const out = join(runsDir, 'covid-crn');
    const { code, stderr } = hotline(
      'whatif',
      'scenarios/covid-hotline.json',
      '--days',
      '1',
      '-r',
      '3',
      '-q',
      '--vary',
      'agents.groups.0.staffing.scale=0.9,1.1',
      '--out',
      out,
    );
    expect(code, stderr).toBe(0);
    const firstAttempts = (cell: string) => {
      const run = JSON.parse(readFileSync(join(out, 'cells', cell, 'replications.json'), 'utf8')).channels
        .phone.run as { offered: number[]; retrials: number[] };
      return run.offered.map((o, r) => o - run.retrials[r]!);
    };
    expect(firstAttempts('cell-001')).toEqual(firstAttempts('cell-002'));
    const hours = (JSON.parse(readFileSync(join(out, 'whatif.json'), 'utf8')) as WhatifFile).cells.map(
      (c) => c.agentHours,
    );
    expect(hours[1]).toBeGreaterThan(hours[0]!);
  });

  it('each cell is a run that hotline report and hotline compare read', () => {
    const report = hotline('report', join(grid, 'cells', 'cell-001'));
    expect(report.code, report.stderr).toBe(0);
    const compare = hotline(
      'compare',
      join(grid, 'cells', 'cell-001'),
      join(grid, 'cells', 'cell-002'),
      '--json',
      '--out',
      join(runsDir, 'cmp.html'),
    );
    expect(compare.code, compare.stderr).toBe(0);
    // Same seed, replications and calendar: compare pairs them, and its paired difference of the
    // service level is the one whatif.json carries for the base cell's neighbour.
    const comparison = JSON.parse(compare.stdout).comparisons[0];
    expect(comparison.method).toBe('paired');
    const sl = comparison.metrics.find((m: { channel: string; metric: string }) => m.metric === 'slOffered');
    const vsBase = whatif.cells[0]!.channels.phone!.serviceLevelVsBase!;
    expect(sl.difference).toBeCloseTo(-vsBase.value!, 8); // compare --json rounds to 10 digits
  });

  it('without --out it goes under HOTLINE_RUNS_DIR and hotline runs lists it as a whatif', () => {
    const made = hotline('whatif', MMC, '-r', '2', '-q', '--vary', 'channels.phone.demand.scale=1,2');
    expect(made.code, made.stderr).toBe(0);
    const id = /^whatif (\S+):/m.exec(made.stdout)![1]!;
    expect(id).toMatch(/stationary-mmc-whatif-s1$/);
    const listed = hotline('runs', '--json');
    expect(listed.code, listed.stderr).toBe(0);
    const entry = JSON.parse(listed.stdout).find((r: { id: string }) => r.id === id);
    expect(entry).toMatchObject({
      kind: 'whatif',
      scenario: 'stationary-mmc',
      replications: 2,
      problem: null,
    });
  });

  it('--json prints whatif.json on stdout and nothing else there', () => {
    const out = join(runsDir, 'json');
    const { code, stdout, stderr } = hotline(
      'whatif',
      MMC,
      '-r',
      '2',
      '--vary',
      'channels.phone.talkTime.mean=150s,180s',
      '--json',
      '--out',
      out,
    );
    expect(code, stderr).toBe(0);
    const printed = JSON.parse(stdout) as WhatifFile;
    expect(printed).toEqual(JSON.parse(readFileSync(join(out, 'whatif.json'), 'utf8')));
    expect(printed.kind).toBe('whatif');
    expect(printed.baseCell).toBe('cell-002'); // 180s is the file's value
  });

  it('whatif.html draws its table, heatmap and cost chart in headless Chromium', async () => {
    const shot = join(repo, 'test-output', 'whatif.png');
    const page = await checkPageInBrowser(join(grid, 'whatif.html'), shot, async (p) => ({
      heatmapCells: await p.locator('[data-heatmap] td[data-cell]').count(),
      tableRows: await p.locator('[data-cells] tr').count(),
    }));
    expect(page.consoleErrors).toEqual([]);
    expect(page.externalRequests).toEqual([]);
    expect(page.probed).toEqual({ heatmapCells: 4, tableRows: 5 });
    expect(page.charts).toHaveLength(1);
    expect(page.charts[0]!.points).toBeGreaterThan(0);
    expect(page.charts[0]!.inkPixels).toBeGreaterThan(1000);
    expect(statSync(shot).size).toBeGreaterThan(10_000);
  });
});

describe('hotline whatif --help', () => {
  it('has examples, and every example runs (one replication, one day)', () => {
    const { code, stdout } = hotline('whatif', '--help');
    expect(code).toBe(0);
    expect(stdout).toContain('Examples:');
    const examples = stdout
      .replace(/\\\n\s*/g, ' ')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line.startsWith('hotline whatif '));
    expect(examples.length).toBeGreaterThanOrEqual(3);
    examples.forEach((example, k) => {
      const args = example.split(/\s+/).slice(1);
      const out = join(runsDir, `help-example-${k}`);
      const run = hotline(...args, '-r', '1', '--days', '1', '-q', '--out', out);
      expect(run.code, `${example}\n${run.stderr}`).toBe(0);
      expect(existsSync(join(out, 'whatif.json'))).toBe(true);
    });
  });
});

describe('hotline whatif: bad input exits 2 and writes nothing', () => {
  const cases: [string, string[], RegExp][] = [
    [
      'an unknown path, with the nearest one',
      ['--vary', 'channels.phone.demand.scal=1,2'],
      /no such field.*nearest numeric path is channels\.phone\.demand\.scale/,
    ],
    ['a path at an object', ['--vary', 'channels.phone.demand=1,2'], /is an object .*not a number/],
    ['a path at text', ['--vary', 'calendar.startDate=1,2'], /not a number/],
    ['an empty list', ['--vary', 'channels.phone.demand.scale='], /no values given/],
    [
      'a value the schema refuses, naming the variant',
      ['--vary', 'agents.groups.0.staffing.agents=10,10.5'],
      /variant 2 of 2 \(agents\.groups\.0\.staffing\.agents=10\.5\)/,
    ],
    [
      'too many cells',
      ['--vary', 'channels.phone.demand.scale=0.1:5:0.1', '--vary', 'agents.groups.0.staffing.agents=1:20:1'],
      /= 1000 cells, more than 400/,
    ],
    ['no --vary', [], /at least one --vary/],
  ];
  for (const [what, args, expected] of cases) {
    it(what, () => {
      const out = join(runsDir, `bad-${what.replace(/\W+/g, '-')}`);
      const { code, stderr } = hotline('whatif', MMC, '-r', '2', ...args, '--out', out);
      expect(code).toBe(2);
      expect(stderr).toMatch(expected);
      expect(stderr).not.toMatch(/\n\s+at /); // no stack trace
      expect(existsSync(out)).toBe(false);
      expect(readdirSync(runsDir).filter((name) => name.includes('.tmp-'))).toEqual([]);
    });
  }
});
