import { describe, expect, it } from 'vitest';
import type { MeasuredCall, MeasuredCalls } from './phone/measuredCall.js';
import { serverCrossCheck } from './serverCrossCheck.js';

const call = (outcome: string, waitS: number, serverOutcome: string, callId: string): MeasuredCall => ({
  interval: 0,
  outcome,
  waitS,
  retrial: false,
  serverOutcome,
  callId,
});

// Four calls, T = 20 s. Client: answered at 35 s and 10 s, one hung up at 60 s, one blocked. The
// server replied to three: answered at 5 s and 9 s (so gaps of 30 s and 1 s), blocked.
const measurement: MeasuredCalls = {
  calls: [
    call('answered', 35, 'answered', 'a'),
    call('answered', 10, 'answered', 'b'),
    call('abandoned', 60, 'none', 'c'),
    call('blocked', 0, 'blocked', 'd'),
  ],
  serverReported: [
    { outcome: 'answered', waitS: 5 },
    { outcome: 'answered', waitS: 9 },
    { outcome: 'blocked', waitS: 0 },
  ],
  waitGapsS: [30, 1],
};

describe('serverCrossCheck', () => {
  it('from the replies: a hang-up has no reply and counts as abandoned on the server side', () => {
    const check = serverCrossCheck(measurement, 20);
    expect(check).toMatchObject({
      source: 'replies',
      calls: 4,
      client: { asaS: 22.5, slOffered: 1 / 3, abandonRate: 1 / 3 },
      server: { asaS: 7, slOffered: 2 / 3, abandonRate: 1 / 3 },
      waitGapS: { n: 2, mean: 15.5, p50: 30, max: 30 },
      outcomes: { 'answered/answered': 2, 'abandoned/none': 1, 'blocked/blocked': 1 },
    });
    expect(check.difference.asaS).toBeCloseTo(15.5, 10);
    expect(check.difference.slOffered).toBeCloseTo(-1 / 3, 10);
    expect(check.difference.abandonRate).toBe(0);
  });

  it("from a server log: the server's record of every call, matched on callId", () => {
    // The server answered c at 58 s: its answer was in flight when the caller hung up at 60 s.
    const log = [
      { callId: 'a', outcome: 'answered', waitS: 5 },
      { callId: 'b', outcome: 'answered', waitS: 9 },
      { callId: 'c', outcome: 'answered', waitS: 58 },
      { callId: 'd', outcome: 'blocked', waitS: 0 },
    ];
    const check = serverCrossCheck(measurement, 20, log);
    expect(check).toMatchObject({
      source: 'mockLog',
      calls: 4,
      server: { asaS: 24, slOffered: 2 / 3, abandonRate: 0 },
      outcomes: { 'answered/answered': 2, 'abandoned/answered': 1, 'blocked/blocked': 1 },
    });
  });
});
