import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkPageInBrowser } from '../../results/report/checkPageInBrowser.js';
import { loadScenarioFile } from '../../scenarios/loadScenario.js';
import { agentsAsWritten } from '../../sim/planning/staffingFile.js';
import { builtCli, type CliResult } from './testing/builtCli.js';

// Runs the built CLI (dist/, made by `npm test` before vitest) as a user would.
let hotline: (...args: string[]) => CliResult;
let out: string;
beforeAll(() => {
  hotline = builtCli('hotline-staff').hotline;
  out = mkdtempSync(join(tmpdir(), 'hotline-staff-out-'));
});

describe('hotline staff', () => {
  it('--method erlang on a flat scenario staffs every interval as hotline erlang --goal does', () => {
    const erlang = hotline(
      ...['erlang', '--calls', '100', '--interval', '30m', '--aht', '180s', '--patience', '5m'],
      ...['--goal', '0.8', '--max-abandon', '0.05', '--max-asa', '30s', '--json'],
    );
    expect(erlang.code).toBe(0);
    const agents = JSON.parse(erlang.stdout).agents as number;
    const staff = hotline(
      'staff',
      'scenarios/stationary-mmc.json',
      '--method',
      'erlang',
      '-r',
      '2',
      '--json',
    );
    expect(staff.code, staff.stderr).toBe(0);
    const plan = JSON.parse(staff.stdout);
    expect(plan.method).toBe('erlang');
    expect(new Set(plan.groups[0].onDuty)).toEqual(new Set([agents]));
    expect(plan.groups[0].onDuty).toHaveLength(48);
  });

  it('picks erlang by default only where it holds, and says why', () => {
    const flat = hotline('staff', 'scenarios/stationary-mmc.json', '-r', '1', '--json');
    expect(JSON.parse(flat.stdout).method).toBe('erlang');
    expect(flat.stderr).toMatch(/method erlang: one phone channel, flat demand/);
    const wave = hotline('staff', 'sim/planning/fixtures/sinusoid.json', '-r', '2', '--quiet');
    expect(wave.code, wave.stderr).toBe(0);
    expect(wave.stdout).toMatch(/^method +simulation: demand varies over the day/m);
    expect(wave.stdout).toMatch(/^iterations +\d+ simulations: \d+ from the simulated load/m);
    expect(wave.stdout).toMatch(
      /^check +phone on draws no iteration used \(seed 1-check, 30 replications\): met in \d+ of 48 intervals.*; missed beyond noise in \d+/m,
    );
    expect(wave.stderr).toBe('');
  });

  it('--max-iterations and --max-corrections bound the loop, and the output says which flag allows more', () => {
    const run = hotline(
      ...['staff', 'sim/planning/fixtures/sinusoid.json', '-r', '2', '--check-replications', '2', '--quiet'],
      ...['--max-iterations', '1', '--max-corrections', '0', '--json'],
    );
    expect(run.code, run.stderr).toBe(0);
    const plan = JSON.parse(run.stdout);
    // One load simulation and no correction pass (the check on fresh draws comes on top, uncounted).
    expect(plan.loadIterations).toBe(1);
    expect(plan.corrections).toBe(0);
    expect(plan.iterations).toBe(1);
    // Starting from today's staffing, one iteration moves intervals by more than one agent.
    expect(plan.converged).toBe(false);
    const text = hotline(
      ...['staff', 'sim/planning/fixtures/sinusoid.json', '-r', '2', '--check-replications', '2', '--quiet'],
      ...['--max-iterations', '1', '--max-corrections', '0'],
    );
    expect(text.stdout).toMatch(
      /^iterations +1 simulations: 1 from the simulated load \(NOT converged: .*--max-iterations allows more\), 0 correction passes/m,
    );
    // So rough a plan misses on the check's fresh draws, and the check line names the flag for that.
    expect(plan.check.channels[0].missedBeyondNoise.length).toBeGreaterThan(0);
    expect(text.stdout).toMatch(
      /^check +phone .*; missed beyond noise in \d+: .* \(the plan fits the draws of its 2 replications an iteration: --replications allows more\)$/m,
    );
  }, 60_000);

  it('--write saves a scenario that loads and holds the planned staffing; --html draws its charts', async () => {
    const written = join(out, 'planned.json');
    const page = join(out, 'staff.html');
    const run = hotline(
      ...['staff', 'sim/planning/fixtures/sinusoid.json', '-r', '2', '--shrinkage', '20%'],
      ...['--write', written, '--html', page, '--json'],
    );
    expect(run.code, run.stderr).toBe(0);
    const plan = JSON.parse(run.stdout);
    // The plan is simulated once more on a seed no iteration used, and that verdict is reported too.
    expect(plan.check.seed).toBe('1-check');
    expect(plan.check.replications).toBe(30);
    expect(plan.check.channels[0].intervals).toHaveLength(48);
    // Beyond noise = the whole 95% CI on the wrong side, so a subset of the intervals missed.
    const checked = plan.check.channels[0];
    for (const i of checked.missedBeyondNoise) {
      expect(checked.missed).toContain(i);
      const sl = checked.intervals[i].checks.find((c: { target: string }) => c.target === 'serviceLevel');
      const others = checked.intervals[i].checks.filter((c: { op: string }) => c.op === '<=');
      const slBeyond = sl.ci95[1] < sl.limit;
      const otherBeyond = others.some((c: { ci95: number[]; limit: number }) => c.ci95[0] > c.limit);
      expect(slBeyond || otherBeyond).toBe(true);
    }
    const scenario = loadScenarioFile(written);
    const group = scenario.agentGroups[0]!;
    expect(group.name).toBe(plan.groups[0].group);
    // One day: the same every day, so perInterval; what it puts on duty is the plan's on-duty figure.
    expect(plan.staffing[group.name].kind).toBe('perInterval');
    expect([...agentsAsWritten(scenario.calendar, plan.staffing[group.name])]).toEqual(plan.groups[0].onDuty);
    expect([...group.staffing.scheduledPerInterval]).toEqual(plan.groups[0].onDuty);
    expect(plan.groups[0].scheduled).toEqual(
      plan.groups[0].onDuty.map((a: number) => Math.ceil(a / 0.8 - 1e-9) || 0),
    );

    const shot = process.env.HOTLINE_STAFF_SHOT ?? join(out, 'staff.png');
    const check = await checkPageInBrowser(page, shot);
    expect(check.consoleErrors).toEqual([]);
    expect(check.externalRequests).toEqual([]);
    expect(check.charts.map((c) => c.id)).toEqual(['agents-operators', 'sl-phone']);
    for (const chart of check.charts) {
      for (const series of chart.perSeries) expect(series.points, `${chart.id} ${series.label}`).toBe(48);
      expect(chart.inkPixels, chart.id).toBeGreaterThan(5000);
    }
    expect(statSync(shot).size).toBeGreaterThan(10_000);
  }, 60_000);

  it('refuses bad input with exit 2, naming the flag, before any simulation and without writing', () => {
    const written = join(out, 'never.json');
    const cases: Array<[string[], RegExp]> = [
      [['--method', 'guess'], /--method.*guess.*erlang, simulation/s],
      [['--shrinkage', '1'], /--shrinkage.*0 <= share < 1/s],
      [['--shrinkage', '-5%'], /--shrinkage/],
      [['--write', join(out, 'no-such-folder', 'x.json')], /--write.*does not exist/s],
      [['--html', out], /--html.*is a folder/s],
      [['--method', 'erlang', '--write', written], /--method.*allowed: simulation/s],
      [['--max-corrections', '101'], /--max-corrections.*allowed: 0 to 100/s],
      [['--max-iterations', '0'], /--max-iterations.*allowed: 1 to 100/s],
    ];
    for (const [flags, message] of cases) {
      const run = hotline(
        'staff',
        flags.includes('erlang') ? 'scenarios/ecosystem.json' : 'scenarios/stationary-mmc.json',
        ...flags,
      );
      expect(run.code, flags.join(' ')).toBe(2);
      expect(run.stderr, flags.join(' ')).toMatch(message);
      expect(run.stderr, flags.join(' ')).not.toMatch(/simulation \d+ .* done|at .*\.js:\d+/);
    }
    expect(existsSync(written)).toBe(false);
  });

  it('refuses a target no staffing meets, naming the interval, and writes nothing', () => {
    const scenario = JSON.parse(readFileSync('scenarios/stationary-mmc.json', 'utf8'));
    scenario.channels.phone.targets.maxAsa = '0s';
    const file = join(out, 'impossible.json');
    writeFileSync(file, JSON.stringify(scenario));
    const written = join(out, 'impossible-planned.json');
    const run = hotline('staff', file, '--method', 'simulation', '--write', written);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/\/channels\/phone\/targets.*cannot be met at 2024-01-01 00:00.*ASA <= 0s/s);
    expect(existsSync(written)).toBe(false);
  });
});
