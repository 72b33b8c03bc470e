import { describe, expect, it } from 'vitest';
import { runUntil } from '../../engine/BatchDriver.js';
import { createModelRun } from '../../ModelRun.js';
import { measureEmail } from './measureEmail.js';
import { withEmail } from './testing.js';

// The e-mail service level on the working-hours clock, hand-computed. One agent works e-mails only
// (no calls), Mon-Fri 09:00-18:00, Wednesday 2024-01-03 closed, every e-mail takes exactly 30 min.
// E-mails are offered from outside at chosen instants over the week from Monday 2024-01-01:
//  A  Mon 17:45        opened at once, answered Mon 18:15 (finished after closing): 15 min working
//  B  Mon 20:00        the evening: opened Tue 09:00, answered 09:30: 30 min working
//  C1 Tue 17:50        answered 18:20: 10 min;  C2 Tue 17:55: waits over closed Wednesday,
//                      opened Thu 09:00, answered 09:30: 5 + 30 = 35 min working
//  X  20 x Thu 08:00   x_i opened 09:30 + 30i min; i <= 16 answered Thu, 1 h + 0.5 i h working;
//                      x_17..x_19 answered Fri 09:30, 10:00, 10:30: 9.5, 10, 10.5 h working
//  Z  2 x Thu 17:00    answered Fri 11:00, 11:30: 3 h and 3.5 h working
//  Y  25 x Fri 08:00   y_j opened 11:30 + 30j min; j <= 12 answered Fri, 3 h + 0.5 j h working;
//                      y_13..y_24 unanswered at the end (Sunday 24:00): 9 h working old (the
//                      weekend adds nothing)
// 51 received, 39 answered, 12 unanswered at the end.

const H = 3600;
const DAY = 86_400;
const at = (day: number, hh: number, mm = 0) => day * DAY + hh * H + mm * 60;
const MON = 0;
const TUE = 1;
const THU = 3;
const FRI = 4;

const ARRIVALS: number[] = [
  at(MON, 17, 45),
  at(MON, 20),
  at(TUE, 17, 50),
  at(TUE, 17, 55),
  ...Array(20).fill(at(THU, 8)),
  ...Array(2).fill(at(THU, 17)),
  ...Array(25).fill(at(FRI, 8)),
];

function runWeek(answeredWithin?: string) {
  const scenario = withEmail(
    {
      closedDates: ['2024-01-03'],
      handleTime: '30m',
      targets: { goal: 0.9, ...(answeredWithin ? { answeredWithin } : {}) },
    },
    {
      days: 7,
      callsPerDay: 0,
      groups: [
        { name: 'operators', skills: ['phone'], staffing: { kind: 'constant', agents: 0 } },
        { name: 'mail-desk', skills: ['email'], staffing: { kind: 'constant', agents: 1 } },
      ],
    },
  );
  const answers = new Map<number, { atS: number; workingS: number }>();
  const run = createModelRun(scenario, {
    seed: 1,
    replication: 0,
    mode: 'realtime',
    observers: { email: { answered: (id, atS, _agent, workingS) => answers.set(id, { atS, workingS }) } },
  });
  const email = run.processes.email!;
  ARRIVALS.forEach((t, id) => {
    runUntil(run.simulation, t);
    email.offer(t, id);
  });
  const horizonS = run.simulation.horizonS;
  runUntil(run.simulation, horizonS - 1e-6);
  email.finish(horizonS);
  return { answers, metrics: measureEmail(email.counters, scenario.calendar) };
}

describe('e-mail service level on the working-hours clock (hand-computed week)', () => {
  it('answers each e-mail when the hand computation says, with its working response time', () => {
    const { answers } = runWeek();
    const x = (i: number) => 4 + i;
    const y = (j: number) => 26 + j;
    expect(answers.get(0)).toEqual({ atS: at(MON, 18, 15), workingS: 0.25 * H });
    expect(answers.get(1)).toEqual({ atS: at(TUE, 9, 30), workingS: 0.5 * H });
    expect(answers.get(2)).toEqual({ atS: at(TUE, 18, 20), workingS: 10 * 60 });
    expect(answers.get(3)).toEqual({ atS: at(THU, 9, 30), workingS: 35 * 60 });
    expect(answers.get(x(0))).toEqual({ atS: at(THU, 10), workingS: H });
    expect(answers.get(x(16))).toEqual({ atS: at(THU, 18), workingS: 9 * H });
    expect(answers.get(x(17))).toEqual({ atS: at(FRI, 9, 30), workingS: 9.5 * H });
    expect(answers.get(x(19))).toEqual({ atS: at(FRI, 10, 30), workingS: 10.5 * H });
    expect(answers.get(24)).toEqual({ atS: at(FRI, 11), workingS: 3 * H });
    expect(answers.get(y(12))).toEqual({ atS: at(FRI, 18), workingS: 9 * H });
    expect(answers.has(y(13))).toBe(false);
    expect(answers.size).toBe(39);
  });

  it('one working day (9 h, the default): 36 of 39 answered in time, nothing overdue yet', () => {
    const { run } = runWeek().metrics;
    expect(run).toMatchObject({ offered: 51, answered: 39, backlogAtEnd: 12, overdueAtEnd: 0 });
    // Within 9 h: A, B, C1, C2, x_0..x_16, both Z, y_0..y_12.
    expect(run.slAnswered).toBeCloseTo(36 / 39, 12);
    expect(run.slIncludingOverdue).toBeCloseTo(36 / 39, 12);
  });

  it('4 working hours: the unanswered Friday e-mails are overdue and count against slIncludingOverdue', () => {
    const { run } = runWeek('4h').metrics;
    expect(run).toMatchObject({ offered: 51, answered: 39, backlogAtEnd: 12, overdueAtEnd: 12 });
    // Within 4 h: A, B, C1, C2, x_0..x_6 (1 h + 0.5 i <= 4 h), both Z, y_0..y_2 (3 h + 0.5 j <= 4 h).
    expect(run.slAnswered).toBeCloseTo(16 / 39, 12);
    expect(run.slIncludingOverdue).toBeCloseTo(16 / 51, 12);
  });

  it('days: Thursday receives 22, answers 18, and ends with 5 unanswered', () => {
    const { days } = runWeek().metrics;
    // Thursday: C2 and x_0..x_16 answered; received X and Z; left: x_17..x_19, Z.
    expect(days[THU]).toMatchObject({ offered: 22, answered: 18, backlogAtEnd: 5 });
    expect(days[2]).toMatchObject({ offered: 0, answered: 0, backlogAtEnd: 1 });
  });
});
