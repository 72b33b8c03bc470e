import { describe, expect, it } from 'vitest';
import { channelDeadline, channelQueue, setsRequirement } from '../../planning/channelQueue.js';
import { fluidDeadlineAgents } from '../../planning/fluidDeadlineAgents.js';
import { withEmail } from './testing.js';

// withEmail: from Monday 2024-01-01, 30-minute intervals, 200 e-mails a day spread evenly around the
// clock, 10-minute handle time, office hours Mon-Fri 09:00-18:00, 90% within one working day (9 h).
const INTERVALS_PER_DAY = 48;
const at = (day: number, hh: number, mm = 0) => day * INTERVALS_PER_DAY + hh * 2 + mm / 30;

describe('e-mail in hotline staff', () => {
  const scenario = withEmail({}, { days: 5 });
  const deadline = channelDeadline(scenario, 'email')!;

  it('is a deadline, not a queue', () => {
    expect(channelQueue(scenario, 'email')).toBeNull();
    expect(setsRequirement(scenario, 'email')).toBe(true);
    expect(deadline.targets.thresholdS).toBe(9 * 3600);
  });

  it('brings each interval its e-mails times the mean handle time, workable in office hours only', () => {
    const perInterval = (200 / INTERVALS_PER_DAY) * 600;
    for (let i = 0; i < 5 * INTERVALS_PER_DAY; i++) expect(deadline.workS[i]).toBeCloseTo(perInterval, 9);
    expect(deadline.workingS[at(0, 8, 30)]).toBe(0);
    expect(deadline.workingS[at(0, 9)]).toBe(1800);
    expect(deadline.workingS[at(0, 17, 30)]).toBe(1800);
    expect(deadline.workingS[at(0, 18)]).toBe(0);
  });

  it('falls due one working day after the start of its interval (hand-computed)', () => {
    // Before opening: the working clock starts at 09:00, so due at 18:00 the same day (17:30 interval).
    expect(deadline.dueBy[at(0, 2)]).toBe(at(0, 17, 30));
    // 09:00 exactly: nine working hours end at 18:00 the same day.
    expect(deadline.dueBy[at(0, 9)]).toBe(at(0, 17, 30));
    // 10:00: eight hours Monday, one Tuesday: due Tuesday 10:00, the end of the 09:30 interval.
    expect(deadline.dueBy[at(0, 10)]).toBe(at(1, 9, 30));
    // 20:00, after closing: due at Tuesday's closing.
    expect(deadline.dueBy[at(1, 20)]).toBe(at(2, 17, 30));
    // Friday 10:00 is due on Monday, after the five-day horizon.
    expect(deadline.dueBy[at(4, 10)]).toBe(-1);
  });

  it('answers all that falls due in the week, as evenly as the deadlines allow (hand-computed)', () => {
    const rate = fluidDeadlineAgents(deadline);
    const work = (200 / INTERVALS_PER_DAY) * 600;
    // Due in the five days: the e-mails of Monday 00:00 to Friday 09:00 (4 days and 19 intervals);
    // Friday's later ones fall due next week.
    let done = 0;
    for (let i = 0; i < rate.length; i++) done += rate[i]! * deadline.workingS[i]!;
    expect(done).toBeCloseTo((4 * INTERVALS_PER_DAY + 19) * work, 6);
    // Outside office hours nobody is asked for.
    for (let day = 0; day < 5; day++) {
      expect(rate[at(day, 8, 30)]).toBe(0);
      expect(rate[at(day, 18)]).toBe(0);
    }
    // Monday must at least answer what came before 09:00 (19 intervals, due at 18:00); it also works
    // ahead on what comes later, so that Tuesday to Friday run flat, below the 3.70 agents that a
    // day's work (200 x 600 s) over a 9-hour day would need without that head start.
    const monday = rate[at(0, 12)]!;
    const tuesday = rate[at(1, 12)]!;
    expect(monday).toBeGreaterThanOrEqual((19 * work) / (9 * 3600));
    expect(monday).toBeLessThan(tuesday);
    for (const day of [1, 2, 3, 4]) {
      for (let hh = 9; hh < 18; hh++) expect(rate[at(day, hh)]).toBeCloseTo(tuesday, 9);
    }
    expect(tuesday).toBeLessThan((200 * 600) / (9 * 3600));
  });
});
