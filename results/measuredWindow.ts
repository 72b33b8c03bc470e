/**
 * The one counting rule of a replay: a call (first attempt or retrial), a chat session or reply and
 * the server's report of a call are measured when the interval they arrived in belongs to the
 * measured window. With `hotline load --warmup`, the warm-up's intervals come before the window: their
 * calls are sent (the target builds its queue) but never counted; a warm-up caller's retrial that
 * arrives inside the window counts, as the simulator counts it. Transport health (requests, failed
 * requests, dropped iterations) counts every request. The window starts on an interval boundary when
 * there is a warm-up (compileProfile checks it), so no interval holds both.
 */
export function measuredIntervals(
  intervals: readonly { readonly index: number; readonly measured: boolean }[],
): (interval: number) => boolean {
  const measured = new Set(intervals.filter((i) => i.measured).map((i) => i.index));
  return (interval) => measured.has(interval);
}

/**
 * The server's log (the mocks' record of every call) restricted to the calls the client measured,
 * matched on callId: the client's interval decides, as for every other figure. (The server's own
 * interval of a call can differ near a boundary: its clock and k6's are not the same clock.)
 */
export function measuredServerLog<T extends { readonly callId?: string }>(
  log: readonly T[],
  measuredCallIds: ReadonlySet<string | undefined>,
): T[] {
  return log.filter((entry) => entry.callId !== undefined && measuredCallIds.has(entry.callId));
}
