import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRun } from '../../../results/loadRun.js';
import { loadScenarioText } from '../../../scenarios/loadScenario.js';
import { runUntil } from '../../../sim/engine/BatchDriver.js';
import { createModelRun } from '../../../sim/ModelRun.js';
import { runLoad } from '../runLoad.js';
import { compareWithPrediction } from '../testing/compareWithPrediction.js';
import { meanAndSd } from '../testing/meanAndSd.js';

// The REAL k6 against the mocks on loopback: an e-mail desk alone, one hour of e-mails (09:00-10:00,
// none before) answered by 2 agents whose shift ends at 10:00, against a target of 20 minutes on a
// 24/7 clock. At 240x the window is 15 s of wall time and the grace 5 s (until 10:20, when the last
// e-mail of the window is due), so every e-mail has its verdict when polling ends, and nobody answers
// after 10:00 but the e-mails already in hand (done long before 10:20): k6 saw every answer the mock
// gave. The truth: the mock's own counts, and the simulator's spread of the same window.

function emailScenario(): string {
  const file = JSON.parse(readFileSync('scenarios/stationary-mmc.json', 'utf8'));
  delete file.$schema;
  delete file.channels.phone;
  file.agents.groups = [
    {
      name: 'email-desk',
      skills: ['email'],
      staffing: { kind: 'shifts', shifts: [{ start: '09:00', length: '1h', agents: 2 }] },
    },
  ];
  const shape = Array(48).fill(0);
  shape[18] = 1;
  shape[19] = 1;
  file.channels.email = {
    workingHours: '24/7',
    demand: { emailsPerDay: 80, intradayShape: shape },
    handleTime: { kind: 'lognormal', mean: '2m', cv: 0.5 },
    targets: { answeredWithin: '20m', goal: 0.8 },
  };
  return JSON.stringify(file);
}

/** slIncludingOverdue over the window's e-mails per batch replication (the run's horizon is midnight). */
function predicted(text: string, replications: number) {
  const scenario = loadScenarioText(text, 'email-e2e.json');
  return Array.from({ length: replications }, (_, r) => {
    const run = createModelRun(scenario, { seed: 1, replication: r, mode: 'batch' });
    runUntil(run.simulation, run.simulation.horizonS);
    run.processes.email!.finish(run.simulation.horizonS);
    const c = run.processes.email!.counters;
    const within = c.answeredWithinT[18]! + c.answeredWithinT[19]!;
    const answered = c.cohortAnswered[18]! + c.cohortAnswered[19]!;
    const overdue = c.overdueAtEnd[18]! + c.overdueAtEnd[19]!;
    return within / (answered + overdue);
  });
}

describe('e-mail replay (submit + poll) against the mocks', () => {
  it('submits every planned e-mail, sees every answer the mock gave, and lands in the simulator spread', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hotline-email-replay-'));
    const text = emailScenario();
    const file = join(dir, 'email-e2e.json');
    writeFileSync(file, text);
    const result = await runLoad({
      scenarioFile: file,
      timeScale: 240,
      day: 0,
      from: '09:00',
      to: '10:00',
      segments: 1,
      quiet: true,
      k6StdoutToStderr: true,
      toolVersion: 'test',
      out: join(dir, 'k6-run'),
    });
    const email = (result.summary.channels as Record<string, Record<string, { mean: number | null }>>).email!;
    const plan = result.profile.channels.email!;
    const planned = plan.plannedEmails;
    const facts = result.measurement.channels.email!;
    const outcomes = facts.emails.map((e) => e.outcome);
    const count = (o: string) => outcomes.filter((x) => x === o).length;
    const state = result.mockState as {
      email: { submitted: number; answered: number; waiting: number; inHand: number };
    };
    const sim = meanAndSd(predicted(text, 40));
    console.log(
      JSON.stringify({
        planned,
        graceMs: plan.graceMs,
        pollEveryMs: plan.pollEveryMs,
        mock: state.email,
        k6: {
          answered: count('answered'),
          overdue: count('overdue'),
          pending: count('pending'),
          error: count('error'),
          answersInWindow: email.answered!.mean,
          sl: email.slIncludingOverdue!.mean,
          responseMeanWorkingH: email.responseMeanWorkingH!.mean,
        },
        sim,
      }),
    );
    expect(Object.keys(result.summary.channels)).toEqual(['email']);
    // Conservation: every planned e-mail was submitted once, and the mock received exactly those.
    expect(outcomes.length).toBe(planned);
    expect(count('error')).toBe(0);
    expect(email.offered!.mean).toBe(planned);
    expect(state.email.submitted).toBe(planned);
    // Every answer the mock gave, k6 saw; the rest are still in its backlog. They are past their target
    // (overdue), but for an e-mail sent late enough after 09:59 by a loaded machine (pending: its due
    // instant after the horizon), so the two are counted together.
    expect(count('answered')).toBe(state.email.answered);
    expect(count('overdue') + count('pending')).toBe(state.email.waiting);
    expect(state.email.inHand).toBe(0);
    expect(email.overdueAtEnd!.mean).toBe(count('overdue'));
    // 80 expected in the hour (Poisson); 2 agents at 2 min answer about 60: both verdicts occur.
    expect(Math.abs(planned - 80)).toBeLessThan(4 * Math.sqrt(80));
    expect(count('answered')).toBeGreaterThan(20);
    // One replay is one replication: within 3 sd of the simulator's spread, plus a small allowance
    // for real-time effects (1 ms of timer delay is 0.24 model s at 240x).
    expect(Math.abs(email.slIncludingOverdue!.mean! - sim.mean)).toBeLessThanOrEqual(3 * sim.sd + 0.03);

    // k6's own aggregates (its end-of-test summary, from the per-e-mail Rate and Counter samples)
    // agree with the figures hotline derived from the sample stream by the simulator's formulas.
    const k6Own = JSON.parse(readFileSync(join(result.saved.folder, 'k6-summary.json'), 'utf8')).metrics;
    expect(k6Own.emails.count).toBe(planned);
    expect(k6Own.email_sl_including_overdue.value).toBeCloseTo(email.slIncludingOverdue!.mean!, 12);
    expect(k6Own.email_response_working_h.avg).toBeCloseTo(email.responseMeanWorkingH!.mean!, 9);

    // The run folder loads, carries email.<metric> columns, and compares with a sim run of the window.
    const loaded = loadRun(result.saved.folder);
    expect(loaded.info.kind).toBe('k6');
    const csv = readFileSync(join(result.saved.folder, 'intervals.csv'), 'utf8').split('\n');
    const column = csv[0]!.split(',').indexOf('email.offered');
    expect(column).toBeGreaterThan(0);
    expect(Number(csv[19]!.split(',')[column]) + Number(csv[20]!.split(',')[column])).toBe(planned);
    const printed = compareWithPrediction(file, result.saved.folder, dir, {
      day: 1,
      from: '09:00',
      to: '10:00',
    });
    // The prediction-vs-measurement table has the e-mail rows k6 measures (its SL first).
    expect(printed).toMatch(/email: SL working hours \(slIncludingOverdue\)/);
    expect(printed).toMatch(/email: received/);
  }, 120_000);
});
