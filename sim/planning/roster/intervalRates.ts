import type { CalendarModel } from '../../../scenarios/ScenarioModel.js';
import { WEEKDAYS } from '../../../scenarios/schemaParts.js';
import type { ShiftTemplates } from './loadShiftTemplates.js';

/** Cost of one agent-hour in each interval of the horizon at `base` per hour (see rateOfInterval). */
export function intervalRates(
  templates: ShiftTemplates,
  calendar: CalendarModel,
  base: number,
): Float64Array {
  const rate = rateOfInterval(templates, calendar, base);
  return Float64Array.from({ length: calendar.days * calendar.intervalsPerDay }, (_, k) => rate(k));
}

/**
 * Cost of one agent-hour in interval k counted from the horizon's start, k may lie before or after
 * it (a shift's hours outside the horizon are paid too): the night premium where the interval's
 * middle lies in the night window (which may wrap midnight), the weekend premium on the weekend's
 * days; both add up. By the middle, so a 30-min interval is wholly night or wholly day.
 */
export function rateOfInterval(
  templates: ShiftTemplates,
  calendar: CalendarModel,
  base: number,
): (k: number) => number {
  const { intervalsPerDay, intervalS } = calendar;
  const first = WEEKDAYS.indexOf(calendar.weekdays[0]!);
  return (k) => {
    const day = Math.floor(k / intervalsPerDay);
    const weekday = WEEKDAYS[(((first + day) % 7) + 7) % 7]!;
    const slot = k - day * intervalsPerDay;
    const middle = (slot + 0.5) * intervalS;
    const weekend = templates.weekend?.days.includes(weekday) ? templates.weekend.extra : 0;
    const night =
      templates.night && inWindow(middle, templates.night.fromS, templates.night.toS)
        ? templates.night.extra
        : 0;
    return base * (1 + night + weekend);
  };
}

function inWindow(t: number, from: number, to: number): boolean {
  return from < to ? t >= from && t < to : t >= from || t < to;
}
