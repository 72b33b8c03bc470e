import { describe, expect, it } from 'vitest';
import { alignRuns, onAxis } from './alignRuns.js';
import { describeSpan } from './runSpan.js';
import { fakeRun } from './testing/fakeRun.js';

// 2020-12-07 is a Monday; 30-min intervals: 09:00 is slot 18 of a day.
const MON_0900 = Date.parse('2020-12-07T09:00:00Z') / 1000;
const perDay = 48;

/** A k6 run measuring only the window's intervals of its calendar (as saveK6Run writes them). */
function k6Window(startDate: string, days: number, window: { day: number; from: string; to: string }) {
  const sl: Array<number | null> = Array.from({ length: days * perDay }, () => null);
  const first = (window.day - 1) * perDay + Number(window.from.slice(0, 2)) * 2;
  sl[first] = 0.5;
  sl[first + 1] = 0.6;
  return fakeRun({ kind: 'k6', startDate, days, window, intervals: { slOffered: sl } });
}

describe('alignRuns: runs on calendar time', () => {
  const week = fakeRun({ kind: 'sim', days: 7, intervals: { slOffered: Array(7 * perDay).fill(0.8) } });

  it('puts a k6 replay of Monday 09:00-10:00 on Monday 09:00 of the prediction, and focuses there', () => {
    const k6 = k6Window('2020-12-07', 7, { day: 1, from: '09:00', to: '10:00' });
    const axis = alignRuns([week, k6]);
    expect(axis.x[18]).toBe(MON_0900);
    const b = onAxis(axis, 1, k6.intervals.channels.phone.slOffered!.mean);
    expect(b.flatMap((v, i) => (v === null ? [] : [[i, v]]))).toEqual([
      [18, 0.5],
      [19, 0.6],
    ]);
    expect(axis.placements[1]!.kind).toBe('calendar');
    expect(axis.focus).toEqual([MON_0900, MON_0900 + 3600]);
  });

  it('finds the window of a k6 run whose folder only says its window day and times (day 2 is Tuesday)', () => {
    const k6 = k6Window('2020-12-07', 7, { day: 2, from: '14:00', to: '15:30' });
    const axis = alignRuns([week, k6]);
    expect(axis.focus).toEqual([MON_0900 + 86_400 + 5 * 3600, MON_0900 + 86_400 + 6.5 * 3600]);
    const b = onAxis(axis, 1, k6.intervals.channels.phone.slOffered!.mean);
    expect(b[perDay + 28]).toBe(0.5);
  });

  it('moves a run of another week by whole weeks to the same weekday and time of day, and says so', () => {
    const nextWeek = k6Window('2020-12-14', 7, { day: 1, from: '09:00', to: '10:00' });
    const axis = alignRuns([week, nextWeek]);
    expect(axis.placements[1]).toMatchObject({ kind: 'weekday', shiftS: -7 * 86_400 });
    expect(axis.placements[1]!.note).toMatch(/by weekday and time of day, 1 week earlier/);
    expect(onAxis(axis, 1, nextWeek.intervals.channels.phone.slOffered!.mean)[18]).toBe(0.5);
    expect(axis.focus).toEqual([MON_0900, MON_0900 + 3600]);
  });

  it('says a run outside the baseline span is not drawn (Tuesday against a one-day Monday prediction)', () => {
    const monday = fakeRun({ kind: 'sim', days: 1, intervals: { slOffered: Array(perDay).fill(0.8) } });
    const tuesday = k6Window('2020-12-07', 7, { day: 2, from: '09:00', to: '10:00' });
    const axis = alignRuns([monday, tuesday]);
    expect(axis.placements[1]!.kind).toBe('outside');
    expect(axis.placements[1]!.note).toMatch(/B covers Tue 2020-12-08 09:00-10:00, 1 h, outside A's span/);
    expect(onAxis(axis, 1, tuesday.intervals.channels.phone.slOffered!.mean).every((v) => v === null)).toBe(
      true,
    );
    expect(axis.focus).toBeNull();
  });

  it('opens at least one interval wide (a 10-minute window on a 30-minute grid)', () => {
    const short = k6Window('2020-12-07', 7, { day: 1, from: '09:00', to: '09:10' });
    expect(alignRuns([week, short]).focus).toEqual([MON_0900, MON_0900 + 1800]);
  });

  it('has no focus when no run has a window', () => {
    expect(alignRuns([week, week]).focus).toBeNull();
  });
});

describe('describeSpan: what a run covers', () => {
  it('says the window for a k6 run, not the scenario calendar', () => {
    expect(describeSpan(k6Window('2020-12-07', 7, { day: 1, from: '09:00', to: '10:00' }))).toBe(
      'Mon 2020-12-07 09:00-10:00, 1 h',
    );
  });

  it('says days for a whole-horizon sim run and both for a sim window', () => {
    const week = fakeRun({ kind: 'sim', days: 7 });
    expect(describeSpan(week)).toBe('7 days from Mon 2020-12-07');
    const window = fakeRun({ kind: 'sim', days: 7, window: { day: 7, from: '22:00', to: '24:00' } });
    expect(describeSpan(window)).toBe(
      'Sun 2020-12-13 22:00-24:00, 2 h (simulated 7 days from Mon 2020-12-07)',
    );
  });

  it('infers the window of an older k6 folder from its measured intervals, or says it is unknown', () => {
    const sl: Array<number | null> = Array(perDay).fill(null);
    sl[20] = 0.7;
    const old = fakeRun({ kind: 'k6', intervals: { slOffered: sl } });
    expect(describeSpan(old)).toBe(
      'Mon 2020-12-07 10:00-10:30, 30 min (inferred from the measured intervals)',
    );
    const empty = fakeRun({ kind: 'k6', intervals: { slOffered: Array(perDay).fill(null) } });
    expect(describeSpan(empty)).toBe('window unknown (run.json records none)');
  });
});
