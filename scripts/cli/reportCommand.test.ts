import { cpSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkPageInBrowser } from '../../results/report/checkPageInBrowser.js';
import { builtCli, type CliResult, repo } from './testing/builtCli.js';

// Runs the built CLI (dist/, made by `npm test` before vitest) as a user would.
let runsDir: string;
let hotline: (...args: string[]) => CliResult;
let week: string;

/** A copy of the week run with one file damaged, for the bad-input cases. */
function damaged(name: string, file: string, change: (text: string) => string): string {
  const folder = join(runsDir, name);
  cpSync(week, folder, { recursive: true });
  writeFileSync(join(folder, file), change(readFileSync(join(folder, file), 'utf8')));
  return folder;
}

beforeAll(() => {
  ({ runsDir, hotline } = builtCli('hotline-report'));
  week = join(runsDir, 'week');
  // 7 days of 30-minute intervals: the size budget of the issue is stated for this shape.
  const sim = hotline('sim', 'scenarios/covid-hotline.json', '-r', '3', '-q', '--out', week);
  expect(sim.code, sim.stderr).toBe(0);
  expect(sim.stdout).toContain(`report ${join(week, 'report.html')}`);
});

describe('hotline report', () => {
  it('writes a self-contained report.html under 2 MB for a 7-day, 30-minute run', () => {
    const { code, stdout, stderr } = hotline('report', week);
    expect(code, stderr).toBe(0);
    const file = stdout.trim();
    expect(file).toBe(join(week, 'report.html'));
    const size = statSync(file).size;
    expect(size).toBeLessThan(2 * 1024 * 1024);
    const html = readFileSync(file, 'utf8');
    expect(/<script[^>]+src=|<link[^>]+href=/.test(html), 'no external script or stylesheet').toBe(false);
    // The page's own text and data (uPlot's source aside) never show NaN or undefined.
    const ours = html.replace(/<script>[\s\S]*?<\/script>/g, '');
    expect(ours.match(/NaN|undefined|Infinity/g)).toBeNull();
    expect(html).toContain('covid-hotline');
    expect(html).toContain('slOffered');
  });

  it('finds a run by id under HOTLINE_RUNS_DIR', () => {
    const { code, stdout, stderr } = hotline('report', 'week');
    expect(code, stderr).toBe(0);
    expect(stdout.trim()).toBe(join(week, 'report.html'));
  });

  it('renders every chart from file:// in headless Chromium without console errors', async () => {
    const shot = join(repo, 'test-output', 'report.png');
    const page = await checkPageInBrowser(join(week, 'report.html'), shot);
    expect(page.consoleErrors).toEqual([]);
    expect(page.externalRequests).toEqual([]);
    expect(page.chartSlots).toBe(8);
    expect(page.charts).toHaveLength(8);
    for (const chart of page.charts) {
      expect(chart.points, chart.id).toBeGreaterThan(0);
      expect(chart.inkPixels, chart.id).toBeGreaterThan(5000);
    }
    expect(statSync(shot).size).toBeGreaterThan(10_000);
  });
});

