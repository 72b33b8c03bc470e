import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkPageInBrowser } from '../../results/report/checkPageInBrowser.js';
import { builtCli, type CliResult, repo } from './testing/builtCli.js';

// Runs the built CLI (dist/, made by `npm test` before vitest) as a user would.
const GATE = 'slOffered<-0.02,abandonRate>+0.01,asaS>+10%';
let dir: string;
let hotline: (...args: string[]) => CliResult;
let base: string;
let fewer: string;
let otherSeed: string;

function sim(scenario: string, out: string, seed = '5') {
  const { code, stderr } = hotline('sim', scenario, '-r', '5', '-q', '--seed', seed, '--out', out);
  expect(code, stderr).toBe(0);
  return out;
}

/** The covid scenario with every shift 10% smaller (rounded): the regression the gate must catch. */
function fewerAgentsScenario(): string {
  const scenario = JSON.parse(readFileSync(join(repo, 'scenarios/covid-hotline.json'), 'utf8'));
  delete scenario.$schema;
  for (const shift of scenario.agents.groups[0].staffing.shifts)
    shift.agents = Math.round(shift.agents * 0.9);
  const file = join(dir, 'covid-fewer-agents.json');
  writeFileSync(file, JSON.stringify(scenario));
  return file;
}

beforeAll(() => {
  ({ runsDir: dir, hotline } = builtCli('hotline-compare'));
  base = sim('scenarios/covid-hotline.json', join(dir, 'base'));
  fewer = sim(fewerAgentsScenario(), join(dir, 'fewer'));
  otherSeed = sim('scenarios/covid-hotline.json', join(dir, 'other-seed'), '6');
});

describe('hotline compare of two k6 runs', () => {
  const measured = join(repo, 'results/fixtures/k6-covid-window');

  it('uses batch means, or with --spread-from one replication of that prediction, and says which', () => {
    const batch = hotline('compare', measured, measured, '--json', '--out', join(dir, 'kk.html'));
    expect(batch.code, batch.stderr).toBe(0);
    expect(JSON.parse(batch.stdout).comparisons[0].method).toBe('batch-means');
    const spread = hotline(
      'compare',
      measured,
      measured,
      '--spread-from',
      base,
      '--json',
      '--out',
      join(dir, 'ks.html'),
    );
    expect(spread.code, spread.stderr).toBe(0);
    const comparison = JSON.parse(spread.stdout).comparisons[0];
    expect(comparison.method).toBe('spread-of-prediction');
    expect(comparison.spreadFrom.folder).toBe(base);
  });

  it('refuses a --spread-from that is not a prediction of 2 replications or more (exit 2 naming the flag)', () => {
    const { code, stderr } = hotline(
      'compare',
      measured,
      measured,
      '--spread-from',
      measured,
      '--out',
      join(dir, 'kx.html'),
    );
    expect(code).toBe(2);
    expect(stderr).toContain('--spread-from');
    expect(stderr).toContain('k6 run');
    expect(stderr).toContain('a sim run of 2 replications or more');
  });

  it('names the flag for an empty --spread-from (found by npm run probe)', () => {
    const out = join(dir, 'ke.html');
    const { code, stderr } = hotline('compare', measured, measured, '--spread-from', '', '--out', out);
    expect(code).toBe(2);
    expect(stderr).toContain('--spread-from');
  });
});

