import type { InputIssue } from './inputError.js';
import { LAST_DATE } from './limits.js';
import type { CalendarModel } from './ScenarioModel.js';
import type { ScenarioFile } from './scenarioSchema.js';
import { WEEKDAYS, type Weekday } from './schemaParts.js';

const INTERVAL_SECONDS = { '15m': 900, '30m': 1800, '60m': 3600 } as const;

export function buildCalendar(
  file: ScenarioFile,
  daysOverride: number | undefined,
  issues: InputIssue[],
): CalendarModel {
  const { startDate, interval } = file.calendar;
  const days = daysOverride ?? file.calendar.days;
  let start = parseIsoDate(startDate);
  if (start === undefined) {
    issues.push({
      path: '/calendar/startDate',
      message: 'not a real date',
      value: startDate,
      allowed: 'yyyy-mm-dd',
    });
  } else if (start + (days - 1) * 86_400_000 > parseIsoDate(LAST_DATE)!) {
    // Past year 9999 a date has no yyyy-mm-dd form: the calendar would produce nonsense dates.
    issues.push({
      path: '/calendar/startDate',
      message: `the calendar (${days} day(s) from this date) runs past ${LAST_DATE}`,
      value: startDate,
      allowed: `a start date whose last day is at most ${LAST_DATE}`,
    });
    start = undefined;
  }
  const dates: string[] = [];
  const weekdays: Weekday[] = [];
  for (let d = 0; d < days; d++) {
    const day = new Date((start ?? 0) + d * 86_400_000);
    dates.push(day.toISOString().slice(0, 10));
    weekdays.push(WEEKDAYS[(day.getUTCDay() + 6) % 7]!);
  }
  (file.calendar.closedDates ?? []).forEach((date, i) => {
    if (parseIsoDate(date) === undefined) {
      issues.push({
        path: `/calendar/closedDates/${i}`,
        message: 'not a real date',
        value: date,
        allowed: 'yyyy-mm-dd',
      });
    }
  });
  const intervalS = INTERVAL_SECONDS[interval];
  return Object.freeze({ startDate, days, intervalS, intervalsPerDay: 86_400 / intervalS, dates, weekdays });
}

/** Milliseconds since the epoch (UTC midnight) or undefined for dates like 2021-02-30. */
export function parseIsoDate(text: string): number | undefined {
  const time = Date.parse(`${text}T00:00:00Z`);
  if (Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== text) return undefined;
  return time;
}
