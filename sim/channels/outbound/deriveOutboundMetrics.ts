import { serviceLevel } from '../../metrics/serviceLevel.js';
import type { OutboundCounterRow } from './OutboundCounters.js';
import type { OutboundMetric } from './outboundMetricSpecs.js';

export type OutboundMetrics = Record<OutboundMetric, number | null>;

const ratio = (a: number, b: number): number | null => (b > 0 ? a / b : null);

/**
 * Outbound metrics of one interval, day or run of one replication (`spanS` long). The campaign's
 * service level counts numbers resolved in the span: reached (answered) within T of their load, and
 * given up (abandoned: failed or dropped) after T. Ratios with a zero denominator are null.
 */
export function deriveOutboundMetrics(row: OutboundCounterRow, spanS: number): OutboundMetrics {
  const givenUp = row.failed + row.dropped;
  const counts = {
    answeredWithinT: row.reachedWithinT,
    answered: row.completed,
    abandoned: givenUp,
    abandonedAfterT: row.givenUpAfterT,
  };
  return {
    loaded: row.loaded,
    attempts: row.attempts,
    connected: row.connected,
    completed: row.completed,
    failed: row.failed,
    dropped: row.dropped,
    leftAtClose: row.leftAtClose,
    remainingAtEnd: row.remainingAtEnd,
    completedPerHour: ratio(row.completed * 3600, spanS),
    connectRate: ratio(row.connected, row.attempts),
    attemptsPerCompleted: ratio(row.attempts, row.completed),
    reachedSlOffered: serviceLevel('offered', counts),
    reachedSlAnswered: serviceLevel('answered', counts),
    reachedSlExcludingShortAbandons: serviceLevel('excludingShortAbandons', counts),
    givenUpShare: ratio(givenUp, row.completed + givenUp),
    timeToReachMeanS: ratio(row.timeToReachSumS, row.completed),
    outboundShare: ratio(row.busyAgentS, row.onDutyAgentS),
    outboundAgentHours: row.busyAgentS / 3600,
    agentsOnDuty: spanS > 0 ? row.onDutyAgentS / spanS : null,
  };
}
