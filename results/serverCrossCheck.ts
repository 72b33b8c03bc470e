// The client's measurement beside the server's self-report. `hotline load` measures waits and outcomes
// on k6's clock (what a caller experiences); the target's replies also say what it thinks happened.
// Their difference is latency between the two (network, server, injected faults), or a bug. Small and
// separate from the metric summary: an optional block `serverCrossCheck` of summary.json. Both sides'
// figures come from measurePhone (results/phone/k6PhoneResults.ts), so from the registry's formulas and the one
// service-level formula (sim/metrics/serviceLevel.ts), exactly as the summary's own figures.
import { type Static, Type } from '@sinclair/typebox';
import { measurePhone } from './phone/k6PhoneResults.js';
import type { MeasuredCall, MeasuredCalls } from './phone/measuredCall.js';

const NullableNum = Type.Union([Type.Number(), Type.Null()]);
const Figures = Type.Object({ asaS: NullableNum, slOffered: NullableNum, abandonRate: NullableNum });

export const ServerCrossCheckSchema = Type.Object({
  /** Where the server's view comes from: the target's replies, or the mocks' own record of every call. */
  source: Type.Union([Type.Literal('replies'), Type.Literal('mockLog')]),
  /** Calls the server's view covers. */
  calls: Type.Integer({ minimum: 0 }),
  client: Figures,
  server: Figures,
  /** client − server. */
  difference: Figures,
  /** Client wait − server wait of the same calls, answered on both sides (model seconds). */
  waitGapS: Type.Union([
    Type.Object({
      n: Type.Integer(),
      mean: Type.Number(),
      p50: Type.Number(),
      p95: Type.Number(),
      max: Type.Number(),
    }),
    Type.Null(),
  ]),
  /**
   * Calls by "client outcome/server outcome", call by call: with a server log (matched on callId) the
   * server's record of each call, otherwise its reply ("none": no reply, e.g. the caller hung up).
   * "abandoned/answered" is an answer still in flight when the caller hung up (latency).
   */
  outcomes: Type.Record(Type.String(), Type.Integer()),
});

export type ServerCrossCheck = Static<typeof ServerCrossCheckSchema>;

/** One call as the server recorded it (the mocks' log); hang-ups included. */
export interface ServerLogEntry {
  outcome: string;
  waitS: number;
  callId?: string;
}

type Figures = Static<typeof Figures>;

/** ASA, slOffered and abandon rate of some calls, by the registry's formulas (measurePhone). */
function figures(calls: readonly Pick<MeasuredCall, 'outcome' | 'waitS'>[], thresholdS: number): Figures {
  const measured = measurePhone(
    calls.map((c) => ({ interval: 0, outcome: c.outcome, waitS: c.waitS, retrial: false })),
    thresholdS,
  );
  return {
    asaS: measured.asaS.mean,
    slOffered: measured.slOffered.mean,
    abandonRate: measured.abandonRate.mean,
  };
}

const minus = (a: number | null, b: number | null) => (a === null || b === null ? null : a - b);

/**
 * The cross-check of a replay. Without a server log, the server's view is its replies; a call the
 * client hung up on has none and counts as abandoned there (the contract: a hang-up is an abandon).
 */
export function serverCrossCheck(
  measurement: MeasuredCalls,
  thresholdS: number,
  serverLog: readonly ServerLogEntry[] | null = null,
): ServerCrossCheck {
  const outcomes: Record<string, number> = {};
  const logged = new Map((serverLog ?? []).map((e) => [e.callId, e.outcome]));
  let hungUp = 0;
  for (const call of measurement.calls) {
    const recorded = call.callId === undefined ? undefined : logged.get(call.callId);
    const key = `${call.outcome}/${recorded ?? call.serverOutcome ?? 'none'}`;
    outcomes[key] = (outcomes[key] ?? 0) + 1;
    if (call.outcome === 'abandoned' && (call.serverOutcome ?? 'none') === 'none') hungUp++;
  }
  // Without a log, a call the client hung up on has no reply: an abandon on the server's side too.
  const serverCalls: Pick<MeasuredCall, 'outcome' | 'waitS'>[] = serverLog
    ? [...serverLog]
    : [
        ...measurement.serverReported,
        ...Array.from({ length: hungUp }, () => ({ outcome: 'abandoned', waitS: 0 })),
      ];
  const gaps = [...measurement.waitGapsS].sort((a, b) => a - b);
  const at = (q: number) => gaps[Math.min(gaps.length - 1, Math.floor(q * gaps.length))]!;
  const c = figures(measurement.calls, thresholdS);
  const s = figures(serverCalls, thresholdS);
  return {
    source: serverLog ? 'mockLog' : 'replies',
    calls: serverCalls.length,
    client: c,
    server: s,
    difference: {
      asaS: minus(c.asaS, s.asaS),
      slOffered: minus(c.slOffered, s.slOffered),
      abandonRate: minus(c.abandonRate, s.abandonRate),
    },
    waitGapS:
      gaps.length === 0
        ? null
        : {
            n: gaps.length,
            mean: gaps.reduce((a, b) => a + b, 0) / gaps.length,
            p50: at(0.5),
            p95: at(0.95),
            max: gaps[gaps.length - 1]!,
          },
    outcomes,
  };
}
