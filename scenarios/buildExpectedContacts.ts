import type { InputIssue } from './inputError.js';
import { MAX_CALLS_IN_HORIZON } from './limits.js';
import type { CalendarModel } from './ScenarioModel.js';
import { WEEKDAYS, type Weekday } from './schemaParts.js';

type PerWeekday<T> = Partial<Record<Weekday, T>>;

/** A channel's demand as the file gives it, whatever the channel calls its contacts. */
export interface DemandFile {
  readonly perDay: number | PerWeekday<number>;
  readonly perDate?: Record<string, number> | undefined;
  readonly intradayShape: readonly number[] | PerWeekday<readonly number[]>;
  /** `demand.scale`: multiplies every day's volume; absent = 1 (times 1 is exact, so old files load as before). */
  readonly scale?: number | undefined;
}

/**
 * Expected contacts per interval over the horizon: the day's volume (per weekday, or per date where
 * given) times the demand's scale, spread over the day by the intraday shape. `perDay` names the field in messages
 * ("callsPerDay", "sessionsPerDay"), `path` the demand object.
 */
export function buildExpectedContacts(
  demand: DemandFile,
  names: { perDay: string; path: string; contacts: string },
  calendar: CalendarModel,
  issues: InputIssue[],
): Float64Array {
  const ipd = calendar.intervalsPerDay;
  const out = new Float64Array(calendar.days * ipd);
  const perWeekday = requireEveryWeekday(demand.perDay, `${names.path}/${names.perDay}`, issues);
  const shapes = requireEveryWeekday(demand.intradayShape, `${names.path}/intradayShape`, issues);
  if (!perWeekday || !shapes) return out;
  for (const day of WEEKDAYS) {
    const shape = shapes[day];
    const path = `${names.path}/intradayShape${Array.isArray(demand.intradayShape) ? '' : `/${day}`}`;
    if (shape.length !== ipd) {
      issues.push({
        path,
        message: `needs one weight per interval of the day (${ipd} for ${calendar.intervalS / 60}-minute intervals), has ${shape.length}`,
      });
      return out;
    }
    if (perWeekday[day] > 0 && !shape.some((w) => w > 0)) {
      issues.push({ path, message: 'all weights are zero but contacts are expected that day' });
      return out;
    }
  }
  const scale = demand.scale ?? 1;
  for (let d = 0; d < calendar.days; d++) {
    const weekday = calendar.weekdays[d]!;
    const volume = (demand.perDate?.[calendar.dates[d]!] ?? perWeekday[weekday]) * scale;
    const shape = shapes[weekday];
    const total = shape.reduce((a, b) => a + b, 0);
    for (let slot = 0; slot < ipd; slot++)
      out[d * ipd + slot] = total > 0 ? (volume * shape[slot]!) / total : 0;
  }
  const inHorizon = out.reduce((a, b) => a + b, 0);
  if (inHorizon > MAX_CALLS_IN_HORIZON) {
    issues.push({
      path: names.path,
      message: `${Math.round(inHorizon).toLocaleString('en-US')} ${names.contacts} expected over the ${calendar.days} simulated day(s), too many to simulate`,
      allowed: `at most ${MAX_CALLS_IN_HORIZON.toLocaleString('en-US')} ${names.contacts} in the horizon (fewer days or less demand)`,
    });
  }
  return out;
}

/** Expands "one value for all days" and checks that a per-weekday object names all seven days. */
function requireEveryWeekday<T>(
  value: T | PerWeekday<T>,
  path: string,
  issues: InputIssue[],
): Record<Weekday, T> | undefined {
  const isPerDay = typeof value === 'object' && value !== null && !Array.isArray(value);
  if (!isPerDay) return Object.fromEntries(WEEKDAYS.map((d) => [d, value])) as Record<Weekday, T>;
  const perDay = value as PerWeekday<T>;
  const missing = WEEKDAYS.filter((d) => perDay[d] === undefined);
  if (missing.length > 0) {
    issues.push({
      path,
      message: `every weekday must be given; missing: ${missing.join(', ')}`,
      allowed: WEEKDAYS.join(', '),
    });
    return undefined;
  }
  return perDay as Record<Weekday, T>;
}
