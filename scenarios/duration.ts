/** Durations are written with a unit: "250ms", "20s", "3m", "2h", "1d"; fractions allowed ("1.5h"). */
export const DURATION_PATTERN = '^[0-9]+(\\.[0-9]+)?(ms|s|m|h|d)$';
export const DURATION_HINT = 'a number with a unit: ms, s, m, h or d, e.g. "20s", "3m", "2h"';

/** The longest duration a scenario may give (a year): longer ones are typos, and Infinity breaks the engine. */
export const MAX_DURATION_S = 366 * 86_400;
export const MAX_DURATION_TEXT = '366d';
/** JSON Schema `format` of scenario durations: matches DURATION_PATTERN and at most MAX_DURATION_S. */
export const DURATION_FORMAT = 'hotline-duration';

const SECONDS_PER_UNIT: Record<string, number> = { ms: 0.001, s: 1, m: 60, h: 3600, d: 86400 };
const DURATION_RE = new RegExp(DURATION_PATTERN);

/** Seconds in a duration string, or undefined when the text is not a duration with a unit. */
export function tryParseDuration(text: string): number | undefined {
  if (!DURATION_RE.test(text)) return undefined;
  const match = /^([0-9.]+)([a-z]+)$/.exec(text)!;
  return Number(match[1]) * SECONDS_PER_UNIT[match[2]]!;
}

/** True for a duration with a unit of at most MAX_DURATION_S (what the DURATION_FORMAT accepts). */
export function isBoundedDuration(text: string): boolean {
  const seconds = tryParseDuration(text);
  return seconds !== undefined && seconds <= MAX_DURATION_S;
}

/** Clock time "HH:MM" (00:00-24:00) as seconds after midnight, or undefined. */
export function tryParseClock(text: string): number | undefined {
  const match = /^([0-9]{2}):([0-9]{2})$/.exec(text);
  if (!match) return undefined;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (minutes > 59 || hours > 24 || (hours === 24 && minutes !== 0)) return undefined;
  return hours * 3600 + minutes * 60;
}

/** "20s" -> 20; also formats seconds back for messages and tables. */
export function formatDuration(seconds: number): string {
  if (seconds === 0) return '0s';
  if (seconds % 3600 === 0) return `${seconds / 3600}h`;
  if (seconds % 60 === 0) return `${seconds / 60}m`;
  if (seconds < 1) return `${Math.round(seconds * 1000)}ms`;
  return `${Number(seconds.toFixed(3))}s`;
}
