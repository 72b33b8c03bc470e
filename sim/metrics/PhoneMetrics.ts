import type { CounterRow } from './PhoneCounters.js';
import { quantile } from './WaitHistogram.js';

/**
 * Metrics of the phone channel for one interval, day or run of one replication. Ratios whose
 * denominator is zero are null (never NaN): no offered calls means no service level, not 0%.
 */
export const PHONE_METRICS = [
  'offered',
  'answered',
  'abandoned',
  'blocked',
  'closed',
  'selfServed',
  'retrials',
  'inSystemAtEnd',
  'slOffered',
  'slAnswered',
  'slExcludingShortAbandons',
  'asaS',
  'waitP50S',
  'waitP80S',
  'waitP90S',
  'waitP95S',
  'waitP99S',
  'maxWaitS',
  'abandonRate',
  'blockRate',
  'occupancy',
  'meanQueueLength',
  'maxQueueLength',
  'agentsScheduled',
  'agentsOnDuty',
  'agentHours',
  'overtimeHours',
] as const;

export type PhoneMetric = (typeof PHONE_METRICS)[number];
export type PhoneMetrics = Record<PhoneMetric, number | null>;

export interface MetricContext {
  /** Length of the span the row covers, seconds. */
  spanS: number;
  /** Scheduled agent-seconds over the span (from the staffing model). */
  scheduledAgentS: number;
}

const ratio = (a: number, b: number): number | null => (b > 0 ? a / b : null);

export function derivePhoneMetrics(
  row: CounterRow,
  histogram: ArrayLike<number>,
  context: MetricContext,
): PhoneMetrics {
  const handled = row.answered + row.abandoned;
  return {
    offered: row.offered,
    answered: row.answered,
    abandoned: row.abandoned,
    blocked: row.blocked,
    closed: row.closed,
    selfServed: row.selfServed,
    retrials: row.retrials,
    inSystemAtEnd: row.inSystemAtEnd,
    slOffered: ratio(row.answeredWithinT, handled),
    slAnswered: ratio(row.answeredWithinT, row.answered),
    slExcludingShortAbandons: ratio(row.answeredWithinT, row.answered + row.abandonedAfterT),
    asaS: ratio(row.waitSumAnsweredS, row.answered),
    waitP50S: quantile(histogram, 0.5),
    waitP80S: quantile(histogram, 0.8),
    waitP90S: quantile(histogram, 0.9),
    waitP95S: quantile(histogram, 0.95),
    waitP99S: quantile(histogram, 0.99),
    maxWaitS: row.answered > 0 ? row.maxWaitS : null,
    abandonRate: ratio(row.abandoned, handled),
    blockRate: ratio(row.blocked, row.offered - row.closed),
    occupancy: ratio(row.busyAgentS, row.onDutyAgentS),
    meanQueueLength: row.queueAreaS / context.spanS,
    maxQueueLength: row.maxQueue,
    agentsScheduled: context.scheduledAgentS / context.spanS,
    agentsOnDuty: row.onDutyAgentS / context.spanS,
    agentHours: row.onDutyAgentS / 3600,
    overtimeHours: row.overtimeAgentS / 3600,
  };
}
