import { serviceLevel } from '../../metrics/serviceLevel.js';
import { quantile } from '../../metrics/WaitHistogram.js';
import type { ChatCounterRow } from './ChatCounters.js';
import type { ChatMetric } from './chatMetricSpecs.js';

export type ChatMetrics = Record<ChatMetric, number | null>;

const ratio = (a: number, b: number): number | null => (b > 0 ? a / b : null);

/**
 * Chat metrics of one interval, day or run of one replication. Service levels are on the first
 * reply: answered = sessions with a first reply, abandoned = left before it. Ratios with a zero
 * denominator are null (never NaN).
 */
export function deriveChatMetrics(
  row: ChatCounterRow,
  firstResponseHistogram: ArrayLike<number>,
  replyHistogram: ArrayLike<number>,
  spanS: number,
): ChatMetrics {
  const counts = {
    answeredWithinT: row.answeredWithinT,
    answered: row.answered,
    abandoned: row.abandoned,
    abandonedAfterT: row.abandonedAfterT,
  };
  const taken = row.offered - row.closed;
  return {
    offered: row.offered,
    caused: row.caused,
    answered: row.answered,
    abandoned: row.abandoned,
    closed: row.closed,
    completed: row.completed,
    leftAfterFirstReply: row.leftAfterFirstReply,
    inSystemAtEnd: row.inSystemAtEnd,
    firstResponseSlOffered: serviceLevel('offered', counts),
    firstResponseSlAnswered: serviceLevel('answered', counts),
    firstResponseSlExcludingShortAbandons: serviceLevel('excludingShortAbandons', counts),
    firstResponseMeanS: ratio(row.firstResponseSumS, row.answered),
    firstResponseP50S: quantile(firstResponseHistogram, 0.5),
    firstResponseP90S: quantile(firstResponseHistogram, 0.9),
    firstResponseP95S: quantile(firstResponseHistogram, 0.95),
    maxFirstResponseS: row.answered > 0 ? row.maxFirstResponseS : null,
    answeredNextDayShare: ratio(row.answeredNextDay, taken),
    neverAnsweredShare: ratio(taken - row.answered, taken),
    replyMeanS: ratio(row.replyTimeSumS, row.repliesSent),
    replyP90S: quantile(replyHistogram, 0.9),
    queueWaitMeanS: ratio(row.queueWaitSumS, row.assigned),
    abandonRate: ratio(row.abandoned, row.answered + row.abandoned),
    occupancySlots: ratio(row.busyAgentS, row.onDutyAgentS),
    occupancyAgents: ratio(row.engagedAgentS, row.onDutyAgentS),
    sessionsPerAgent: ratio(row.sessionS, row.engagedAgentS),
    meanQueueLength: row.queueAreaS / spanS,
    maxQueueLength: row.maxQueue,
    agentsOnDuty: row.onDutyAgentS / spanS,
    agentHours: row.onDutyAgentS / 3600,
  };
}
