import type { LoadedRun } from '../loadRun.js';
import { intervalTimes } from '../report/intervalTimes.js';

/**
 * What stretch of calendar time a run's figures cover, in unix seconds (the scenario's wall clock read
 * as UTC, as the charts read it): a window (`--day/--from/--to`, or a k6 replay), or null for a sim
 * run over its whole horizon.
 */
export interface RunWindow {
  startS: number;
  endS: number;
  /** Where it came from: run.json / summary.json, or inferred from the intervals a k6 run measured. */
  source: 'recorded' | 'inferred';
}

const DAY_S = 86_400;

/** Seconds after midnight of an HH:MM clock time ("24:00" is the end of the day). */
export function clockSeconds(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 3600 + m * 60;
}

export function runWindow(run: LoadedRun): RunWindow | null {
  const w = run.info.window ?? run.summary.window;
  if (w) {
    const day0 = Date.parse(`${run.info.startDate}T00:00:00Z`) / 1000 + (w.day - 1) * DAY_S;
    return { startS: day0 + clockSeconds(w.from), endS: day0 + clockSeconds(w.to), source: 'recorded' };
  }
  return run.info.kind === 'k6' ? measuredIntervals(run) : null;
}

// An older k6 folder without a window: the intervals with any measured figure are what it covered.
function measuredIntervals(run: LoadedRun): RunWindow | null {
  const times = intervalTimes(run.intervals);
  const stepS = run.info.intervalMinutes * 60;
  const measured = times.filter((_, i) =>
    Object.values(run.intervals.channels).some((metrics) =>
      Object.values(metrics).some((series) => series?.mean[i] !== null && series?.mean[i] !== undefined),
    ),
  );
  if (measured.length === 0) return null;
  return { startS: measured[0]!, endS: measured[measured.length - 1]! + stepS, source: 'inferred' };
}

/** The calendar span of a run's intervals: [first start, last end). */
export function runCalendar(run: LoadedRun): { startS: number; endS: number } {
  const times = intervalTimes(run.intervals);
  return { startS: times[0]!, endS: times[times.length - 1]! + run.info.intervalMinutes * 60 };
}

/**
 * The x range a chart about a window opens on: the window, at least one interval wide (a 10-minute
 * window on a 30-minute grid would otherwise show one point on the edge of an empty chart).
 */
export function focusRange(startS: number, endS: number, stepS: number): [number, number] {
  return [startS, Math.max(endS, startS + stepS)];
}
