import { histogramBlock } from '../../metrics/WaitHistogram.js';

// Raw facts of one replication of the chat channel, per interval (simmer's lesson: store facts,
// derive metrics later). Session outcomes count in the interval the session arrived in; time
// integrals in the interval they happen in.

/** Counts and sums attributed to the session's arrival interval. */
export const CHAT_CONTACT_FIELDS = [
  'offered',
  /** Sessions other channels caused in the same run (Couplings.ts), also counted in offered. */
  'caused',
  'closed',
  /** Sessions that got their first reply. */
  'answered',
  /** First reply within the target's threshold. */
  'answeredWithinT',
  /** Left before the first reply. */
  'abandoned',
  'abandonedAfterT',
  /** Left after the first reply, waiting for a later one (reply patience). */
  'leftAfterFirstReply',
  'completed',
  /** First reply on a later calendar day than the question. */
  'answeredNextDay',
  'firstResponseSumS',
  'maxFirstResponseS',
  /** Sessions that reached an agent, and their wait in queue. */
  'assigned',
  'queueWaitSumS',
  'repliesSent',
  'replyTimeSumS',
  'inSystemAtEnd',
] as const;

/** Time integrals attributed to the calendar interval they happen in. */
export const CHAT_TIME_FIELDS = [
  /** Agent-equivalents busy on chat (a session counts 1/maxChats). */
  'busyAgentS',
  'onDutyAgentS',
  'overtimeAgentS',
  /** Agents with at least one session. */
  'engagedAgentS',
  /** Sessions in progress (held by an agent). */
  'sessionS',
  'queueAreaS',
  'maxQueue',
] as const;

export type ChatContactField = (typeof CHAT_CONTACT_FIELDS)[number];
export type ChatTimeField = (typeof CHAT_TIME_FIELDS)[number];
export type ChatCounterField = ChatContactField | ChatTimeField;

export const CHAT_MAX_FIELDS: ReadonlySet<ChatCounterField> = new Set(['maxFirstResponseS', 'maxQueue']);

export type ChatCounters = Record<ChatCounterField, Float64Array> & {
  readonly intervals: number;
  /** Row-major first-response histograms of answered sessions, WAIT_BUCKETS per interval. */
  readonly firstResponseHistogram: Uint32Array;
  /** Row-major histograms of every reply's time (resident's message to the agent's reply). */
  readonly replyHistogram: Uint32Array;
};

export function createChatCounters(intervals: number): ChatCounters {
  const fields = Object.fromEntries(
    [...CHAT_CONTACT_FIELDS, ...CHAT_TIME_FIELDS].map((name) => [name, new Float64Array(intervals)]),
  ) as Record<ChatCounterField, Float64Array>;
  return {
    ...fields,
    intervals,
    firstResponseHistogram: histogramBlock(intervals),
    replyHistogram: histogramBlock(intervals),
  };
}

/** One row of counters: an interval, or intervals merged into a day or a run. */
export type ChatCounterRow = Record<ChatCounterField, number>;

export function mergeChatRows(counters: ChatCounters, from: number, to: number): ChatCounterRow {
  const row = {} as ChatCounterRow;
  for (const field of [...CHAT_CONTACT_FIELDS, ...CHAT_TIME_FIELDS]) {
    const values = counters[field];
    let acc = 0;
    if (CHAT_MAX_FIELDS.has(field)) for (let i = from; i < to; i++) acc = Math.max(acc, values[i]!);
    else for (let i = from; i < to; i++) acc += values[i]!;
    row[field] = acc;
  }
  return row;
}
