import { histogramBlock } from '../../metrics/WaitHistogram.js';

// Raw facts of one replication of the e-mail channel, per interval (store facts, derive metrics
// later). What happens to an e-mail counts in the interval it was received in (its cohort); flows and
// time integrals in the interval they happen in.

/** Counts and sums attributed to the interval the e-mail was received in. */
export const EMAIL_COHORT_FIELDS = [
  'offered',
  /** E-mails of the cohort answered before the end of the run. */
  'cohortAnswered',
  /** Answered within the target's working time. */
  'answeredWithinT',
  /** Working seconds from receipt to answer (the working-hours clock), summed. */
  'responseWorkingSumS',
  /** Calendar seconds from receipt to answer, summed. */
  'responseSumS',
  /** Calendar seconds in the backlog before an agent opened the e-mail, summed (Erlang C's wait). */
  'waitSumS',
  /** E-mails an agent opened. */
  'started',
  'maxResponseWorkingS',
  /** Still unanswered at the end of the run (waiting or in an agent's hands). */
  'unansweredAtEnd',
  /** Unanswered at the end and already past the target's working time. */
  'overdueAtEnd',
] as const;

/** Flows and time integrals attributed to the interval they happen in. */
export const EMAIL_FLOW_FIELDS = [
  /** Answers sent in the interval, whenever the e-mail came. */
  'answered',
  /** Agent-seconds working e-mails. */
  'busyAgentS',
  /** Agent-seconds on duty in the groups with the email skill. */
  'onDutyAgentS',
  'overtimeAgentS',
  /** E-mails waiting (not yet opened) integrated over time. */
  'waitingAreaS',
] as const;

export type EmailCohortField = (typeof EMAIL_COHORT_FIELDS)[number];
export type EmailFlowField = (typeof EMAIL_FLOW_FIELDS)[number];
export type EmailCounterField = EmailCohortField | EmailFlowField;

const MAX_FIELDS: ReadonlySet<EmailCounterField> = new Set(['maxResponseWorkingS']);

export type EmailCounters = Record<EmailCounterField, Float64Array> & {
  readonly intervals: number;
  /** Row-major histograms of answered e-mails' working response time, WAIT_BUCKETS per interval. */
  readonly responseWorkingHistogram: Uint32Array;
};

export function createEmailCounters(intervals: number): EmailCounters {
  const fields = Object.fromEntries(
    [...EMAIL_COHORT_FIELDS, ...EMAIL_FLOW_FIELDS].map((name) => [name, new Float64Array(intervals)]),
  ) as Record<EmailCounterField, Float64Array>;
  return { ...fields, intervals, responseWorkingHistogram: histogramBlock(intervals) };
}

/** One row of counters: an interval, or intervals merged into a day or a run. */
export type EmailCounterRow = Record<EmailCounterField, number>;

export function mergeEmailRows(counters: EmailCounters, from: number, to: number): EmailCounterRow {
  const row = {} as EmailCounterRow;
  for (const field of [...EMAIL_COHORT_FIELDS, ...EMAIL_FLOW_FIELDS]) {
    const values = counters[field];
    let acc = 0;
    if (MAX_FIELDS.has(field)) for (let i = from; i < to; i++) acc = Math.max(acc, values[i]!);
    else for (let i = from; i < to; i++) acc += values[i]!;
    row[field] = acc;
  }
  return row;
}
