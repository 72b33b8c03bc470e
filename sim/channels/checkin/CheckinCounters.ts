import { histogramBlock } from '../../metrics/WaitHistogram.js';

// Raw facts of one replication of the check-in channel, per interval (simmer's lesson: store facts,
// derive metrics later). Every count is in the interval its event happens in (a prompt when it is
// sent, a failure when it is known, a call when it is made), so the loop reads on one time axis.

export const CHECKIN_COUNT_FIELDS = [
  'prompts',
  /** Check-ins submitted before the deadline (they go to verification). */
  'received',
  /** Responses after the deadline (counted as failedNoResponse too). */
  'lateResponses',
  'failedNoResponse',
  'failedAppError',
  'failedGeolocationWrong',
  'failedPhotoNotIdentified',
  'failedCannotUseApp',
  /** Recorded violations: every failed or missed check-in. */
  'violations',
  /** Decided by the automatic verification (pass, fail or to review). */
  'verificationDone',
  'verificationWaitSumS',
  /** Submission to the service's decision. */
  'verificationTimeSumS',
  'sentToReview',
  'reviewStarted',
  'reviewWaitSumS',
  'reviewed',
  /** Check-ins confirmed (automatically or by review), their time from submission. */
  'confirmed',
  'confirmedWithinT',
  'confirmationSumS',
  'maxConfirmationS',
  'callsCausedNoResponse',
  'callsCausedAppError',
  'callsCausedGeolocationWrong',
  'callsCausedPhotoNotIdentified',
  'callsCausedCannotUseApp',
  /** Calls a failure made that no phone channel of the run could take. */
  'callsNotOffered',
  /** At the horizon: check-ins submitted and not decided yet (verification or review). */
  'pendingAtEnd',
] as const;

/** Time integrals and maxima in the interval they happen in. */
export const CHECKIN_TIME_FIELDS = [
  'busyAgentS',
  'onDutyAgentS',
  'overtimeAgentS',
  'verificationQueueAreaS',
  'verificationBusyS',
  'reviewQueueAreaS',
  'maxReviewQueue',
] as const;

export type CheckinCounterField =
  | (typeof CHECKIN_COUNT_FIELDS)[number]
  | (typeof CHECKIN_TIME_FIELDS)[number];

const MAX_FIELDS: ReadonlySet<CheckinCounterField> = new Set(['maxConfirmationS', 'maxReviewQueue']);

/** The failed<Mode> and callsCaused<Mode> counters, in FAILURE_MODES order. */
export const FAILED_FIELDS = [
  'failedNoResponse',
  'failedAppError',
  'failedGeolocationWrong',
  'failedPhotoNotIdentified',
  'failedCannotUseApp',
] as const satisfies readonly CheckinCounterField[];
export const CALLS_CAUSED_FIELDS = [
  'callsCausedNoResponse',
  'callsCausedAppError',
  'callsCausedGeolocationWrong',
  'callsCausedPhotoNotIdentified',
  'callsCausedCannotUseApp',
] as const satisfies readonly CheckinCounterField[];

export type CheckinCounters = Record<CheckinCounterField, Float64Array> & {
  readonly intervals: number;
  /** Row-major histograms of confirmation times (submission to confirmed), WAIT_BUCKETS per interval. */
  readonly confirmationHistogram: Uint32Array;
};

const ALL_FIELDS = [...CHECKIN_COUNT_FIELDS, ...CHECKIN_TIME_FIELDS] as const;

export function createCheckinCounters(intervals: number): CheckinCounters {
  const fields = Object.fromEntries(ALL_FIELDS.map((name) => [name, new Float64Array(intervals)])) as Record<
    CheckinCounterField,
    Float64Array
  >;
  return { ...fields, intervals, confirmationHistogram: histogramBlock(intervals) };
}

/** One row of counters: an interval, or intervals merged into a day or a run. */
export type CheckinCounterRow = Record<CheckinCounterField, number>;

export function mergeCheckinRows(counters: CheckinCounters, from: number, to: number): CheckinCounterRow {
  const row = {} as CheckinCounterRow;
  for (const field of ALL_FIELDS) {
    const values = counters[field];
    let acc = 0;
    if (MAX_FIELDS.has(field)) for (let i = from; i < to; i++) acc = Math.max(acc, values[i]!);
    else for (let i = from; i < to; i++) acc += values[i]!;
    row[field] = acc;
  }
  return row;
}
