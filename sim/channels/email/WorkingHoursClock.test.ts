import { describe, expect, it } from 'vitest';
import type { InputIssue } from '../../../scenarios/inputError.js';
import type { CalendarModel } from '../../../scenarios/ScenarioModel.js';
import { buildWorkingHours, longestWorkingDayS } from './buildWorkingHours.js';
import { WorkingHoursClock } from './WorkingHoursClock.js';

// Hand-computed cases on a week from Monday 2024-01-01 (a 7-day horizon, so the next Monday is the
// period's repeat): office hours Mon-Fri 09:00-18:00 (9 h a day), Wednesday 2024-01-03 closed.

const H = 3600;
const DAY = 86_400;
const MON = 0;
const TUE = 1;
const WED = 2;
const THU = 3;
const FRI = 4;
const SAT = 5;
const NEXT_MON = 7;
/** Model time of weekday `day` (0 = Monday) at hh:mm. */
const at = (day: number, hh: number, mm = 0) => day * DAY + hh * H + mm * 60;

const week: CalendarModel = {
  startDate: '2024-01-01',
  days: 7,
  intervalS: 1800,
  intervalsPerDay: 48,
  dates: ['2024-01-01', '2024-01-02', '2024-01-03', '2024-01-04', '2024-01-05', '2024-01-06', '2024-01-07'],
  weekdays: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'],
};
const office = {
  mon: ['09:00-18:00'],
  tue: ['09:00-18:00'],
  wed: ['09:00-18:00'],
  thu: ['09:00-18:00'],
  fri: ['09:00-18:00'],
};

function officeClock(closed: string[] = ['2024-01-03']): WorkingHoursClock {
  const issues: InputIssue[] = [];
  const clock = buildWorkingHours(office, '/hours', new Set(closed), week, issues);
  expect(issues).toEqual([]);
  return clock;
}

