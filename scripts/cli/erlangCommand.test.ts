import { afterEach, beforeEach, describe, expect, it, type MockInstance, vi } from 'vitest';
import { type ErlangReport, formatErlangReport } from './erlang/erlangReport.js';
import { registerErlangCommand } from './erlangCommand.js';
import { runCli } from './runCli.js';

let stdout: MockInstance<typeof process.stdout.write>;
let stderr: MockInstance<typeof process.stderr.write>;

beforeEach(() => {
  stdout = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
});
afterEach(() => {
  vi.restoreAllMocks();
});

const written = (spy: MockInstance<typeof process.stdout.write>) =>
  spy.mock.calls.map((call) => String(call[0])).join('');

async function erlang(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const code = await runCli(['erlang', ...args], [registerErlangCommand], '0.0.0');
  return { code, out: written(stdout), err: written(stderr) };
}

const TEXTBOOK = ['--calls', '100', '--interval', '30m', '--aht', '180s'];

interface JsonRow {
  agents: number;
  stable: boolean;
  pWait: number | null;
  pAbandon: number | null;
  serviceLevel: Record<string, number> | null;
  meetsGoal: boolean | null;
}

describe('hotline erlang', () => {
  it('prints the textbook case as a table (Erlang C)', async () => {
    const { code, out } = await erlang(...TEXTBOOK, '--agents', '14');
    expect(code).toBe(0);
    // 10 Erlangs on 14 agents: P(wait) 17.41%, ASA 7.8 s, SL(20 s) 88.84%, occupancy 10/14 (mpmath reference).
    expect(out).toMatch(/Erlang C/);
    expect(out).toMatch(/10\.00 Erlangs/);
    expect(out).toMatch(/P\(wait\)\s+17\.41%/);
    expect(out).toMatch(/ASA\s+7\.8s/);
    expect(out).toMatch(/slOffered \(20s\)\s+88\.84%/);
    expect(out).toMatch(/occupancy\s+71\.43%/);
    expect(out).not.toMatch(/P\(abandon\)/);
  });

  it('prints exactly one JSON object with --json', async () => {
    const { code, out } = await erlang(...TEXTBOOK, '--agents', '14', '--patience', '300s', '--json');
    expect(code).toBe(0);
    const report = JSON.parse(out) as { model: string; agents: number; results: JsonRow[] };
    expect(report.model).toBe('erlangA');
    expect(report.agents).toBe(14);
    // mpmath Erlang A reference for 14 agents and 5 min patience.
    expect(report.results[0]!.pWait).toBeCloseTo(0.145260114296361, 10);
    expect(report.results[0]!.pAbandon).toBeCloseTo(0.0139837441224089, 10);
  });

  it('finds the fewest agents: the goal holds there and fails one agent below', async () => {
    const { code, out } = await erlang(...TEXTBOOK, '--goal', '0.8', '--json');
    expect(code).toBe(0);
    const report = JSON.parse(out) as { agents: number; meetsGoal: boolean; results: JsonRow[] };
    // Erlang C at 20 s: 79.56% with 13 agents, 88.84% with 14 (mpmath).
    expect(report.agents).toBe(14);
    expect(report.meetsGoal).toBe(true);
    const byAgents = new Map(report.results.map((row) => [row.agents, row]));
    expect([...byAgents.keys()]).toEqual([13, 14, 15]);
    expect(byAgents.get(13)!.serviceLevel!.slOffered).toBeLessThan(0.8);
    expect(byAgents.get(13)!.meetsGoal).toBe(false);
    expect(byAgents.get(14)!.serviceLevel!.slOffered).toBeGreaterThanOrEqual(0.8);
  });

  it('finds the fewest agents with Erlang A and a percentage goal, marking the answer in the table', async () => {
    const { code, out } = await erlang(...TEXTBOOK, '--patience', '5m', '--goal', '80%');
    expect(code).toBe(0);
    // mpmath Erlang A: slOffered(20 s) 77.23% with 12 agents, 85.82% with 13.
    expect(out).toMatch(/fewest agents\s+13/);
    expect(out).toMatch(/agents\s+12\s+13\*\s+14/);
    expect(out).toMatch(/meets goal\s+no\s+yes\s+yes/);
    expect(out).toMatch(/P\(abandon\)/);
  });

  it('exits 2 for a duration without a unit, naming the flag', async () => {
    const { code, out, err } = await erlang(
      '--calls',
      '100',
      '--interval',
      '30m',
      '--aht',
      '180',
      '--agents',
      '14',
    );
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(/--aht: expected a duration with a unit \(got "180"\)/);
  });

  it('exits 2 for numbers that would be Infinity, naming the flag that was given', async () => {
    const huge = `1${'0'.repeat(400)}`;
    const cases: [string[], RegExp][] = [
      [
        ['--calls', huge, '--interval', '30m', '--aht', '180s', '--agents', '14'],
        /^error: --calls: .*at most 1000000/,
      ],
      [
        ['--calls', '100', '--interval', '30m', '--aht', `${huge}s`, '--agents', '14'],
        /^error: --aht: duration too long/,
      ],
      [[...TEXTBOOK, '--agents', '14', '--patience', `${huge}s`], /^error: --patience: duration too long/],
      // A load the staffing search used to grind on for minutes.
      [
        ['--calls', '1000000', '--interval', '15m', '--aht', '366d', '--goal', '0.8'],
        /^error: --calls: offered load of 3\.51e\+10 erlangs/,
      ],
    ];
    for (const [args, message] of cases) {
      stderr.mockClear();
      const { code, err } = await erlang(...args);
      expect(code, args.join(' ')).toBe(2);
      expect(err, args.join(' ')).toMatch(message);
    }
  });

  it('exits 2 without --agents and --goal, for bad flags, and for an unreachable goal', async () => {
    expect((await erlang(...TEXTBOOK)).code).toBe(2);
    expect((await erlang(...TEXTBOOK, '--agents', '0')).code).toBe(2);
    expect((await erlang(...TEXTBOOK, '--goal', '1')).code).toBe(2);
    expect((await erlang(...TEXTBOOK, '--goal', '0.8', '--variant', 'sl')).code).toBe(2);
    expect((await erlang(...TEXTBOOK, '--agents', '14', '--max-asa', '10s')).code).toBe(2);
    expect((await erlang('--interval', '30m', '--aht', '180s', '--agents', '14')).code).toBe(2);
    const { code, err } = await erlang(...TEXTBOOK, '--goal', '0.8', '--max-asa', '0s');
    expect(code).toBe(2);
    expect(err).toMatch(/--goal: no staffing/);
  });

  it('shows n/a, never NaN, when the load reaches the agents', async () => {
    const table = await erlang(...TEXTBOOK, '--agents', '10');
    expect(table.code).toBe(0);
    expect(table.out).toMatch(/P\(wait\)\s+n\/a/);
    expect(table.out).not.toMatch(/NaN|Infinity/);
    stdout.mockClear();
    const json = await erlang(...TEXTBOOK, '--agents', '10', '--json');
    const row = (JSON.parse(json.out) as { results: JsonRow[] }).results[0]!;
    expect(row).toMatchObject({ stable: false, pWait: null, serviceLevel: null });
  });

  it('has an Examples section in --help', async () => {
    const { code, out } = await erlang('--help');
    expect(code).toBe(0);
    expect(out).toMatch(/Examples:\n/);
    expect(out).toMatch(/hotline erlang --calls 100/);
  });
});

