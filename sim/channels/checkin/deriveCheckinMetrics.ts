import { quantile } from '../../metrics/WaitHistogram.js';
import { CALLS_CAUSED_FIELDS, type CheckinCounterRow, FAILED_FIELDS } from './CheckinCounters.js';
import type { CheckinMetric } from './checkinMetricSpecs.js';

export type CheckinMetrics = Record<CheckinMetric, number | null>;

const ratio = (a: number, b: number): number | null => (b > 0 ? a / b : null);
const sum = (row: CheckinCounterRow, fields: readonly (keyof CheckinCounterRow)[]) =>
  fields.reduce((acc, f) => acc + row[f], 0);

/**
 * Check-in metrics of one interval, day or run of one replication. `monitoredS` is the population
 * integrated over the span (people x seconds), `capacity` the verification service's. Ratios with a
 * zero denominator are null (never NaN).
 */
export function deriveCheckinMetrics(
  row: CheckinCounterRow,
  confirmationHistogram: ArrayLike<number>,
  spanS: number,
  monitoredS: number,
  capacity: number,
): CheckinMetrics {
  const failed = sum(row, FAILED_FIELDS);
  return {
    monitored: monitoredS / spanS,
    prompts: row.prompts,
    received: row.received,
    failed,
    failureRate: ratio(failed, row.prompts),
    failedNoResponse: row.failedNoResponse,
    lateResponses: row.lateResponses,
    failedAppError: row.failedAppError,
    failedGeolocationWrong: row.failedGeolocationWrong,
    failedPhotoNotIdentified: row.failedPhotoNotIdentified,
    failedCannotUseApp: row.failedCannotUseApp,
    violations: row.violations,
    confirmed: row.confirmed,
    confirmedWithinT: ratio(row.confirmedWithinT, row.confirmed),
    confirmationMeanS: ratio(row.confirmationSumS, row.confirmed),
    confirmationP90S: quantile(confirmationHistogram, 0.9),
    maxConfirmationS: row.confirmed > 0 ? row.maxConfirmationS : null,
    verificationMeanS: ratio(row.verificationTimeSumS, row.verificationDone),
    verificationUtilisation: row.verificationBusyS / (capacity * spanS),
    sentToReview: row.sentToReview,
    reviewed: row.reviewed,
    reviewWaitMeanS: ratio(row.reviewWaitSumS, row.reviewStarted),
    meanReviewQueue: row.reviewQueueAreaS / spanS,
    maxReviewQueue: row.maxReviewQueue,
    callsCaused: sum(row, CALLS_CAUSED_FIELDS),
    callsCausedNoResponse: row.callsCausedNoResponse,
    callsCausedAppError: row.callsCausedAppError,
    callsCausedGeolocationWrong: row.callsCausedGeolocationWrong,
    callsCausedPhotoNotIdentified: row.callsCausedPhotoNotIdentified,
    callsCausedCannotUseApp: row.callsCausedCannotUseApp,
    callsNotOffered: row.callsNotOffered,
    pendingAtEnd: row.pendingAtEnd,
    occupancy: ratio(row.busyAgentS, row.onDutyAgentS),
    agentsOnDuty: row.onDutyAgentS / spanS,
    agentHours: row.onDutyAgentS / 3600,
  };
}
