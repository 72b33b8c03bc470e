import type { CalendarModel } from '../../../scenarios/ScenarioModel.js';
import { sumRows, WAIT_BUCKETS } from '../../metrics/WaitHistogram.js';
import type { RunWindowIntervals } from '../RunWindowIntervals.js';
import { deriveEmailMetrics, type EmailMetrics } from './deriveEmailMetrics.js';
import { type EmailCounters, mergeEmailRows } from './EmailCounters.js';

/** E-mail metrics of one replication per interval, per day, and over the run (or the window). */
export interface EmailReplicationMetrics {
  readonly intervals: EmailMetrics[];
  readonly days: EmailMetrics[];
  readonly run: EmailMetrics;
}

export function measureEmail(
  counters: EmailCounters,
  calendar: CalendarModel,
  window?: RunWindowIntervals,
): EmailReplicationMetrics {
  const { intervalS, intervalsPerDay, days } = calendar;
  // The backlog at each interval's end, from the flows (one pass rather than one per span).
  const backlog = new Float64Array(counters.intervals);
  let open = 0;
  for (let k = 0; k < counters.intervals; k++) {
    open += counters.offered[k]! - counters.answered[k]!;
    backlog[k] = open;
  }
  const span = (from: number, to: number) =>
    deriveEmailMetrics(
      mergeEmailRows(counters, from, to),
      sumRows(counters.responseWorkingHistogram, from, to, new Float64Array(WAIT_BUCKETS)),
      to > from ? backlog[to - 1]! : 0,
      (to - from) * intervalS,
    );
  const intervals: EmailMetrics[] = [];
  for (let i = 0; i < counters.intervals; i++) intervals.push(span(i, i + 1));
  const dayMetrics: EmailMetrics[] = [];
  for (let d = 0; d < days; d++) dayMetrics.push(span(d * intervalsPerDay, (d + 1) * intervalsPerDay));
  return {
    intervals,
    days: dayMetrics,
    run: span(window?.fromInterval ?? 0, window?.toInterval ?? counters.intervals),
  };
}
