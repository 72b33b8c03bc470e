import { tryParseClock } from './duration.js';
import type { InputIssue } from './inputError.js';
import type { CalendarModel } from './ScenarioModel.js';
import { WEEKDAYS, type Weekday } from './schemaParts.js';

/** Opening hours as the file gives them: "24/7", or ranges per weekday (a missing day is closed). */
export type HoursFile = '24/7' | Partial<Record<Weekday, readonly string[]>>;

/** 1 for each interval of the horizon in which the channel is open, 0 where it is closed. */
export function buildOpenIntervals(
  hours: HoursFile,
  path: string,
  closedDates: readonly string[],
  calendar: CalendarModel,
  issues: InputIssue[],
): Uint8Array {
  const ipd = calendar.intervalsPerDay;
  const open = new Uint8Array(calendar.days * ipd);
  const daySlots = new Map<Weekday, Uint8Array>();
  for (const day of WEEKDAYS) {
    const slots = new Uint8Array(ipd);
    const ranges = hours === '24/7' ? ['00:00-24:00'] : (hours[day] ?? []);
    ranges.forEach((range, i) => {
      const at = `${path}/${day}/${i}`;
      const [from, to] = range.split('-').map(tryParseClock);
      if (from === undefined || to === undefined || from >= to) {
        issues.push({
          path: at,
          message: 'not an opening range',
          value: range,
          allowed: '"HH:MM-HH:MM" with start before end, e.g. "07:00-20:00"',
        });
        return;
      }
      if (from % calendar.intervalS !== 0 || to % calendar.intervalS !== 0) {
        issues.push({
          path: at,
          message: `opening hours must fall on interval boundaries (every ${calendar.intervalS / 60} minutes)`,
          value: range,
        });
        return;
      }
      slots.fill(1, from / calendar.intervalS, to / calendar.intervalS);
    });
    daySlots.set(day, slots);
  }
  for (let d = 0; d < calendar.days; d++) {
    if (closedDates.includes(calendar.dates[d]!)) continue;
    open.set(daySlots.get(calendar.weekdays[d]!)!, d * ipd);
  }
  return open;
}
