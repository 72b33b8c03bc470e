import { serviceLevel } from '../../metrics/serviceLevel.js';
import { quantile } from '../../metrics/WaitHistogram.js';
import type { EmailCounterRow } from './EmailCounters.js';
import type { EmailMetric } from './emailMetricSpecs.js';

export type EmailMetrics = Record<EmailMetric, number | null>;

const ratio = (a: number, b: number): number | null => (b > 0 ? a / b : null);
/** E-mail response times read in hours (seconds would print as 7136.8 s). */
const hours = (seconds: number | null): number | null => (seconds === null ? null : seconds / 3600);

/**
 * E-mail metrics of one interval, day or run of one replication. Cohort figures (service levels,
 * response times, overdue) are about the e-mails received in the span; `answered` counts answers sent
 * in it and `backlogAtEnd` what is unanswered at its end. An e-mail unanswered at the run's end and
 * not yet past its target has no verdict: it is in neither service level. Null, never NaN.
 */
export function deriveEmailMetrics(
  row: EmailCounterRow,
  responseWorkingHistogram: ArrayLike<number>,
  backlogAtEnd: number,
  spanS: number,
): EmailMetrics {
  const counts = {
    answeredWithinT: row.answeredWithinT,
    answered: row.cohortAnswered,
    abandoned: row.unansweredAtEnd,
    abandonedAfterT: row.overdueAtEnd,
  };
  return {
    offered: row.offered,
    answered: row.answered,
    backlogAtEnd,
    slIncludingOverdue: serviceLevel('excludingShortAbandons', counts),
    slAnswered: serviceLevel('answered', counts),
    responseMeanWorkingH: hours(ratio(row.responseWorkingSumS, row.cohortAnswered)),
    responseP90WorkingH: hours(quantile(responseWorkingHistogram, 0.9)),
    maxResponseWorkingH: hours(row.cohortAnswered > 0 ? row.maxResponseWorkingS : null),
    responseMeanH: hours(ratio(row.responseSumS, row.cohortAnswered)),
    waitMeanS: ratio(row.waitSumS, row.started),
    overdueAtEnd: row.overdueAtEnd,
    meanWaiting: row.waitingAreaS / spanS,
    workedHours: row.busyAgentS / 3600,
    emailShareOfAgentTime: ratio(row.busyAgentS, row.onDutyAgentS),
    agentsOnDuty: row.onDutyAgentS / spanS,
    agentHours: row.onDutyAgentS / 3600,
  };
}
