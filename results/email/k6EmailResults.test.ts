import { describe, expect, it } from 'vitest';
import { measureEmail } from '../../sim/channels/email/measureEmail.js';
import { withEmail } from '../../sim/channels/email/testing.js';
import { runUntil } from '../../sim/engine/BatchDriver.js';
import { createModelRun } from '../../sim/ModelRun.js';
import { channelMetrics } from '../../sim/metrics/metricRegistry.js';
import { emailK6Results, measureK6Email } from './k6EmailResults.js';
import type { MeasuredEmails } from './measuredEmail.js';

/**
 * The simulator's e-mails seen as a client sees them: every e-mail's receipt, opening and answer from
 * the process's observer (the mocks' transport hears the same), each unanswered one overdue when the
 * horizon is past its due instant. An overloaded blended desk over 2 days, so that answers are late,
 * some are overdue at the end and some are pending.
 */
function simulatedAsClient() {
  const scenario = withEmail(
    {
      demand: { emailsPerDay: 1500, intradayShape: Array(48).fill(1) },
      handleTime: { kind: 'exponential', mean: '6m' },
      targets: { goal: 0.9, answeredWithin: '4h' },
    },
    { days: 2, callsPerDay: 2400 },
  );
  const received = new Map<
    number,
    { atS: number; openedAtS?: number; answeredAtS?: number; workingS?: number }
  >();
  const run = createModelRun(scenario, {
    seed: 'k6-email',
    replication: 0,
    mode: 'batch',
    observers: {
      email: {
        arrived: (id, atS) => received.set(id, { atS }),
        started: (id, atS) => {
          received.get(id)!.openedAtS = atS;
        },
        answered: (id, atS, _agent, workingS) =>
          Object.assign(received.get(id)!, { answeredAtS: atS, workingS }),
      },
    },
  });
  const email = run.processes.email!;
  const horizonS = run.simulation.horizonS;
  runUntil(run.simulation, horizonS);
  email.finish(horizonS);
  const { intervalS } = scenario.calendar;
  const facts: MeasuredEmails = emailK6Results.emptyFacts();
  for (const e of received.values()) {
    const interval = Math.floor(e.atS / intervalS);
    if (e.openedAtS !== undefined) facts.waits.push({ interval, s: e.openedAtS - e.atS });
    if (e.answeredAtS !== undefined) {
      facts.emails.push({ interval, outcome: 'answered' });
      facts.responsesWorking.push({ interval, s: e.workingS! });
      facts.responses.push({ interval, s: e.answeredAtS - e.atS });
      facts.answers.push(Math.floor(e.answeredAtS / intervalS));
    } else {
      const overdue = horizonS > email.dueAt(e.atS);
      facts.emails.push({ interval, outcome: overdue ? 'overdue' : 'pending' });
    }
  }
  return { scenario, facts, sim: measureEmail(email.counters, scenario.calendar) };
}

describe('e-mail in a k6 run', () => {
  const { scenario, facts, sim } = simulatedAsClient();
  const thresholdS = scenario.channels.email!.targets.thresholdS;

  it("the simulator's own e-mails, read as a client's facts, give the simulator's figures (run, day, interval)", () => {
    const measured = measureK6Email(facts, thresholdS);
    const outcomes = facts.emails.map((e) => e.outcome);
    // The case covers every verdict.
    expect(outcomes.filter((o) => o === 'overdue').length).toBeGreaterThan(10);
    expect(outcomes.filter((o) => o === 'pending').length).toBeGreaterThan(10);
    expect(sim.run.slIncludingOverdue!).toBeLessThan(0.9);
    for (const spec of channelMetrics('email')) {
      if (spec.k6 === null) expect(measured[spec.name], spec.name).toEqual({ mean: null, ci95: null, n: 0 });
      else expect(measured[spec.name]!.mean, spec.name).toBeCloseTo(sim.run[spec.name]!, 9);
    }
    const day1 = measureK6Email(facts, thresholdS, (k) => k >= 48);
    expect(day1.slIncludingOverdue!.mean).toBeCloseTo(sim.days[1]!.slIncludingOverdue!, 12);
    expect(day1.answered!.mean).toBe(sim.days[1]!.answered);
    const k = 60;
    const one = measureK6Email(facts, thresholdS, (i) => i === k);
    expect(one.offered!.mean).toBe(sim.intervals[k]!.offered);
    expect(one.answered!.mean).toBe(sim.intervals[k]!.answered);
    expect(one.responseMeanWorkingH!.mean).toBeCloseTo(sim.intervals[k]!.responseMeanWorkingH!, 9);
  });

  it('a service level carries its Wilson interval over its own denominator; counts are exact', () => {
    const measured = measureK6Email(facts, thresholdS);
    const sl = measured.slIncludingOverdue!;
    const overdue = facts.emails.filter((e) => e.outcome === 'overdue').length;
    const answered = facts.emails.filter((e) => e.outcome === 'answered').length;
    expect(sl.n).toBe(answered + overdue);
    expect(sl.ci95![0]).toBeLessThan(sl.mean!);
    expect(sl.ci95![1]).toBeGreaterThan(sl.mean!);
    expect(measured.overdueAtEnd).toEqual({ mean: overdue, ci95: null, n: 1 });
  });

  it('reads its samples into its facts (hours back to seconds; answers by the interval they were sent in)', () => {
    const into = emailK6Results.emptyFacts();
    const tags = { channel: 'email', interval: '20' };
    const s = emailK6Results.samples;
    s.emails!({ value: 1, tags: { ...tags, outcome: 'answered' }, metadata: undefined }, into);
    s.email_response_working_h!({ value: 0.5, tags, metadata: undefined }, into);
    s.email_response_h!({ value: 0.75, tags, metadata: undefined }, into);
    s.email_wait_s!({ value: 12, tags, metadata: undefined }, into);
    s.email_answers!({ value: 1, tags: { ...tags, interval: '21' }, metadata: undefined }, into);
    expect(into).toEqual({
      emails: [{ interval: 20, outcome: 'answered' }],
      responsesWorking: [{ interval: 20, s: 1800 }],
      responses: [{ interval: 20, s: 2700 }],
      waits: [{ interval: 20, s: 12 }],
      answers: [21],
    });
  });
});
