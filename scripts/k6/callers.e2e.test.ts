import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CallResult } from '../../mocks/phone/callTypes.js';
import { loadRun } from '../../results/loadRun.js';
import { renderReport } from '../../results/report/renderReport.js';
import { type LoadOptions, runLoad } from './runLoad.js';
import { predictedPhoneWindow } from './testing/predictedPhoneWindow.js';

// The caller is the client (issue 12), with the REAL k6 against the mocks on 127.0.0.1: k6 draws
// nothing itself, hangs up at each caller's patience and measures waits on its own clock; the mocks
// apply no patience of their own. Bounded: about 25 s and 75 s of wall time. Nothing here bounds the
// loopback latency (a busy machine must give the same verdicts as an idle one): only what latency
// cannot change is asserted exactly (causality, the call-by-call books); the model times of a
// hang-up are checked exactly, on a hand-moved clock, in mocks/phone/hangUp.test.ts.
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'hotline-callers-'));
});

const base = (name: string, extra: Partial<LoadOptions>): LoadOptions => ({
  scenarioFile: 'scenarios/stationary-mmc.json',
  timeScale: 120,
  day: 0,
  from: '00:00',
  to: '01:00',
  segments: 1,
  quiet: true,
  k6StdoutToStderr: true,
  toolVersion: 'test',
  out: join(dir, name),
  ...extra,
});

describe('callers hang up in k6', () => {
  it('a client that hangs up is never answered: the mock and k6 agree call by call', async () => {
    // 11 agents for 10 Erlangs: a long queue, many callers run out of patience (exponential, 5 min).
    const text = readFileSync('scenarios/stationary-mmc.json', 'utf8').replace(
      '"agents": 14',
      '"agents": 11',
    );
    const file = join(dir, 'eleven.json');
    writeFileSync(file, text);
    const result = await runLoad(base('hang-ups', { scenarioFile: file }));
    const mock = new Map((result.mockContacts!.phone as CallResult[]).map((c) => [c.callId, c]));
    // No retrials in this scenario: callId = <runId>-<n>, caller n's first attempt.
    const patienceOf = (callId: string) =>
      result.profile.channels.phone!.callers[Number(callId.split('-').pop())]!.p[0]!;
    const calls = result.measurement.channels.phone!.calls;
    expect(calls.length).toBe(result.profile.channels.phone!.plannedCalls);
    expect(mock.size).toBe(calls.length);
    let hungUp = 0;
    let inFlight = 0;
    for (const call of calls) {
      const server = mock.get(call.callId!)!;
      expect(server, call.callId).toBeDefined();
      if (call.outcome === 'answered') expect(server.outcome).toBe('answered');
      else {
        expect(call.outcome).toBe('abandoned');
        const patienceS = patienceOf(call.callId!);
        // k6 hung up at the caller's patience: never before its timeout (to the wall ms: 0.12 model s).
        expect(call.waitS).toBeGreaterThanOrEqual(patienceS - 0.2);
        if (server.outcome === 'abandoned') {
          hungUp++;
          // Ended by the hang-up (the mock applied no patience of its own), never by an agent.
          expect(server.reason).toBe('hangUp');
          expect(server.agent).toBeNull();
        } else {
          // The answer was already on its way when the caller hung up: answered before the hang-up.
          expect(server.outcome).toBe('answered');
          inFlight++;
        }
      }
    }
    // Callers abandon as the scenario says, though the mock applied no patience: inside the prediction.
    const sim = await predictedPhoneWindow(file, text, 2);
    const phone = result.summary.channels.phone!;
    console.log(
      JSON.stringify({ calls: calls.length, hungUp, inFlight, sim, abandonRate: phone.abandonRate!.mean }),
    );
    expect(Math.abs(phone.abandonRate!.mean! - sim.abandon.mean)).toBeLessThanOrEqual(
      3 * sim.abandon.sd + 0.01,
    );
    expect(hungUp).toBeGreaterThan(5);
    expect(hungUp + inFlight).toBe(phone.abandoned!.mean);
    // The counters say the same: every abandonment at the mock is a hang-up; totals match.
    const state = result.mockState as { calls: Record<string, number>; hangUps: number };
    expect(state.hangUps).toBe(hungUp);
    expect(state.calls.abandoned).toBe(hungUp);
    expect(state.calls.answered).toBe(result.summary.channels.phone!.answered!.mean! + inFlight);
    expect(result.summary.serverCrossCheck?.outcomes).toEqual({
      'answered/answered': result.summary.channels.phone!.answered!.mean,
      'abandoned/abandoned': hungUp,
      ...(inFlight > 0 ? { 'abandoned/answered': inFlight } : {}),
    });
  }, 60_000);

  it('500 ms of server latency (30 model s at 60x): k6 measures ASA up by ~30 s and SL down, the server self-report does not move', async () => {
    const scenario = JSON.parse(readFileSync('scenarios/stationary-mmc.json', 'utf8'));
    delete scenario.$schema;
    scenario.channels.phone.faults = { addedLatency: '500ms' };
    const text = JSON.stringify(scenario);
    const file = join(dir, 'slow.json');
    writeFileSync(file, text);
    const result = await runLoad(base('slow', { scenarioFile: file, timeScale: 60 }));
    const check = result.summary.serverCrossCheck!;
    const phone = result.summary.channels.phone!;
    const sim = await predictedPhoneWindow(file, text, 2);
    const report = { sim, check, client: { sl: phone.slOffered!.mean, asa: phone.asaS!.mean } };
    console.log(JSON.stringify(report, null, 2));

    // Same calls answered on both sides: the client waited the server's wait + 30 s + HTTP latency
    // (never negative, so only the lower bound is the machine's to keep).
    expect(check.waitGapS!.mean).toBeGreaterThanOrEqual(29.9);
    expect(check.waitGapS!.p50).toBeGreaterThanOrEqual(29.9);
    // The server's self-report (the mocks' record) is the undisturbed model: inside the prediction.
    expect(check.source).toBe('mockLog');
    expect(Math.abs(check.server.slOffered! - sim.sl.mean)).toBeLessThanOrEqual(3 * sim.sl.sd + 0.02);
    expect(Math.abs(check.server.asaS! - sim.asa.mean)).toBeLessThanOrEqual(3 * sim.asa.sd + 1);
    // The client: nobody can hear an answer within T = 20 s any more; ASA up by about the latency
    // (less a little: callers whose patience ran out during the 30 s hung up and left the answered).
    expect(phone.slOffered!.mean).toBe(0);
    expect(check.difference.slOffered).toBeCloseTo(-check.server.slOffered!, 10);
    expect(check.difference.asaS!).toBeGreaterThanOrEqual(20);
    expect(check.client.abandonRate!).toBeGreaterThan(check.server.abandonRate!);

    // The report shows both.
    const html = renderReport(loadRun(result.saved.folder));
    expect(html).toContain('Client measurement vs server self-report');
    expect(html).toMatch(/client − server/);
  }, 120_000);
});
