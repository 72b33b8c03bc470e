import type { IntervalTable } from '../parseIntervalsCsv.js';

/**
 * Interval starts as unix seconds, reading the scenario's wall clock as UTC: the charts show the
 * calendar the planner wrote (the page renders in UTC too), whatever the viewer's time zone.
 */
export function intervalTimes(table: IntervalTable): number[] {
  return table.date.map((date, i) => Date.parse(`${date}T${table.start[i]}:00Z`) / 1000);
}
