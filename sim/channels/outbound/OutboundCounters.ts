// Raw facts of one replication of the outbound channel, per interval (simmer's lesson: store facts,
// derive metrics later). Unlike inbound contacts, a number's events are counted in the interval
// they happen in (a dial's start, a number's resolution), since a number lives for days.

export const OUTBOUND_FIELDS = [
  /** Numbers put on the list (the day's campaign). */
  'loaded',
  /** Dials started, and those of them that connected. */
  'attempts',
  'connected',
  /** Numbers reached: a connected call finished (talk and after-call work). */
  'completed',
  /** Numbers given up after maxAttempts failed attempts. */
  'failed',
  /** Numbers given up at the window's close (leftover 'drop'). */
  'dropped',
  /** Numbers reached within the target's threshold of being loaded. */
  'reachedWithinT',
  /** Numbers given up (failed or dropped) more than the threshold after being loaded. */
  'givenUpAfterT',
  /** Sum of load-to-reach times of completed numbers. */
  'timeToReachSumS',
  /** Numbers not yet resolved when the window closed (in the interval that ends with the close). */
  'leftAtClose',
  /** Numbers not yet resolved at the end of the run (last interval only): fresh, awaiting retry, or in a dial. */
  'remainingAtEnd',
  /** Agent-seconds on outbound dials (integrated by the pool). */
  'busyAgentS',
  /** Agent-seconds on duty in the groups with the outbound skill. */
  'onDutyAgentS',
  'overtimeAgentS',
] as const;

export type OutboundField = (typeof OUTBOUND_FIELDS)[number];

export type OutboundCounters = Record<OutboundField, Float64Array> & { readonly intervals: number };

export function createOutboundCounters(intervals: number): OutboundCounters {
  const fields = Object.fromEntries(OUTBOUND_FIELDS.map((name) => [name, new Float64Array(intervals)]));
  return { ...(fields as Record<OutboundField, Float64Array>), intervals };
}

/** One row of counters: an interval, or intervals summed into a day or a run. */
export type OutboundCounterRow = Record<OutboundField, number>;

export function sumOutboundRows(counters: OutboundCounters, from: number, to: number): OutboundCounterRow {
  const row = {} as OutboundCounterRow;
  for (const field of OUTBOUND_FIELDS) {
    const values = counters[field];
    let acc = 0;
    for (let i = from; i < to; i++) acc += values[i]!;
    row[field] = acc;
  }
  return row;
}
