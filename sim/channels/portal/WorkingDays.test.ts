import { describe, expect, it } from 'vitest';
import { WorkingDays } from './WorkingDays.js';

// Hand-computed on a wall calendar: 2021-03-01 is a Monday (day 0); 2021-03-08 (day 7) a Monday
// holiday in the closed-dates cases.

describe('WorkingDays: weekdays minus closed dates, the receipt day never counts', () => {
  const plain = new WorkingDays('2021-03-01', []);
  const holiday = new WorkingDays('2021-03-01', ['2021-03-08']);

  it('Monday + 5 working days is the next Monday without a holiday, the Tuesday with one', () => {
    expect(plain.addWorkingDays(0, 5)).toBe(7); // Tue Wed Thu Fri Mon 8
    expect(holiday.addWorkingDays(0, 5)).toBe(8); // Tue Wed Thu Fri (Mon 8 closed) Tue 9
  });

  it('Friday + 1 jumps the weekend (and the holiday)', () => {
    expect(plain.addWorkingDays(4, 1)).toBe(7);
    expect(holiday.addWorkingDays(4, 1)).toBe(8);
  });

  it('a Saturday or Sunday receipt counts from Monday', () => {
    expect(plain.addWorkingDays(5, 1)).toBe(7);
    expect(plain.addWorkingDays(6, 1)).toBe(7);
    expect(plain.addWorkingDays(5, 5)).toBe(11); // Mon 8 ... Fri 12
  });

  it('Friday + 5 is the next Friday; + 6 the Monday after', () => {
    expect(plain.addWorkingDays(4, 5)).toBe(11);
    expect(plain.addWorkingDays(4, 6)).toBe(14);
  });

  it('30 working days from a Monday: six whole weeks less a day', () => {
    expect(plain.addWorkingDays(0, 30)).toBe(42); // day 42 is the Monday six weeks on
    expect(holiday.addWorkingDays(0, 30)).toBe(43);
  });

  it('across a new year with a closed 1 January', () => {
    const newYear = new WorkingDays('2024-12-30', ['2025-01-01']); // day 0 a Monday
    expect(newYear.addWorkingDays(0, 3)).toBe(4); // Tue 31, (Wed 1 closed), Thu 2, Fri 3
    expect(newYear.isWorking(2)).toBe(false);
  });

  it('between counts the working days after `from` up to `to`, the inverse of addWorkingDays', () => {
    expect(holiday.between(0, 8)).toBe(5);
    expect(holiday.between(4, 8)).toBe(1);
    expect(plain.between(5, 6)).toBe(0);
    for (let day = 0; day < 20; day++)
      for (let n = 1; n <= 12; n++) expect(holiday.between(day, holiday.addWorkingDays(day, n))).toBe(n);
  });

  it('closed dates before the start are ignored', () => {
    expect(new WorkingDays('2021-03-01', ['2021-02-26']).addWorkingDays(0, 1)).toBe(1);
  });
});
