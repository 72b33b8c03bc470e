import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPageInBrowser } from '../../results/report/checkPageInBrowser.js';
import { loadScenarioFile } from '../../scenarios/loadScenario.js';
import { emailDeadline } from '../../sim/channels/email/emailPlanning.js';
import { erlangRequirement } from '../../sim/planning/erlangRequirement.js';
import { fluidDeadlineAgents } from '../../sim/planning/fluidDeadlineAgents.js';
import { builtCli, repo } from './testing/builtCli.js';

const { runsDir, hotline } = builtCli('hotline-roster');

function templatesFile(name: string, templates: unknown[], extra: Record<string, unknown> = {}): string {
  const path = join(runsDir, `${name}.json`);
  writeFileSync(path, JSON.stringify({ name, costPerAgentHour: 10, templates, ...extra }));
  return path;
}

// stationary-mmc: one day, 24/7, 100 calls per 30 min; 8h shifts every hour with a break, and 4h ones.
const dayTemplates = () =>
  templatesFile('day', [
    {
      name: 'eight',
      lengths: ['8h'],
      starts: { every: '60m', from: '00:00', to: '23:00' },
      breaks: [{ length: '30m', earliest: '3h', latest: '5h' }],
    },
    {
      name: 'four',
      lengths: ['4h'],
      starts: { every: '60m', from: '00:00', to: '23:00' },
      costPerAgentHour: 11,
    },
  ]);

describe('hotline roster', () => {
  it("rosters portal-support's back office for e-mail from the shipped templates (deadline requirement)", () => {
    const written = join(runsDir, 'back-office.json');
    const { code, stdout, stderr } = hotline(
      ...['roster', 'scenarios/portal-support.json', '--shifts', 'scenarios/shifts/portal-back-office.json'],
      ...['--rounds', '0', '--write', written, '--json'],
    );
    expect(code, stderr).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.group).toBe('back-office');
    // The fluid rate of the e-mails falling due, computed here from the model alone: the requirement
    // (hotline staff's plan) is at least its ceiling in office hours and nothing outside them.
    const model = loadScenarioFile('scenarios/portal-support.json');
    const rate = fluidDeadlineAgents(emailDeadline(model.channels.email!, model.calendar.intervalS));
    const scheduled = loadScenarioFile(written).agentGroups.find((g) => g.name === 'back-office')!.staffing
      .scheduledPerInterval;
    json.intervals.forEach((interval: { requiredInitially: number; required: number }, i: number) => {
      const office = model.channels.email!.workingHours.between(i * 1800, (i + 1) * 1800) > 0;
      if (!office) expect(interval.requiredInitially, `interval ${i}`).toBe(0);
      else
        expect(interval.requiredInitially, `interval ${i}`).toBeGreaterThanOrEqual(
          Math.ceil(rate[i]! - 1e-9),
        );
      // The written shifts, read back by the scenario loader, schedule every required agent.
      expect(scheduled[i]!, `interval ${i}`).toBeGreaterThanOrEqual(interval.required);
    });
    expect(json.solver.lpBound).toBeLessThanOrEqual(json.solver.cost + 1e-6);
  }, 180_000);

  it('--rounds 0: a plan whose written shifts schedule every required agent, its bound below its cost', () => {
    const written = join(runsDir, 'planned.json');
    const { code, stdout, stderr } = hotline(
      'roster',
      'scenarios/stationary-mmc.json',
      '--shifts',
      dayTemplates(),
      '--rounds',
      '0',
      '--write',
      written,
      '--json',
    );
    expect(code, stderr).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.solver.lpBound).toBeLessThanOrEqual(json.solver.cost + 1e-6);
    // A one-day program: the gap closes long before the default node limit, and the time limit is a safety net.
    expect(json.solver.status).toBe('optimal');
    expect(json.solver.nodes).toBeLessThan(5000);
    expect(json.verified).toBeNull();
    // Independent of the roster code: the requirement from the Erlang module, the coverage from the
    // scenario loader reading the written file.
    const scenario = loadScenarioFile(written);
    const required = erlangRequirement(loadScenarioFile('scenarios/stationary-mmc.json'), 0).groups[0]!
      .scheduled;
    const scheduled = scenario.agentGroups[0]!.staffing.scheduledPerInterval;
    required.forEach((r, k) => {
      expect(scheduled[k]!, `interval ${k}`).toBeGreaterThanOrEqual(r - 1e-9);
    });
    const agentHours = scheduled.reduce((a, b) => a + b, 0) / 2;
    expect(json.after.agentHours).toBeCloseTo(agentHours, 1);
    expect(json.before.agentHours).toBe(14 * 24);
  });

  it('simulates the plan, raises missed intervals, writes an HTML page that draws in Chromium', async () => {
    const page = join(runsDir, 'roster.html');
    const { code, stdout, stderr } = hotline(
      'roster',
      'scenarios/stationary-mmc.json',
      '--shifts',
      dayTemplates(),
      '--rounds',
      '2',
      '-r',
      '3',
      '--threads',
      '1',
      '--report',
      page,
    );
    expect(code, stderr).toBe(0);
    expect(stdout).toMatch(/shift plan\n/);
    expect(stdout).toMatch(/before \(scenario staffing\)\s+336/);
    expect(stdout).toMatch(/rounds \(solve, simulate/);
    expect(stdout).toMatch(/verdict: /);
    expect(stderr).toMatch(/round 1: simulated \(seed 1-1\), \d+ intervals miss a target/);
    expect(stderr).toMatch(
      /check on fresh draws \(seed 1-check, 30 replications\): \d+ intervals miss a target by the mean, \d+ beyond noise/,
    );
    const shot = join(repo, 'test-output', 'roster.png');
    const check = await checkPageInBrowser(page, shot);
    expect(check.consoleErrors).toEqual([]);
    expect(check.externalRequests).toEqual([]);
    expect(check.charts.map((c) => c.id)).toEqual(['agents', 'service-level']);
    for (const chart of check.charts) expect(chart.inkPixels, chart.id).toBeGreaterThan(2000);
    expect(statSync(shot).size).toBeGreaterThan(10_000);
  });
});

