import type { LoadedRun } from '../loadRun.js';
import { intervalTimes } from '../report/intervalTimes.js';
import { describeSpan } from './runSpan.js';
import { focusRange, type RunWindow, runCalendar, runWindow } from './runWindow.js';

/**
 * How a run lands on the baseline's calendar:
 * - 'calendar': on its own dates (a k6 replay of Monday 09:00-10:00 lands on the baseline's Monday 09:00);
 * - 'weekday': another week's run, moved by whole weeks so weekday and time of day match;
 * - 'outside': what it covers falls outside the baseline's span even by weekday: not drawn.
 */
export interface RunPlacement {
  kind: 'calendar' | 'weekday' | 'outside';
  /** Seconds added to the run's own interval times (whole weeks). */
  shiftS: number;
  /** One sentence for the page; empty for 'calendar'. */
  note: string;
}

/** A common time axis for overlaid runs: the baseline's interval grid on its own calendar. */
export interface AlignedAxis {
  x: number[];
  /** For each run, the slot on `x` of each of its intervals (-1: not on the axis). */
  slots: number[][];
  placements: RunPlacement[];
  /** The stretch the comparison is about (the runs' windows on the axis), or null for whole spans. */
  focus: [number, number] | null;
}

const WEEK_S = 7 * 86_400;

export function alignRuns(runs: readonly LoadedRun[]): AlignedAxis {
  const base = runs[0]!;
  const stepS = base.info.intervalMinutes * 60;
  const x = intervalTimes(base.intervals);
  const span = runCalendar(base);
  const placements = runs.map((run, r) => (r === 0 ? CALENDAR : placeRun(run, span, base, r)));
  const slots = runs.map((run, r) => {
    const { kind, shiftS } = placements[r]!;
    return intervalTimes(run.intervals).map((t) => {
      const slot = Math.floor((t + shiftS - x[0]!) / stepS);
      return kind === 'outside' || slot < 0 || slot >= x.length ? -1 : slot;
    });
  });
  const focus = focusOf(runs, placements, span);
  return { x, slots, placements, focus: focus && focusRange(focus[0], focus[1], stepS) };
}

const CALENDAR: RunPlacement = { kind: 'calendar', shiftS: 0, note: '' };

function covered(run: LoadedRun): RunWindow | { startS: number; endS: number } {
  return runWindow(run) ?? runCalendar(run);
}

const overlaps = (a: { startS: number; endS: number }, b: { startS: number; endS: number }, shiftS = 0) =>
  a.startS + shiftS < b.endS && a.endS + shiftS > b.startS;

function placeRun(
  run: LoadedRun,
  span: { startS: number; endS: number },
  base: LoadedRun,
  index: number,
): RunPlacement {
  const cover = covered(run);
  if (overlaps(cover, span)) return CALENDAR;
  const letter = String.fromCharCode(65 + (index % 26));
  const k = Math.ceil((span.startS - cover.startS) / WEEK_S);
  for (const weeks of [k, k - 1]) {
    if (weeks !== 0 && overlaps(cover, span, weeks * WEEK_S)) {
      const n = Math.abs(weeks);
      return {
        kind: 'weekday',
        shiftS: weeks * WEEK_S,
        note:
          `${letter} (${describeSpan(run)}) is another week than A: it is drawn on A's calendar by weekday ` +
          `and time of day, ${n} week${n === 1 ? '' : 's'} ${weeks > 0 ? 'later' : 'earlier'} than it ran.`,
      };
    }
  }
  return {
    kind: 'outside',
    shiftS: 0,
    note:
      `${letter} covers ${describeSpan(run)}, outside A's span (${describeSpan(base)}) even by weekday and ` +
      'time of day: it is not drawn on the charts. Compare it with a run that covers that time.',
  };
}

// The union of the runs' windows as placed on the axis, cut to the baseline's span.
function focusOf(
  runs: readonly LoadedRun[],
  placements: readonly RunPlacement[],
  span: { startS: number; endS: number },
): [number, number] | null {
  let from = Number.POSITIVE_INFINITY;
  let to = Number.NEGATIVE_INFINITY;
  runs.forEach((run, r) => {
    const w = runWindow(run);
    const p = placements[r]!;
    if (!w || p.kind === 'outside') return;
    from = Math.min(from, w.startS + p.shiftS);
    to = Math.max(to, w.endS + p.shiftS);
  });
  from = Math.max(from, span.startS);
  to = Math.min(to, span.endS);
  return from < to ? [from, to] : null;
}

/** A run's per-interval values spread onto the aligned axis, null where the run has no interval. */
export function onAxis(
  axis: AlignedAxis,
  runIndex: number,
  values: ReadonlyArray<number | null>,
): Array<number | null> {
  const out: Array<number | null> = axis.x.map(() => null);
  axis.slots[runIndex]!.forEach((slot, i) => {
    if (slot >= 0) out[slot] = values[i] ?? null;
  });
  return out;
}
