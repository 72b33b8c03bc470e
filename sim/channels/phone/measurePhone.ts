import type { CalendarModel } from '../../../scenarios/ScenarioModel.js';
import { sumRows, WAIT_BUCKETS } from '../../metrics/WaitHistogram.js';
import type { ChannelReplicationMetrics } from '../ChannelPlugin.js';
import type { RunWindowIntervals } from '../RunWindowIntervals.js';
import { type ClassMetrics, deriveClassMetrics } from './ClassMetrics.js';
import { CLASS_FIELDS, type ClassField, mergeRows, type PhoneCounters } from './PhoneCounters.js';
import { derivePhoneMetrics, type PhoneMetrics } from './PhoneMetrics.js';
import type { PhoneModel } from './PhoneModel.js';

/** Phone metrics of one replication per interval, per day, over the run (or window), and per class. */
export interface PhoneReplicationMetrics extends ChannelReplicationMetrics {
  readonly intervals: PhoneMetrics[];
  readonly days: PhoneMetrics[];
  readonly run: PhoneMetrics;
  /** Whole run per priority class, in the scenario's priority order. */
  readonly classes: ClassMetrics[];
}

/** `run` covers the window's intervals when one is given, else the whole horizon. */
export function measurePhone(
  model: PhoneModel,
  counters: PhoneCounters,
  calendar: CalendarModel,
  window: RunWindowIntervals | undefined,
): PhoneReplicationMetrics {
  const { intervalS, intervalsPerDay, days } = calendar;
  const scheduled = model.scheduledPerInterval;
  const span = (from: number, to: number) => {
    let scheduledAgentS = 0;
    for (let i = from; i < to; i++) scheduledAgentS += scheduled[i]! * intervalS;
    const histogram = sumRows(counters.waitHistogram, from, to, new Float64Array(WAIT_BUCKETS));
    return derivePhoneMetrics(mergeRows(counters, from, to), histogram, {
      spanS: (to - from) * intervalS,
      scheduledAgentS,
    });
  };
  const intervals: PhoneMetrics[] = [];
  for (let i = 0; i < counters.intervals; i++) intervals.push(span(i, i + 1));
  const dayMetrics: PhoneMetrics[] = [];
  for (let d = 0; d < days; d++) dayMetrics.push(span(d * intervalsPerDay, (d + 1) * intervalsPerDay));
  const classes = model.classes.map((_, k) =>
    deriveClassMetrics(
      Object.fromEntries(CLASS_FIELDS.map((f) => [f, counters.byClass[f][k]!])) as Record<ClassField, number>,
    ),
  );
  return {
    intervals,
    days: dayMetrics,
    run: span(window?.fromInterval ?? 0, window?.toInterval ?? counters.intervals),
    classes,
  };
}
