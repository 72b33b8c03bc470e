import { SUPPORT_CAUSES, SUPPORT_CHANNELS, type SupportCause, type SupportChannel } from './supportCauses.js';

// Raw facts of one replication of the portal channel, per interval (simmer's lesson: store facts,
// derive metrics later). Each event counts in the interval it happens in (an application when it
// starts, a decision when it is made); `pendingAtEnd` in the interval the application started.

/** `supportRefusedUploadPhone`, ...: support contacts offered, by cause and channel. */
export type SupportField = `support${Capitalize<SupportCause>}${Capitalize<SupportChannel>}`;

const capitalize = <T extends string>(s: T) => `${s[0]!.toUpperCase()}${s.slice(1)}` as Capitalize<T>;

export function supportField(cause: SupportCause, channel: SupportChannel): SupportField {
  return `support${capitalize(cause)}${capitalize(channel)}`;
}

export const SUPPORT_FIELDS: readonly SupportField[] = SUPPORT_CAUSES.flatMap((cause) =>
  SUPPORT_CHANNELS.map((channel) => supportField(cause, channel)),
);

export const PORTAL_FIELDS = [
  /** Applicants who started an application (first submission). */
  'applications',
  /** Submissions, first ones and resubmissions after a refusal. */
  'submissions',
  'documents',
  'refusedWrongType',
  'refusedTooBig',
  'refusedBadField',
  /** Applications whose submission passed validation (status "received"). */
  'received',
  /** Applicants who gave up after a refusal (forms never submitted). */
  'neverSubmitted',
  'statusChecks',
  'decided',
  'decidedOnTime',
  'decisionWorkingDaysSum',
  /** Calendar time from receipt to decision, seconds (weekends and closed dates included). */
  'decisionElapsedSumS',
  /** Applications still in the system at the horizon (awaiting resubmission or a decision). */
  'pendingAtEnd',
  ...SUPPORT_FIELDS,
] as const;

export type PortalField = (typeof PORTAL_FIELDS)[number];

/** Fields also kept per application type (row-major: type * intervals + interval). */
export const PORTAL_TYPE_FIELDS = ['received', 'decided', 'decidedOnTime', 'decisionWorkingDaysSum'] as const;
export type PortalTypeField = (typeof PORTAL_TYPE_FIELDS)[number];

export type PortalCounters = Record<PortalField, Float64Array> & {
  readonly intervals: number;
  readonly types: number;
  /** Buckets of the decision-days histograms: 0 ... maxDecisionDays working days. */
  readonly dayBuckets: number;
  readonly byType: Record<PortalTypeField, Float64Array>;
  /** Decisions by working days taken, row-major per interval (dayBuckets per interval). */
  readonly decisionDaysHistogram: Uint32Array;
  /** The same per type: (type * intervals + interval) * dayBuckets + days. */
  readonly typeDecisionDaysHistogram: Uint32Array;
};

export function createPortalCounters(
  intervals: number,
  types: number,
  maxDecisionDays: number,
): PortalCounters {
  const fields = Object.fromEntries(
    PORTAL_FIELDS.map((name) => [name, new Float64Array(intervals)]),
  ) as Record<PortalField, Float64Array>;
  const byType = Object.fromEntries(
    PORTAL_TYPE_FIELDS.map((name) => [name, new Float64Array(types * intervals)]),
  ) as Record<PortalTypeField, Float64Array>;
  const dayBuckets = maxDecisionDays + 1;
  return {
    ...fields,
    intervals,
    types,
    dayBuckets,
    byType,
    decisionDaysHistogram: new Uint32Array(intervals * dayBuckets),
    typeDecisionDaysHistogram: new Uint32Array(types * intervals * dayBuckets),
  };
}

/** One row of counters: an interval, or intervals merged into a day or a run. */
export type PortalCounterRow = Record<PortalField, number>;

export function mergePortalRows(counters: PortalCounters, from: number, to: number): PortalCounterRow {
  const row = {} as PortalCounterRow;
  for (const field of PORTAL_FIELDS) {
    const values = counters[field];
    let acc = 0;
    for (let i = from; i < to; i++) acc += values[i]!;
    row[field] = acc;
  }
  return row;
}
