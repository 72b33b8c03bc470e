import type { CalendarModel } from '../../../scenarios/ScenarioModel.js';
import type { RunWindowIntervals } from '../RunWindowIntervals.js';
import { deriveOutboundMetrics, type OutboundMetrics } from './deriveOutboundMetrics.js';
import { type OutboundCounters, sumOutboundRows } from './OutboundCounters.js';

/** Outbound metrics of one replication per interval, per day, and over the run (or the window). */
export interface OutboundReplicationMetrics {
  readonly intervals: OutboundMetrics[];
  readonly days: OutboundMetrics[];
  readonly run: OutboundMetrics;
}

export function measureOutbound(
  counters: OutboundCounters,
  calendar: CalendarModel,
  window?: RunWindowIntervals,
): OutboundReplicationMetrics {
  const { intervalS, intervalsPerDay, days } = calendar;
  const span = (from: number, to: number) =>
    deriveOutboundMetrics(sumOutboundRows(counters, from, to), (to - from) * intervalS);
  const intervals: OutboundMetrics[] = [];
  for (let i = 0; i < counters.intervals; i++) intervals.push(span(i, i + 1));
  const dayMetrics: OutboundMetrics[] = [];
  for (let d = 0; d < days; d++) dayMetrics.push(span(d * intervalsPerDay, (d + 1) * intervalsPerDay));
  return {
    intervals,
    days: dayMetrics,
    run: span(window?.fromInterval ?? 0, window?.toInterval ?? counters.intervals),
  };
}