describe('WorkingHoursClock', () => {
  const clock = officeClock();

  it('counts 4 working days of 9 h in the week with Wednesday closed', () => {
    expect(clock.perPeriodS).toBe(4 * 9 * H);
    expect(officeClock([]).perPeriodS).toBe(5 * 9 * H);
  });

  it('counts only the hours inside the working day, across an evening', () => {
    expect(clock.between(at(MON, 10), at(MON, 12, 30))).toBe(2.5 * H);
    // Mon 17:00-18:00 and Tue 09:00-10:00.
    expect(clock.between(at(MON, 17), at(TUE, 10))).toBe(2 * H);
    // The evening and night alone are worth nothing.
    expect(clock.between(at(MON, 18), at(TUE, 9))).toBe(0);
    expect(clock.between(at(MON, 20), at(TUE, 8))).toBe(0);
    // Received before opening: the clock starts at 09:00.
    expect(clock.between(at(TUE, 6), at(TUE, 9, 15))).toBe(0.25 * H);
  });

  it('skips a closed date and the weekend', () => {
    // Tue 17:00-18:00, Wednesday closed, Thu 09:00-10:00.
    expect(clock.between(at(TUE, 17), at(THU, 10))).toBe(2 * H);
    // Fri 17:30-18:00, the weekend, next Mon 09:00-09:30.
    expect(clock.between(at(FRI, 17, 30), at(NEXT_MON, 9, 30))).toBe(H);
    // Sent on Saturday, read Monday at opening: no working time has passed.
    expect(clock.between(at(SAT, 10), at(NEXT_MON, 9))).toBe(0);
    // A whole week: 4 days of 9 h.
    expect(clock.between(at(MON, 9), at(NEXT_MON, 9))).toBe(36 * H);
  });

  it('finds the instant N working hours later (the due time of an e-mail)', () => {
    // One working day (9 h) from Tuesday noon: Tue 12:00-18:00 (6 h), Wednesday closed, Thu 09:00-12:00.
    expect(clock.after(at(TUE, 12), 9 * H)).toBe(at(THU, 12));
    // From Monday's opening, 9 h ends at Monday's closing, not at Tuesday's opening.
    expect(clock.after(at(MON, 9), 9 * H)).toBe(at(MON, 18));
    // From Friday 15:00: 3 h on Friday, 6 h on the next Monday (the period repeats).
    expect(clock.after(at(FRI, 15), 9 * H)).toBe(at(NEXT_MON, 15));
    // Received on Saturday: one working hour is Monday 10:00.
    expect(clock.after(at(SAT, 10), H)).toBe(at(NEXT_MON, 10));
    // Received in the evening: the hour starts at the next opening.
    expect(clock.after(at(MON, 20), H)).toBe(at(TUE, 10));
    // Exactly a period's worth of work from a period start ends at the last closing of that period.
    expect(clock.after(0, 36 * H)).toBe(at(FRI, 18));
    expect(clock.after(at(TUE, 12), 0)).toBe(at(TUE, 12));
  });

  it('after and between are inverse on a grid of instants and amounts', () => {
    for (let t = 0; t < 2 * 7 * DAY; t += 37 * 60 + 11) {
      for (const w of [1, 600, 9 * H, 20 * H, 50 * H]) {
        const u = clock.after(t, w);
        expect(clock.between(t, u)).toBeCloseTo(w, 6);
        // The earliest such instant: a second earlier is short of w.
        expect(clock.between(t, u - 1)).toBeLessThan(w);
      }
    }
  });

  it('says whether an instant is in working hours and when the next opening is', () => {
    expect(clock.isWorking(at(MON, 9))).toBe(true);
    expect(clock.isWorking(at(MON, 17, 59))).toBe(true);
    expect(clock.isWorking(at(MON, 18))).toBe(false);
    expect(clock.isWorking(at(WED, 12))).toBe(false);
    expect(clock.isWorking(at(SAT, 12))).toBe(false);
    expect(clock.isWorking(at(NEXT_MON, 12))).toBe(true);
    expect(clock.nextOpening(at(MON, 9))).toBe(at(TUE, 9));
    expect(clock.nextOpening(at(TUE, 18))).toBe(at(THU, 9));
    expect(clock.nextOpening(at(FRI, 18))).toBe(at(NEXT_MON, 9));
  });

  it('24/7 is the wall clock; no hours at all never advance', () => {
    const always = buildWorkingHours('24/7', '/hours', new Set(), week, []);
    expect(always.between(at(MON, 17), at(SAT, 3))).toBe(at(SAT, 3) - at(MON, 17));
    expect(always.after(at(TUE, 5), 40 * H)).toBe(at(TUE, 5) + 40 * H);
    const never = new WorkingHoursClock([], 7 * DAY);
    expect(never.between(0, 3 * DAY)).toBe(0);
    expect(never.after(0, 1)).toBe(Number.POSITIVE_INFINITY);
    expect(never.nextOpening(0)).toBe(Number.POSITIVE_INFINITY);
  });

  it('joins split and overlapping ranges, and reports a bad range with its path', () => {
    const issues: InputIssue[] = [];
    const split = buildWorkingHours(
      { mon: ['09:00-13:00', '12:00-14:00', '15:00-18:00'], tue: ['18:00-09:00'] },
      '/channels/email/workingHours',
      new Set(),
      week,
      issues,
    );
    expect(split.perPeriodS).toBe(8 * H);
    expect(split.between(at(MON, 13, 30), at(MON, 15, 30))).toBe(H);
    expect(issues).toEqual([
      expect.objectContaining({ path: '/channels/email/workingHours/tue/0', value: '18:00-09:00' }),
    ]);
  });

  it('one working day is the longest weekday', () => {
    expect(longestWorkingDayS(office)).toBe(9 * H);
    expect(longestWorkingDayS({ mon: ['08:00-20:00'], sat: ['08:00-13:00'] })).toBe(12 * H);
    expect(longestWorkingDayS('24/7')).toBe(DAY);
  });
});
