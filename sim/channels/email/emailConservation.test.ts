import { describe, expect, it } from 'vitest';
import { runUntil } from '../../engine/BatchDriver.js';
import { createModelRun } from '../../ModelRun.js';
import { total } from '../../testing/scenarioText.js';
import { measureEmail } from './measureEmail.js';
import { withEmail } from './testing.js';

// Conservation of e-mails and the rules of who works them, on a blended desk: 14 agents take calls
// first and e-mails when no call waits, Mon-Fri 09:00-18:00, over 2 days with 2,400 calls and 1,500 e-mails a day (more than the desk can answer: a backlog builds up and agents are busy at closing).
// - every e-mail received is answered or still in the backlog at the end (per run, and per interval:
//   the backlog the measurement derives from flows equals the e-mails the process holds at each
//   interval's end);
// - an e-mail is opened only in working hours, and only when no call waits;
// - an agent who opened one before closing finishes it, so some answers go out after 18:00.

const DAYS = 2;

function blended(replication: number) {
  const scenario = withEmail(
    {
      demand: { emailsPerDay: 1500, intradayShape: Array(48).fill(1) },
      handleTime: { kind: 'exponential', mean: '6m' },
    },
    { days: DAYS, callsPerDay: 2400 },
  );
  const started: { atS: number; callsWaiting: number }[] = [];
  const answeredAt: number[] = [];
  /** Agent-seconds on e-mail, summed contact by contact: opened to answered, or to the horizon. */
  const openedAt = new Map<number, number>();
  let workedS = 0;
  const holding: number[] = [];
  const run = createModelRun(scenario, {
    seed: 'email-conservation',
    replication,
    mode: 'batch',
    observers: {
      email: {
        started: (id, atS) => {
          started.push({ atS, callsWaiting: run.processes.phone!.queued });
          openedAt.set(id, atS);
        },
        answered: (id, atS) => {
          answeredAt.push(atS);
          workedS += atS - openedAt.get(id)!;
          openedAt.delete(id);
        },
      },
    },
  });
  const email = run.processes.email!;
  const { intervalS } = scenario.calendar;
  for (let k = 1; k <= run.simulation.intervals; k++) {
    runUntil(run.simulation, k * intervalS - 1e-7);
    holding.push(email.waiting + email.inHand);
  }
  runUntil(run.simulation, run.simulation.horizonS);
  email.finish(run.simulation.horizonS);
  for (const at of openedAt.values()) workedS += run.simulation.horizonS - at;
  return {
    workedS,
    scenario,
    email,
    started,
    answeredAt,
    holding,
    metrics: measureEmail(email.counters, scenario.calendar),
  };
}

describe('e-mail conservation and working rules', () => {
  for (const replication of [0, 1, 2]) {
    it(`replication ${replication}: received = answered + backlog, per run and per interval`, () => {
      const { email, metrics, holding, answeredAt, workedS } = blended(replication);
      const { run, intervals } = metrics;
      expect(run.offered!).toBeGreaterThan(1000);
      expect(run.offered).toBe(run.answered! + run.backlogAtEnd!);
      expect(run.backlogAtEnd).toBe(total(email.counters.unansweredAtEnd));
      expect(run.answered).toBe(answeredAt.length);
      expect(intervals.map((m) => m.backlogAtEnd)).toEqual(holding);
      // The pool's integral of agent time on e-mail is the sum of every e-mail's time in an agent's hands.
      expect(run.workedHours! * 3600).toBeCloseTo(workedS, 3);
      // Cohorts: answered by the end or unanswered at the end, nothing lost.
      expect(total(email.counters.cohortAnswered) + total(email.counters.unansweredAtEnd)).toBe(run.offered);
    });
  }

  it('opens e-mails only in working hours and when no call waits; finishes some after closing', () => {
    const { scenario, started, answeredAt } = blended(0);
    const clock = scenario.channels.email!.workingHours;
    expect(started.length).toBeGreaterThan(1000);
    expect(started.filter((s) => !clock.isWorking(s.atS))).toEqual([]);
    expect(started.filter((s) => s.callsWaiting > 0)).toEqual([]);
    const afterClosing = answeredAt.filter((t) => !clock.isWorking(t));
    expect(afterClosing.length).toBeGreaterThan(0);
    // At most one e-mail per agent (14) is finished after each closing.
    expect(afterClosing.length).toBeLessThanOrEqual(14 * DAYS);
  });
});
