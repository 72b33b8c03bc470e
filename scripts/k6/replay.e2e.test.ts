import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { simulateScenario } from '../../sim/simulateScenario.js';
import { type LoadOptions, runLoad } from './runLoad.js';
import { meanAndSd } from './testing/meanAndSd.js';
import { predictedPhoneWindow } from './testing/predictedPhoneWindow.js';

// End-to-end replays with the REAL k6 (built by `npm run setup:k6`) against the mocks on loopback.
// Bounded: the short tests take ~10 s each; the closed loop (LONG) about 70 s.
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'hotline-replay-'));
});

const base = (name: string, extra: Partial<LoadOptions>): LoadOptions => ({
  scenarioFile: 'scenarios/stationary-mmc.json',
  timeScale: 600,
  day: 0,
  from: '00:10',
  to: '01:20',
  segments: 1,
  quiet: true,
  k6StdoutToStderr: true,
  toolVersion: 'test',
  out: join(dir, name),
  ...extra,
});

describe('k6 replay against the mocks', () => {
  it('2 execution segments offer the same arrivals per interval as 1 (within 1), and the mock agrees', async () => {
    // 18 agents for 10 Erlangs: the thresholds (80% in 20 s) hold whatever the machine's timing does
    // to the waits. With the file's 14, one run of a full suite on a loaded machine exited 99 (a
    // threshold breach) though the segments agreed. Thresholds have their own test below.
    const file = join(dir, 'ample.json');
    writeFileSync(
      file,
      readFileSync('scenarios/stationary-mmc.json', 'utf8').replace('"agents": 14', '"agents": 18'),
    );
    const one = await runLoad(base('one-segment', { scenarioFile: file }));
    const two = await runLoad(base('two-segments', { scenarioFile: file, segments: 2 }));
    expect(one.exitCode).toBe(0);
    expect(two.exitCode).toBe(0);
    // 00:10-01:20 cuts the first and last intervals (about 67, 100, 67 calls); the same seed draws
    // the same Poisson schedule for both runs, and k6 starts each interval's drawn count.
    expect(two.profile.channels.phone!.offsetsMs).toEqual(one.profile.channels.phone!.offsetsMs);
    for (const interval of one.profile.channels.phone!.intervals) {
      expect(Math.abs(interval.plannedCalls - interval.drawnCalls)).toBeLessThanOrEqual(1);
    }
    const offered = (folder: string) => {
      const [header, ...rows] = readFileSync(join(folder, 'intervals.csv'), 'utf8').trim().split('\n');
      const column = header!.split(',').indexOf('phone.offered');
      return rows.slice(0, 3).map((line) => Number(line.split(',')[column]));
    };
    const a = offered(one.saved.folder);
    const b = offered(two.saved.folder);
    one.profile.channels.phone!.intervals.forEach((interval, k) => {
      expect(Math.abs(a[k]! - b[k]!)).toBeLessThanOrEqual(1);
      expect(Math.abs(a[k]! - interval.drawnCalls)).toBeLessThanOrEqual(1);
    });
    expect(readFileSync(join(two.saved.folder, 'run.json'), 'utf8')).toContain('"segments": 2');

    // The mock's counters reconcile with what k6 counted, outcome by outcome. The mock gives up for
    // nobody (the callers hang up in k6), so its abandonments are hang-ups; an answer still in flight
    // when its caller hung up is answered there and abandoned here (see callers.e2e.test.ts).
    for (const result of [one, two]) {
      const state = result.mockState as { calls: Record<string, number>; hangUps: number };
      const phone = result.summary.channels.phone!;
      const inFlight = result.summary.serverCrossCheck?.outcomes['abandoned/answered'] ?? 0;
      const total = Object.values(state.calls).reduce((s, n) => s + n, 0);
      expect(total).toBe(phone.offered!.mean);
      expect(state.hangUps).toBe(state.calls.abandoned);
      expect(state.calls.answered).toBe(phone.answered!.mean! + inFlight);
      expect(state.calls.abandoned).toBe(phone.abandoned!.mean! - inFlight);
      for (const outcome of ['blocked', 'closed', 'selfServed'] as const) {
        expect(state.calls[outcome] ?? 0).toBe(phone[outcome]!.mean);
      }
    }
  });

  it('a threshold breach exits 99 and fails the JUnit case (9 agents for 10 Erlangs)', async () => {
    const text = readFileSync('scenarios/stationary-mmc.json', 'utf8').replace('"agents": 14', '"agents": 9');
    const file = join(dir, 'understaffed.json');
    writeFileSync(file, text);
    const result = await runLoad(base('breach', { scenarioFile: file, from: '00:00', to: '01:00' }));
    expect(result.exitCode).toBe(99);
    const junit = readFileSync(join(result.saved.folder, 'junit.xml'), 'utf8');
    expect(junit).toMatch(/<failure message="(sl_offered|abandon_rate|asa_s) /);
    // The result lists the same failures the JUnit file has (hotline load prints them).
    const failed = result.thresholds.filter((t) => !t.ok);
    expect(failed.length).toBeGreaterThan(0);
    expect((junit.match(/<failure /g) ?? []).length).toBe(failed.length);
  });
});

describe('retrials in the replay', () => {
  it('blocked callers call again as the scenario says; the mock counts every attempt', async () => {
    // 12 trunk lines for 10 Erlangs (Erlang B blocks ~12%), every blocked caller retries after 2 min.
    const scenario = JSON.parse(readFileSync('scenarios/stationary-mmc.json', 'utf8'));
    delete scenario.$schema;
    Object.assign(scenario.channels.phone, {
      trunkLines: 12,
      retrial: { afterBlocked: 1, delay: '2m', maxAttempts: 3 },
    });
    scenario.agents.groups[0].staffing = { kind: 'constant', agents: 20 };
    const file = join(dir, 'retrials.json');
    writeFileSync(file, JSON.stringify(scenario));
    const result = await runLoad(
      base('retrials', { scenarioFile: file, timeScale: 900, from: '00:00', to: '02:00' }),
    );
    const phone = result.summary.channels.phone!;
    const retrials = phone.retrials!.mean!;
    expect(retrials).toBeGreaterThan(0);
    expect(phone.offered!.mean).toBe(result.profile.channels.phone!.plannedCalls + retrials);
    const state = result.mockState as { calls: Record<string, number> };
    expect(Object.values(state.calls).reduce((a, b) => a + b, 0)).toBe(phone.offered!.mean);

    // k6 drew nothing itself: the retrial decisions and delays come from the callers file, so the same
    // seed replays the same callers.
    // The simulator's retrials in the same window, replication by replication: one replay should
    // land inside their spread (4 sd: one draw, and the replay's own real-time noise).
    const sim = await simulateScenario(
      { text: JSON.stringify(scenario), file },
      { replications: 30, seed: 1, window: { day: 1, from: '00:00', to: '02:00' } },
    );
    const values = sim.perReplication.map((r) => r.channels.phone!.run.retrials!);
    const { mean, sd } = meanAndSd(values);
    expect(
      Math.abs(retrials - mean),
      `replay ${retrials}, sim ${mean.toFixed(1)} +- ${sd.toFixed(1)}`,
    ).toBeLessThanOrEqual(4 * sd);
  }, 60_000);
});

describe('closed loop (LONG, ~70 s): k6 against the mocks measures what the simulator predicts', () => {
  it('stationary-mmc, 00:00-02:00 at time scale 120: SL, abandonment and ASA within tolerance of hotline sim', async () => {
    const file = 'scenarios/stationary-mmc.json';
    // Per replication, the same 2-hour window (intervals 0-3) the replay covers: one k6 run is one
    // replication of ~400 calls, so its spread is the spread of these window values.
    const { sl, abandon, asa } = await predictedPhoneWindow(file, readFileSync(file, 'utf8'), 4);

    const result = await runLoad({
      ...base('closed-loop', {}),
      timeScale: 120,
      from: '00:00',
      to: '02:00',
    });
    const measured = result.summary.channels.phone!;
    const report = {
      sim: { sl, abandon, asa },
      k6: {
        offered: measured.offered!.mean,
        sl: measured.slOffered!.mean,
        abandon: measured.abandonRate!.mean,
        asa: measured.asaS!.mean,
      },
    };
    console.log(JSON.stringify(report, null, 2));
    // Poisson arrivals: the drawn count (about 400 +- 20) is what k6 must have offered, exactly.
    expect(measured.offered!.mean).toBe(result.profile.channels.phone!.plannedCalls);
    expect(Math.abs(result.profile.channels.phone!.plannedCalls - 400)).toBeLessThan(4 * 20);
    // Tolerance: 3 standard deviations of the simulator's own run-to-run spread over this window
    // (about 400 calls, so sd(SL) ~ 0.03, about twice the binomial sqrt(p(1-p)/400) because waits in
    // a queue are correlated), plus a small allowance for real-time effects of the mocks (timer
    // granularity of ~1 ms is 0.12 model s at 120x; HTTP latency of a few ms is a few tenths of a
    // model second). The replay draws its arrivals as the simulator does (Poisson counts, uniform
    // times), so one k6 run is one more replication of the same process, not a smoother one.
    // Client-side patience: the mock applied none, every abandonment was a caller hanging up in k6.
    const state = result.mockState as { calls: Record<string, number>; hangUps: number };
    expect(state.hangUps).toBe(state.calls.abandoned);
    expect(measured.abandoned!.mean).toBeGreaterThan(0);
    expect(Math.abs(measured.slOffered!.mean! - sl.mean)).toBeLessThanOrEqual(3 * sl.sd + 0.02);
    expect(Math.abs(measured.abandonRate!.mean! - abandon.mean)).toBeLessThanOrEqual(3 * abandon.sd + 0.01);
    expect(Math.abs(measured.asaS!.mean! - asa.mean)).toBeLessThanOrEqual(3 * asa.sd + 1);
  }, 180_000);
});
