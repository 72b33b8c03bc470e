import { tryParseClock } from '../../scenarios/duration.js';
import { InputError, type InputIssue } from '../../scenarios/inputError.js';
import type { CalendarModel } from '../../scenarios/ScenarioModel.js';

/** A window of one calendar day, as `hotline sim` and `hotline load` take it (--day, --from, --to). */
export interface WindowSpec {
  /** 1 = the first day of the calendar. */
  day: number;
  from: string;
  to: string;
}

/** The window as interval indexes over the horizon: [fromInterval, toInterval). */
export interface RunWindow extends WindowSpec {
  fromInterval: number;
  toInterval: number;
}

/**
 * Checks a window against the calendar. The simulator measures whole intervals, so the window must
 * fall on interval boundaries (the replay can cut intervals; the prediction of a cut one is not kept).
 */
export function resolveRunWindow(calendar: CalendarModel, spec: WindowSpec): RunWindow {
  const issues: InputIssue[] = [];
  if (!Number.isInteger(spec.day) || spec.day < 1 || spec.day > calendar.days) {
    issues.push({
      path: '--day',
      message: 'day outside the simulated calendar',
      value: spec.day,
      allowed: `1 to ${calendar.days}`,
    });
  }
  const from = boundary(spec.from, '--from', calendar.intervalS, issues);
  const to = boundary(spec.to, '--to', calendar.intervalS, issues);
  if (from !== undefined && to !== undefined && to <= from) {
    issues.push({ path: '--to', message: 'must be later than --from', value: `${spec.from}-${spec.to}` });
  }
  if (issues.length > 0) throw new InputError(undefined, issues);
  const dayStart = (spec.day - 1) * calendar.intervalsPerDay;
  return {
    ...spec,
    fromInterval: dayStart + from! / calendar.intervalS,
    toInterval: dayStart + to! / calendar.intervalS,
  };
}

function boundary(text: string, flag: string, intervalS: number, issues: InputIssue[]): number | undefined {
  const seconds = tryParseClock(text);
  if (seconds === undefined) {
    issues.push({ path: flag, message: 'expected a time of day', value: text, allowed: '00:00 to 24:00' });
    return undefined;
  }
  if (seconds % intervalS !== 0) {
    issues.push({
      path: flag,
      message: `must fall on an interval boundary (every ${intervalS / 60} minutes)`,
      value: text,
    });
    return undefined;
  }
  return seconds;
}
