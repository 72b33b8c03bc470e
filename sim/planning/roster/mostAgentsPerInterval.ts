import type { ShiftColumns } from './buildShiftColumns.js';

/**
 * The most agents the templates can put in each interval: every shift that can cover it, at its
 * maxAgents (no cap: no limit). A shift counts once per interval however many of its break
 * placements cover it (its placements share its cap).
 */
export function mostAgentsPerInterval(shifts: ShiftColumns, intervals: number): Float64Array {
  const most = new Float64Array(intervals);
  const counted = new Int32Array(intervals).fill(-1);
  // Columns of one instance are contiguous (buildShiftColumns makes them so), so remembering the last
  // instance counted per interval is enough.
  for (const column of shifts.columns) {
    const max = shifts.instances[column.instance]!.max ?? Number.POSITIVE_INFINITY;
    for (const k of column.covers) {
      if (counted[k] === column.instance) continue;
      counted[k] = column.instance;
      most[k]! += max;
    }
  }
  return most;
}
