import type { ScenarioModel } from '../../scenarios/ScenarioModel.js';
import type { ChatCounters } from '../channels/chat/ChatCounters.js';
import { type ChatReplicationMetrics, measureChat } from '../channels/chat/measureChat.js';
import { type ClassMetrics, deriveClassMetrics } from '../metrics/ClassMetrics.js';
import { CLASS_FIELDS, type ClassField, mergeRows, type PhoneCounters } from '../metrics/PhoneCounters.js';
import { derivePhoneMetrics, type PhoneMetrics } from '../metrics/PhoneMetrics.js';
import { sumRows, WAIT_BUCKETS } from '../metrics/WaitHistogram.js';

/** Metrics of one replication at the three levels a planner reads: interval, day, run. */
export interface ReplicationMetrics {
  readonly intervals: PhoneMetrics[];
  readonly days: PhoneMetrics[];
  readonly run: PhoneMetrics;
  /** Whole run per priority class, in the scenario's priority order. */
  readonly classes: ClassMetrics[];
  /** The chat channel's metrics; null when the scenario has no chat. */
  readonly chat: ChatReplicationMetrics | null;
}

/** `run` covers the window's intervals when one is given, else the whole horizon. */
export function measureReplication(
  scenario: ScenarioModel,
  counters: PhoneCounters,
  window?: { fromInterval: number; toInterval: number },
  chat: ChatCounters | null = null,
): ReplicationMetrics {
  const { intervalS, intervalsPerDay, days } = scenario.calendar;
  const scheduled = scenario.phoneScheduledPerInterval;
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
  const classes = scenario.phone.classes.map((_, k) =>
    deriveClassMetrics(
      Object.fromEntries(CLASS_FIELDS.map((f) => [f, counters.byClass[f][k]!])) as Record<ClassField, number>,
    ),
  );
  return {
    intervals,
    days: dayMetrics,
    run: span(window?.fromInterval ?? 0, window?.toInterval ?? counters.intervals),
    classes,
    chat: chat === null ? null : measureChat(scenario, chat, window),
  };
}
