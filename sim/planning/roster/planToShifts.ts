import { formatDuration } from '../../../scenarios/duration.js';
import type { ShiftFile } from '../../../scenarios/scenarioSchema.js';
import { WEEKDAYS, type Weekday } from '../../../scenarios/schemaParts.js';
import type { ShiftColumn } from './buildShiftColumns.js';

interface Shape {
  readonly startS: number;
  readonly lengthS: number;
  readonly breaks: readonly { after: number; length: number }[];
}

/**
 * The chosen shifts in the scenario's `shifts` staffing form: agents added up per start, length,
 * breaks and weekday (two templates may have the same shape), then one entry per shape and head
 * count with the weekdays it runs on, so a plan that repeats across weekdays stays short.
 */
export function planToShifts(columns: readonly ShiftColumn[], agents: Int32Array): ShiftFile[] {
  const perDay = new Map<string, { shape: Shape; weekday: Weekday; agents: number }>();
  columns.forEach((column, j) => {
    const count = agents[j]!;
    if (count <= 0) return;
    const breaks = column.breakAfterS
      .map((after, b) => ({ after, length: column.breakLengthS[b]! }))
      .sort((x, y) => x.after - y.after);
    const shape = { startS: column.startS, lengthS: column.lengthS, breaks };
    const key = `${shapeKey(shape)}|${column.weekday}`;
    const entry = perDay.get(key);
    if (entry) entry.agents += count;
    else perDay.set(key, { shape, weekday: column.weekday, agents: count });
  });
  const byCount = new Map<string, { shape: Shape; agents: number; days: Weekday[] }>();
  for (const { shape, weekday, agents: count } of perDay.values()) {
    const key = `${shapeKey(shape)}|${count}`;
    const entry = byCount.get(key);
    if (entry) entry.days.push(weekday);
    else byCount.set(key, { shape, agents: count, days: [weekday] });
  }
  return [...byCount.values()]
    .sort(
      (a, b) =>
        a.shape.startS - b.shape.startS ||
        a.shape.lengthS - b.shape.lengthS ||
        shapeKey(a.shape).localeCompare(shapeKey(b.shape)) ||
        a.agents - b.agents,
    )
    .map(({ shape, agents: count, days }) => ({
      start: clock(shape.startS),
      length: hoursText(shape.lengthS),
      agents: count,
      days: days.sort((x, y) => WEEKDAYS.indexOf(x) - WEEKDAYS.indexOf(y)),
      ...(shape.breaks.length > 0
        ? {
            breaks: shape.breaks.map((b) => ({
              after: hoursText(b.after),
              length: formatDuration(b.length),
            })),
          }
        : {}),
    }));
}

function shapeKey(shape: Shape): string {
  return `${shape.startS}|${shape.lengthS}|${shape.breaks.map((b) => `${b.after}+${b.length}`).join(',')}`;
}

/** "3.5h" rather than formatDuration's "210m": how planners write times into a shift. */
function hoursText(seconds: number): string {
  const hours = seconds / 3600;
  return seconds > 0 && Number.isInteger(hours * 100) ? `${hours}h` : formatDuration(seconds);
}

function clock(seconds: number): string {
  return `${String(Math.floor(seconds / 3600)).padStart(2, '0')}:${String(Math.floor((seconds % 3600) / 60)).padStart(2, '0')}`;
}
