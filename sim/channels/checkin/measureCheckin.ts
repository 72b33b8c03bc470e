import type { CalendarModel } from '../../../scenarios/ScenarioModel.js';
import { sumRows, WAIT_BUCKETS } from '../../metrics/WaitHistogram.js';
import type { RunWindowIntervals } from '../RunWindowIntervals.js';
import { type CheckinCounters, mergeCheckinRows } from './CheckinCounters.js';
import type { CheckinModel } from './CheckinModel.js';
import { type CheckinMetrics, deriveCheckinMetrics } from './deriveCheckinMetrics.js';

export interface CheckinReplicationMetrics {
  readonly intervals: CheckinMetrics[];
  readonly days: CheckinMetrics[];
  readonly run: CheckinMetrics;
}

/** Check-in metrics of one replication per interval, per day, and over the run (or the window). */
export function measureCheckin(
  model: CheckinModel,
  counters: CheckinCounters,
  calendar: CalendarModel,
  window: RunWindowIntervals | undefined,
): CheckinReplicationMetrics {
  const { intervalS, intervalsPerDay, days } = calendar;
  const span = (from: number, to: number) => {
    let monitoredS = 0;
    for (let k = from; k < to; k++) monitoredS += model.population[k]! * intervalS;
    return deriveCheckinMetrics(
      mergeCheckinRows(counters, from, to),
      sumRows(counters.confirmationHistogram, from, to, new Float64Array(WAIT_BUCKETS)),
      (to - from) * intervalS,
      monitoredS,
      model.verificationCapacity,
    );
  };
  const intervals: CheckinMetrics[] = [];
  for (let i = 0; i < counters.intervals; i++) intervals.push(span(i, i + 1));
  const dayMetrics: CheckinMetrics[] = [];
  for (let d = 0; d < days; d++) dayMetrics.push(span(d * intervalsPerDay, (d + 1) * intervalsPerDay));
  return {
    intervals,
    days: dayMetrics,
    run: span(window?.fromInterval ?? 0, window?.toInterval ?? counters.intervals),
  };
}
