import { histogramBlock } from '../../metrics/WaitHistogram.js';

// Raw facts of one replication, per interval (simmer's lesson: store facts, derive metrics later).
// Contact outcomes are counted in the interval the contact ARRIVED in (ACD convention), so a call
// offered at 09:58 and answered at 10:03 belongs to 09:30-10:00. Time integrals (agents, queue) are
// split exactly at interval boundaries.

/** Counts and sums attributed to the contact's arrival interval. */
export const CONTACT_FIELDS = [
  'offered',
  'retrials',
  'caused',
  'answered',
  'answeredWithinT',
  'abandoned',
  'abandonedAfterT',
  'blocked',
  'closed',
  'selfServed',
  'inSystemAtEnd',
  'waitSumAnsweredS',
  'queueTimeSumS',
  'maxWaitS',
] as const;

/** Time integrals and extremes attributed to the calendar interval they happen in. */
export const TIME_FIELDS = [
  'busyAgentS',
  'onDutyAgentS',
  'overtimeAgentS',
  'queueAreaS',
  'maxQueue',
] as const;

export type ContactField = (typeof CONTACT_FIELDS)[number];
export type TimeField = (typeof TIME_FIELDS)[number];
export type CounterField = ContactField | TimeField;

/** Fields combined by max rather than sum when intervals are merged into days or runs. */
export const MAX_FIELDS: ReadonlySet<CounterField> = new Set(['maxWaitS', 'maxQueue']);

/** Whole-run counts per priority class (index = class in priority order), for class-level service levels. */
export const CLASS_FIELDS = [
  'offered',
  'answered',
  'answeredWithinT',
  'abandoned',
  'abandonedAfterT',
  'waitSumAnsweredS',
] as const;
export type ClassField = (typeof CLASS_FIELDS)[number];

export type PhoneCounters = Record<CounterField, Float64Array> & {
  readonly intervals: number;
  readonly byClass: Record<ClassField, Float64Array>;
  /** Row-major: interval i's wait histogram of answered contacts is [i * WAIT_BUCKETS, (i + 1) * WAIT_BUCKETS). */
  readonly waitHistogram: Uint32Array;
};

export function createPhoneCounters(intervals: number, classes = 1): PhoneCounters {
  const fields = Object.fromEntries(
    [...CONTACT_FIELDS, ...TIME_FIELDS].map((name) => [name, new Float64Array(intervals)]),
  ) as Record<CounterField, Float64Array>;
  const byClass = Object.fromEntries(CLASS_FIELDS.map((name) => [name, new Float64Array(classes)])) as Record<
    ClassField,
    Float64Array
  >;
  return { ...fields, intervals, byClass, waitHistogram: histogramBlock(intervals) };
}

/** One row of counters: an interval, or intervals merged into a day or a run. */
export type CounterRow = Record<CounterField, number>;

export function mergeRows(counters: PhoneCounters, from: number, to: number): CounterRow {
  const row = {} as CounterRow;
  for (const field of [...CONTACT_FIELDS, ...TIME_FIELDS]) {
    const values = counters[field];
    let acc = 0;
    if (MAX_FIELDS.has(field)) for (let i = from; i < to; i++) acc = Math.max(acc, values[i]!);
    else for (let i = from; i < to; i++) acc += values[i]!;
    row[field] = acc;
  }
  return row;
}
