import type { CalendarModel } from '../../../scenarios/ScenarioModel.js';
import type { MetricRecord } from '../ChannelPlugin.js';
import type { RunWindowIntervals } from '../RunWindowIntervals.js';
import { dayQuantile } from './dayQuantile.js';
import { derivePortalMetrics, type PortalMetrics } from './derivePortalMetrics.js';
import { mergePortalRows, type PortalCounters } from './PortalCounters.js';

/** Portal metrics of one replication per interval, per day, over the run (or window), and per type. */
export interface PortalReplicationMetrics {
  readonly intervals: PortalMetrics[];
  readonly days: PortalMetrics[];
  readonly run: PortalMetrics;
  /** Per application type, over the run (or window), in the file's order. */
  readonly classes: MetricRecord[];
}

/** Sum of rows [from, to) of a row-major histogram with `width` buckets per row. */
function sumHistogram(histogram: Uint32Array, width: number, from: number, to: number): Float64Array {
  const out = new Float64Array(width);
  for (let row = from; row < to; row++)
    for (let b = 0; b < width; b++) out[b]! += histogram[row * width + b]!;
  return out;
}

export function measurePortal(
  counters: PortalCounters,
  calendar: CalendarModel,
  window?: RunWindowIntervals,
): PortalReplicationMetrics {
  const { intervalsPerDay, days } = calendar;
  const width = counters.dayBuckets;
  const span = (from: number, to: number) =>
    derivePortalMetrics(
      mergePortalRows(counters, from, to),
      sumHistogram(counters.decisionDaysHistogram, width, from, to),
    );
  const intervals: PortalMetrics[] = [];
  for (let i = 0; i < counters.intervals; i++) intervals.push(span(i, i + 1));
  const dayMetrics: PortalMetrics[] = [];
  for (let d = 0; d < days; d++) dayMetrics.push(span(d * intervalsPerDay, (d + 1) * intervalsPerDay));
  const from = window?.fromInterval ?? 0;
  const to = window?.toInterval ?? counters.intervals;
  return { intervals, days: dayMetrics, run: span(from, to), classes: measureTypes(counters, from, to) };
}

/** Each application type's received, decided, on-time share and working days over [from, to). */
function measureTypes(counters: PortalCounters, from: number, to: number): MetricRecord[] {
  const { byType, intervals, dayBuckets } = counters;
  const out: MetricRecord[] = [];
  for (let type = 0; type < counters.types; type++) {
    const sum = (values: Float64Array) => {
      let acc = 0;
      for (let k = from; k < to; k++) acc += values[type * intervals + k]!;
      return acc;
    };
    const decided = sum(byType.decided);
    const histogram = sumHistogram(
      counters.typeDecisionDaysHistogram,
      dayBuckets,
      type * intervals + from,
      type * intervals + to,
    );
    out.push({
      received: sum(byType.received),
      decided,
      decidedOnTimeShare: decided > 0 ? sum(byType.decidedOnTime) / decided : null,
      decisionWorkingDaysMean: decided > 0 ? sum(byType.decisionWorkingDaysSum) / decided : null,
      decisionWorkingDaysP90: dayQuantile(histogram, 0.9),
    });
  }
  return out;
}
