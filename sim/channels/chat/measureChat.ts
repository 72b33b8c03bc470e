import type { CalendarModel } from '../../../scenarios/ScenarioModel.js';
import { sumRows, WAIT_BUCKETS } from '../../metrics/WaitHistogram.js';
import { type ChatCounters, mergeChatRows } from './ChatCounters.js';
import { type ChatMetrics, deriveChatMetrics } from './deriveChatMetrics.js';

/** Chat metrics of one replication per interval, per day, and over the run (or the window). */
export interface ChatReplicationMetrics {
  readonly intervals: ChatMetrics[];
  readonly days: ChatMetrics[];
  readonly run: ChatMetrics;
}

export function measureChat(
  counters: ChatCounters,
  calendar: CalendarModel,
  window?: { fromInterval: number; toInterval: number },
): ChatReplicationMetrics {
  const { intervalS, intervalsPerDay, days } = calendar;
  const span = (from: number, to: number) =>
    deriveChatMetrics(
      mergeChatRows(counters, from, to),
      sumRows(counters.firstResponseHistogram, from, to, new Float64Array(WAIT_BUCKETS)),
      sumRows(counters.replyHistogram, from, to, new Float64Array(WAIT_BUCKETS)),
      (to - from) * intervalS,
    );
  const intervals: ChatMetrics[] = [];
  for (let i = 0; i < counters.intervals; i++) intervals.push(span(i, i + 1));
  const dayMetrics: ChatMetrics[] = [];
  for (let d = 0; d < days; d++) dayMetrics.push(span(d * intervalsPerDay, (d + 1) * intervalsPerDay));
  return {
    intervals,
    days: dayMetrics,
    run: span(window?.fromInterval ?? 0, window?.toInterval ?? counters.intervals),
  };
}