describe('hotline compare --baseline --fail-on (the regression gate)', () => {
  it('passes when a run is compared with itself', () => {
    const junit = join(dir, 'self.xml');
    const { code, stdout, stderr } = hotline(
      'compare',
      '--baseline',
      base,
      base,
      '--fail-on',
      GATE,
      '--junit',
      junit,
      '--out',
      join(dir, 'self.html'),
    );
    expect(code, stderr).toBe(0);
    expect(stdout).toContain('gate passed');
    expect(readFileSync(junit, 'utf8')).toMatch(/tests="3" failures="0"/);
  });

  it('fails with exit 1 on SL when the variant has 10% fewer agents, and writes JUnit', () => {
    const junit = join(dir, 'fewer.xml');
    const { code, stdout } = hotline(
      'compare',
      '--baseline',
      base,
      fewer,
      '--fail-on',
      GATE,
      '--junit',
      junit,
      '--out',
      join(dir, 'fewer.html'),
    );
    expect(code).toBe(1);
    expect(stdout).toMatch(/FAIL fewer: slOffered changed by -0\.\d+/);
    expect(stdout).toContain('gate FAILED');
    const xml = readFileSync(junit, 'utf8');
    expect(xml).toMatch(/<failure message="slOffered changed by/);
  });

  it('prints how each rule was judged: on the interval by default, on the point estimate with --strict', () => {
    const byInterval = hotline(
      'compare',
      '--baseline',
      base,
      fewer,
      '--fail-on',
      GATE,
      '--json',
      '--out',
      join(dir, 'i.html'),
    );
    const rules = JSON.parse(byInterval.stdout).gate.rules;
    expect(rules.map((r: { method: string }) => r.method)).toEqual(['interval', 'interval', 'interval']);
    const sl = rules[0];
    expect(sl.changeCi95[0]).toBeLessThanOrEqual(sl.change);
    expect(sl.changeCi95[1]).toBeGreaterThanOrEqual(sl.change);
    const strict = hotline(
      'compare',
      '--baseline',
      base,
      fewer,
      '--fail-on',
      GATE,
      '--strict',
      '--out',
      join(dir, 's.html'),
    );
    expect(strict.stdout).toMatch(/judged on the point estimate \(--strict\)/);
    const alone = hotline('compare', base, fewer, '--strict', '--out', join(dir, 'a.html'));
    expect(alone.code).toBe(2);
    expect(alone.stderr).toMatch(/--strict needs --fail-on rules/);
  });

  it('rejects a bad rule with exit 2, naming the rule and what is allowed', () => {
    for (const [rules, expected] of [
      ['slOffered<<-0.02', /not a rule: "slOffered<<-0.02".*allowed: \[<channel>\.\]<metric><op><change>/],
      [
        'sl<-0.02',
        /unknown metric "sl" in rule "sl<-0.02".*allowed: phone: offered, answered.*; chat: offered/,
      ],
      ['chat.sl<-0.02', /unknown metric "sl" of chat in rule "chat.sl<-0.02".*allowed: chat: offered/],
      ['slOffered<-0.02,', /empty rule/],
      ['asaS>ten%', /not a rule: "asaS>ten%"/],
    ] as const) {
      const { code, stderr } = hotline('compare', '--baseline', base, base, '--fail-on', rules);
      expect(code, rules).toBe(2);
      expect(stderr, rules).toMatch(expected);
    }
  });
});

describe('hotline compare', () => {
  it('pairs same-seed sim runs replication by replication and says the variant is worse', () => {
    const { code, stdout, stderr } = hotline(
      'compare',
      base,
      fewer,
      '--json',
      '--out',
      join(dir, 'json.html'),
    );
    expect(code, stderr).toBe(0);
    const [comparison] = JSON.parse(stdout).comparisons;
    expect(comparison.method).toBe('paired');
    const sl = comparison.metrics.find((m: { metric: string }) => m.metric === 'slOffered');
    expect(sl.verdict).toBe('worse');
    expect(sl.differenceCi95[1]).toBeLessThan(0);
    const asa = comparison.metrics.find((m: { metric: string }) => m.metric === 'asaS');
    expect(asa.verdict).toBe('worse');
  });

  it("falls back to Welch's unpaired CI when the seeds differ, finding no difference between equal models", () => {
    const { code, stdout } = hotline('compare', base, otherSeed, '--json', '--out', join(dir, 'welch.html'));
    expect(code).toBe(0);
    const [comparison] = JSON.parse(stdout).comparisons;
    expect(comparison.method).toBe('welch');
    const sl = comparison.metrics.find((m: { metric: string }) => m.metric === 'slOffered');
    expect(sl.verdict).toBe('no significant difference');
  });

  it('an --out or --junit that cannot be written is exit 2 naming the flag, before comparing', () => {
    const missing = hotline('compare', base, fewer, '--out', join(dir, 'missing', 'compare.html'));
    expect(missing.code, missing.stderr).toBe(2);
    expect(missing.stderr).toMatch(/^error: --out: the folder .*missing does not exist/);
    const atFolder = hotline('compare', base, fewer, '--out', dir);
    expect(atFolder.code).toBe(2);
    expect(atFolder.stderr).toMatch(/^error: --out: is a folder, not a file/);
    const junit = hotline('compare', base, fewer, '--fail-on', GATE, '--junit', join(base, 'run.json', 'x'));
    expect(junit.code).toBe(2);
    expect(junit.stderr).toMatch(/^error: --junit: .*run\.json is a file, not a folder/);
  });

  it('needs two runs', () => {
    const { code, stderr } = hotline('compare', base);
    expect(code).toBe(2);
    expect(stderr).toMatch(/at least two runs/);
  });

  it('renders the overlaid charts from file:// in headless Chromium without console errors', async () => {
    const page = join(dir, 'three.html');
    expect(hotline('compare', base, fewer, otherSeed, '--out', page).code).toBe(0);
    const check = await checkPageInBrowser(page, join(repo, 'test-output', 'compare.png'));
    expect(check.consoleErrors).toEqual([]);
    expect(check.externalRequests).toEqual([]);
    expect(check.charts).toHaveLength(check.chartSlots);
    expect(check.chartSlots).toBe(8);
    for (const chart of check.charts) {
      expect(chart.series, chart.id).toBeGreaterThanOrEqual(3);
      expect(chart.inkPixels, chart.id).toBeGreaterThan(5000);
    }
  });
});
