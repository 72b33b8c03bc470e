import type { HoursFile } from '../../../scenarios/buildOpenIntervals.js';
import { tryParseClock } from '../../../scenarios/duration.js';
import type { InputIssue } from '../../../scenarios/inputError.js';
import type { CalendarModel } from '../../../scenarios/ScenarioModel.js';
import { WEEKDAYS } from '../../../scenarios/schemaParts.js';
import { WorkingHoursClock } from './WorkingHoursClock.js';

const DAY_S = 86_400;

/**
 * The working-hours clock of the scenario's horizon: each day's ranges of its weekday, none on a
 * closed date (the calendar's and the channel's own). Unlike opening hours that switch a queue on and
 * off per interval, working time is measured to the second, so ranges need not fall on interval
 * boundaries. `path` names the hours in the file for issues.
 */
export function buildWorkingHours(
  hours: HoursFile,
  path: string,
  closedDates: ReadonlySet<string>,
  calendar: CalendarModel,
  issues: InputIssue[],
): WorkingHoursClock {
  const perWeekday = new Map(WEEKDAYS.map((day) => [day, rangesOf(hours, day, path, issues)]));
  const spans: [number, number][] = [];
  for (let d = 0; d < calendar.days; d++) {
    if (closedDates.has(calendar.dates[d]!)) continue;
    for (const [from, to] of perWeekday.get(calendar.weekdays[d]!)!)
      spans.push([d * DAY_S + from, d * DAY_S + to]);
  }
  return new WorkingHoursClock(spans, calendar.days * DAY_S);
}

/** The longest day's working seconds over the weekdays (what "one working day" stands for). */
export function longestWorkingDayS(hours: HoursFile): number {
  let longest = 0;
  for (const day of WEEKDAYS) {
    const clock = new WorkingHoursClock(rangesOf(hours, day, '', []), DAY_S);
    longest = Math.max(longest, clock.perPeriodS);
  }
  return longest;
}

/** One weekday's ranges in seconds of the day; a bad range is an issue and is left out. */
function rangesOf(
  hours: HoursFile,
  day: (typeof WEEKDAYS)[number],
  path: string,
  issues: InputIssue[],
): [number, number][] {
  const ranges = hours === '24/7' ? ['00:00-24:00'] : (hours[day] ?? []);
  const out: [number, number][] = [];
  ranges.forEach((range, i) => {
    const [from, to] = range.split('-').map(tryParseClock);
    if (from === undefined || to === undefined || from >= to) {
      issues.push({
        path: `${path}/${day}/${i}`,
        message: 'not a range of working hours',
        value: range,
        allowed: '"HH:MM-HH:MM" with start before end, e.g. "09:00-18:00"',
      });
      return;
    }
    out.push([from, to]);
  });
  return out;
}
