import type { LoadedRun } from '../loadRun.js';
import { intervalTimes } from '../report/intervalTimes.js';

/**
 * A common time axis for overlaid runs: each run's intervals are placed by their offset from the
 * run's own start, on the baseline's calendar and interval grid. Runs of different weeks line up
 * day by day, and a k6 run that covers only a morning lands on that morning's first intervals.
 */
export interface AlignedAxis {
  x: number[];
  /** For each run, the slot on `x` of each of its intervals. */
  slots: number[][];
}

export function alignRuns(runs: readonly LoadedRun[]): AlignedAxis {
  const base = runs[0]!;
  const stepS = base.info.intervalMinutes * 60;
  const starts = runs.map((run) => intervalTimes(run.intervals));
  const slots = starts.map((times) => times.map((t) => Math.floor((t - times[0]!) / stepS)));
  const length = Math.max(...slots.map((s) => (s.length ? s[s.length - 1]! + 1 : 0)));
  const t0 = starts[0]![0]!;
  return { x: Array.from({ length }, (_, k) => t0 + k * stepS), slots };
}

/** A run's per-interval values spread onto the aligned axis, null where the run has no interval. */
export function onAxis(
  axis: AlignedAxis,
  runIndex: number,
  values: ReadonlyArray<number | null>,
): Array<number | null> {
  const out: Array<number | null> = axis.x.map(() => null);
  axis.slots[runIndex]!.forEach((slot, i) => {
    out[slot] = values[i] ?? null;
  });
  return out;
}