describe('formatErlangReport', () => {
  it('aligns columns and prints n/a for missing metrics', () => {
    const report: ErlangReport = {
      model: 'erlangC',
      request: {
        callsPerInterval: 90,
        intervalS: 1800,
        ahtS: 200,
        patienceS: undefined,
        thresholdS: 20,
        agents: 10,
        goal: undefined,
      },
      arrivalRatePerS: 0.05,
      loadErlangs: 10,
      agents: 10,
      searched: false,
      rows: [
        {
          meetsGoal: null,
          metrics: {
            model: 'erlangC',
            loadErlangs: 10,
            agents: 10,
            thresholdS: 20,
            stable: false,
            pWait: null,
            asaS: null,
            pAbandon: null,
            occupancy: null,
            meanQueueLength: null,
            serviceLevel: null,
          },
        },
      ],
    };
    const lines = formatErlangReport(report).split('\n');
    expect(lines).toContain('traffic load    10.00 Erlangs');
    const table = lines.filter((line) => /^(agents|P\(wait\)|ASA|sl|occupancy)/.test(line));
    expect(table).toHaveLength(7);
    expect(new Set(table.map((line) => line.length)).size).toBe(1); // right-aligned to one width
    expect(table.slice(1).every((line) => line.endsWith('n/a'))).toBe(true);
  });
});