describe('hotline report: bad runs exit 2 saying what is wrong', () => {
  it('a missing folder', () => {
    const { code, stderr } = hotline('report', join(runsDir, 'nope'));
    expect(code).toBe(2);
    expect(stderr).toMatch(/no such run folder or run id/);
  });

  it('a folder that is not a run', () => {
    const empty = join(runsDir, 'empty');
    mkdirSync(empty);
    const { code, stderr } = hotline('report', empty);
    expect(code).toBe(2);
    expect(stderr).toMatch(/not a run folder/);
  });

  it('a run of a newer format version', () => {
    const folder = damaged('newer', 'run.json', (t) =>
      t.replace(/"formatVersion": \d+/, '"formatVersion": 99'),
    );
    const { code, stderr } = hotline('report', folder);
    expect(code).toBe(2);
    expect(stderr).toMatch(/run\.json: written in result format version 99, newer than this hotline reads/);
  });

  it('a truncated summary.json', () => {
    const folder = damaged('cut-summary', 'summary.json', (t) => t.slice(0, t.length / 2));
    const { code, stderr } = hotline('report', folder);
    expect(code).toBe(2);
    expect(stderr).toMatch(/summary\.json: not valid JSON, the file is truncated or corrupt/);
  });

  it('a summary.json that is JSON but not a summary', () => {
    const folder = damaged('wrong-summary', 'summary.json', () => '{"formatVersion": 1, "kind": "sim"}\n');
    const { code, stderr } = hotline('report', folder);
    expect(code).toBe(2);
    expect(stderr).toMatch(/summary\.json: does not match the run format/);
  });

  it('a truncated intervals.csv', () => {
    const folder = damaged('cut-csv', 'intervals.csv', (t) => t.slice(0, Math.floor(t.length * 0.6)));
    const { code, stderr } = hotline('report', folder);
    expect(code).toBe(2);
    expect(stderr).toMatch(/intervals\.csv: .*truncated or corrupt/);
  });

  it('an intervals.csv cut at a line end', () => {
    const folder = damaged(
      'short-csv',
      'intervals.csv',
      (t) => `${t.split('\n').slice(0, 100).join('\n')}\n`,
    );
    const { code, stderr } = hotline('report', folder);
    expect(code).toBe(2);
    expect(stderr).toMatch(/has 99 phone intervals, expected 336/);
  });

  it('a report.html that is a folder, and a run.json that is a folder (not internal errors)', () => {
    const reportFolder = join(runsDir, 'report-is-a-folder');
    cpSync(week, reportFolder, { recursive: true });
    rmSync(join(reportFolder, 'report.html'));
    mkdirSync(join(reportFolder, 'report.html'));
    const report = hotline('report', reportFolder);
    expect(report.code, report.stderr).toBe(2);
    expect(report.stderr).toMatch(/^error: <run>: is a folder, not a file/);
    const infoFolder = join(runsDir, 'run-json-is-a-folder');
    cpSync(week, infoFolder, { recursive: true });
    rmSync(join(infoFolder, 'run.json'));
    mkdirSync(join(infoFolder, 'run.json'));
    const info = hotline('report', infoFolder);
    expect(info.code, info.stderr).toBe(2);
    expect(info.stderr).toMatch(/run\.json: cannot read the file \(it is a folder\)/);
  });
});

describe('format 1 run folders (before the format was keyed by channel)', () => {
  it('report, compare and runs read the v1 fixture, migrated on load', () => {
    const { runsDir: dir, hotline: cli } = builtCli('hotline-v1');
    const copy = join(dir, 'v1-sim-run');
    cpSync(join(repo, 'results/fixtures/v1-sim-run'), copy, { recursive: true });
    const report = cli('report', copy);
    expect(report.code, report.stderr).toBe(0);
    expect(readFileSync(join(copy, 'report.html'), 'utf8')).toContain('data-verdict=');
    const fresh = join(dir, 'fresh');
    const sim = cli('sim', 'scenarios/stationary-mmc.json', '-r', '3', '--seed', '7', '-q', '--out', fresh);
    expect(sim.code, sim.stderr).toBe(0);
    const compare = cli(
      'compare',
      '--baseline',
      copy,
      fresh,
      '--fail-on',
      'slOffered<-0.5',
      '--out',
      join(dir, 'c.html'),
    );
    expect(compare.code, compare.stderr).toBe(0);
    expect(compare.stdout).toContain('gate passed');
    const runs = cli('runs');
    expect(runs.code, runs.stderr).toBe(0);
    expect(runs.stdout).toMatch(/v1-sim-run.*stationary-mmc/);
    expect(runs.stdout).not.toMatch(/v1-sim-run.*(unreadable|not a run|does not match)/);
  });
});
