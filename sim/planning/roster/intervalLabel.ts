import type { CalendarModel } from '../../../scenarios/ScenarioModel.js';

/** "Mon 03:00" for interval k of the horizon; with more than a week, the date too ("Mon 2020-12-14 03:00"). */
export function intervalLabel(calendar: CalendarModel, k: number): string {
  const day = Math.floor(k / calendar.intervalsPerDay);
  const s = (k % calendar.intervalsPerDay) * calendar.intervalS;
  const clock = `${String(Math.floor(s / 3600)).padStart(2, '0')}:${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}`;
  const weekday = calendar.weekdays[day]!;
  const name = weekday.charAt(0).toUpperCase() + weekday.slice(1);
  return calendar.days > 7 ? `${name} ${calendar.dates[day]} ${clock}` : `${name} ${clock}`;
}
