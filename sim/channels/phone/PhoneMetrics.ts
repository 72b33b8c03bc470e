import { serviceLevel } from '../../metrics/serviceLevel.js';
import { quantile } from '../../metrics/WaitHistogram.js';
import type { CounterRow } from './PhoneCounters.js';
import { PHONE_METRIC_SPECS, type PhoneMetricName } from './phoneMetricSpecs.js';

/**
 * Metrics of the phone channel for one interval, day or run of one replication. Ratios whose
 * denominator is zero are null (never NaN): no offered calls means no service level, not 0%.
 * The names, units, directions... are declared in sim/channels/phone/phoneMetricSpecs.ts.
 */
export type PhoneMetric = PhoneMetricName;
export type PhoneMetrics = Record<PhoneMetric, number | null>;

/** The phone metric names in the order files list them (the declaration's order). */
export const PHONE_METRICS: readonly PhoneMetric[] = PHONE_METRIC_SPECS.map((spec) => spec.name);

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
  return {
    offered: row.offered,
    answered: row.answered,
    abandoned: row.abandoned,
    blocked: row.blocked,
    closed: row.closed,
    selfServed: row.selfServed,
    retrials: row.retrials,
    caused: row.caused,
    inSystemAtEnd: row.inSystemAtEnd,
    slOffered: serviceLevel('offered', row),
    slAnswered: serviceLevel('answered', row),
    slExcludingShortAbandons: serviceLevel('excludingShortAbandons', row),
    asaS: ratio(row.waitSumAnsweredS, row.answered),
    waitP50S: quantile(histogram, 0.5),
    waitP80S: quantile(histogram, 0.8),
    waitP90S: quantile(histogram, 0.9),
    waitP95S: quantile(histogram, 0.95),
    waitP99S: quantile(histogram, 0.99),
    maxWaitS: row.answered > 0 ? row.maxWaitS : null,
    abandonRate: ratio(row.abandoned, row.answered + row.abandoned),
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
