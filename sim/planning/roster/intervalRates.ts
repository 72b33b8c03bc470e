import type { CalendarModel } from '../../../scenarios/ScenarioModel.js';
import type { ShiftTemplates } from './loadShiftTemplates.js';

/**
 * Cost of one agent-hour in each interval of the horizon at `base` per hour: the night premium where
 * the interval's middle lies in the night window (which may wrap midnight), the weekend premium on the
 * weekend's days; both add up. By the middle, so a 30-min interval is wholly night or wholly day.
 */
export function intervalRates(templates: ShiftTemplates, calendar: CalendarModel, base: number): Float64Array {
  const { days, intervalsPerDay, intervalS, weekdays } = calendar;
  const out = new Float64Array(days * intervalsPerDay);
  for (let d = 0; d < days; d++) {
    const weekend = templates.weekend?.days.includes(weekdays[d]!) ? templates.weekend.extra : 0;
    for (let slot = 0; slot < intervalsPerDay; slot++) {
      const middle = (slot + 0.5) * intervalS;
      const night = templates.night && inWindow(middle, templates.night.fromS, templates.night.toS) ? templates.night.extra : 0;
      out[d * intervalsPerDay + slot] = base * (1 + night + weekend);
    }
  }
  return out;
}

function inWindow(t: number, from: number, to: number): boolean {
  return from < to ? t >= from && t < to : t >= from || t < to;
}