describe('hotline roster: bad input exits 2 before any work, writing nothing', () => {
  it('a break longer than its shift', () => {
    const written = join(runsDir, 'never.json');
    const bad = templatesFile('bad-break', [
      {
        name: 'short',
        lengths: ['4h'],
        starts: ['08:00'],
        breaks: [{ length: '5h', earliest: '0m', latest: '4h' }],
      },
    ]);
    const { code, stderr } = hotline(
      'roster',
      'scenarios/stationary-mmc.json',
      '--shifts',
      bad,
      '--write',
      written,
    );
    expect(code).toBe(2);
    expect(stderr).toMatch(
      /bad-break\.json at \/templates\/0\/breaks\/0\/length: a 5h break is not shorter than the 4h shift/,
    );
    expect(existsSync(written)).toBe(false);
  });

  it('a start outside the day', () => {
    const bad = templatesFile('bad-start', [{ name: 'late', lengths: ['8h'], starts: ['24:30'] }]);
    const { code, stderr } = hotline('roster', 'scenarios/stationary-mmc.json', '--shifts', bad);
    expect(code).toBe(2);
    expect(stderr).toMatch(/\/templates\/0\/starts\/0: a start outside the day \(got "24:30"\)/);
  });

  it('a cap no plan can meet, naming the interval, its need and the most the templates can put there', () => {
    const capped = templatesFile('capped', [
      { name: 'night', lengths: ['8h'], starts: ['00:00'], maxAgents: 3 },
      { name: 'rest', lengths: ['8h'], starts: ['08:00', '16:00'] },
    ]);
    const need = erlangRequirement(loadScenarioFile('scenarios/stationary-mmc.json'), 0).groups[0]!.scheduled;
    const { code, stderr } = hotline('roster', 'scenarios/stationary-mmc.json', '--shifts', capped);
    expect(code).toBe(2);
    expect(stderr).toContain(`Mon 03:00: needs ${need[6]} agents, templates can put at most 3 there`);
    expect(stderr).toMatch(/raise maxAgents, add templates .* or accept shortfalls with --penalty/);
  });

  it('--penalty turns that cap into a stated shortfall instead', () => {
    const capped = templatesFile('capped-soft', [
      { name: 'night', lengths: ['8h'], starts: ['00:00'], maxAgents: 3 },
      { name: 'rest', lengths: ['8h'], starts: ['08:00', '16:00'] },
    ]);
    const need = erlangRequirement(loadScenarioFile('scenarios/stationary-mmc.json'), 0).groups[0]!.scheduled;
    const { code, stdout, stderr } = hotline(
      'roster',
      'scenarios/stationary-mmc.json',
      '--shifts',
      capped,
      '--penalty',
      '1000',
      '--rounds',
      '0',
      '--json',
    );
    expect(code, stderr).toBe(0);
    const json = JSON.parse(stdout);
    // The night shift holds at most 3 agents; the first 16 intervals are short by the rest.
    for (let k = 0; k < 16; k++) expect(json.intervals[k].shortfall).toBe(need[k]! - 3);
  });

  it('--write into a folder, checked before the solve', () => {
    const folder = join(runsDir, 'a-folder');
    mkdirSync(folder, { recursive: true });
    const { code, stderr } = hotline(
      'roster',
      'scenarios/stationary-mmc.json',
      '--shifts',
      'scenarios/shifts/covid.json',
      '--write',
      folder,
    );
    expect(code).toBe(2);
    expect(stderr).toMatch(/--write.*is a folder, not a file/);
  });

  it('templates for a group the scenario does not have', () => {
    const other = templatesFile('other', [{ name: 'x', lengths: ['8h'], starts: ['08:00'] }], {
      group: 'nurses',
    });
    const { code, stderr } = hotline('roster', 'scenarios/stationary-mmc.json', '--shifts', other);
    expect(code).toBe(2);
    expect(stderr).toMatch(
      /other\.json at \/group: the scenario has no agent group nurses \(got "nurses"\); allowed: operators/,
    );
  });
});
