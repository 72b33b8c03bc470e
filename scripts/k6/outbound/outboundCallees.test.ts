import { describe, expect, it } from 'vitest';
import { buildDistribution } from '../../../sim/distributions/buildDistribution.js';
import {
  type CalleeHttpReply,
  type CalleeTransport,
  calleeOf,
  claimDial,
  claimWaitMs,
  drawCallees,
  givesUp,
  type RungDial,
  serveDial,
} from './outboundCallees.js';

const json = (status: number, body: object | null): CalleeHttpReply => ({
  status,
  body: body === null ? null : JSON.stringify(body),
});

const RINGING: RungDial = { id: 7, attempt: 3, startedAtS: 100, state: 'ringing', ring: 4, ringsOutAtS: 130 };

/** A target that answers as the mocks do, recording the requests and sleeps (model = 60 x wall). */
function fakeTarget(replies: Partial<Record<'answer' | 'hangUp' | 'noAnswer', CalleeHttpReply>>) {
  const calls: string[] = [];
  let nowMs = 0;
  const transport: CalleeTransport = {
    claim: () => json(200, RINGING),
    answer: (id) => {
      calls.push(`answer ${id}`);
      return replies.answer ?? json(200, { ...RINGING, state: 'talking', answeredAtS: 101 });
    },
    hangUp: (id) => {
      calls.push(`hangup ${id} at ${nowMs}`);
      return (
        replies.hangUp ??
        json(200, { ...RINGING, state: 'wrapUp', answeredAtS: 101, hungUpAtS: 401, endsAtS: 461 })
      );
    },
    noAnswer: (id) => {
      calls.push(`no-answer ${id}`);
      return replies.noAnswer ?? json(200, { ...RINGING, declined: true, endsAtS: 130 });
    },
    sleepMs: (ms) => {
      nowMs += ms;
    },
    nowMs: () => nowMs,
  };
  return { transport, calls };
}

describe('outbound callees (k6-free logic)', () => {
  it('draw answers with the connect probability and talk times from the scenario distribution', () => {
    const talk = buildDistribution({ kind: 'exponential', mean: '3m' }, 'talkTime', []);
    const n = 20_000;
    const callees = drawCallees(n, 0.7, talk, 5);
    const answers = callees.filter((c) => c.answers).length;
    // Binomial(n, 0.7): 4 sd.
    expect(Math.abs(answers - 0.7 * n)).toBeLessThanOrEqual(4 * Math.sqrt(n * 0.7 * 0.3));
    // Exponential mean 180 s, sd 180 s: the mean of n within 4 standard errors.
    const mean = callees.reduce((a, c) => a + c.talkS, 0) / n;
    expect(Math.abs(mean - 180)).toBeLessThanOrEqual((4 * 180) / Math.sqrt(n));
    // Same seed, same callees; another seed, other callees.
    expect(drawCallees(50, 0.7, talk, 5)).toEqual(callees.slice(0, 50));
    expect(drawCallees(50, 0.7, talk, 6)).not.toEqual(callees.slice(0, 50));
  });

  it('gives each claim the callee of its iteration number, repeating past the end', () => {
    const plans = [0, 1, 2].map((k) => ({ answers: k % 2 === 0, talkS: k }));
    expect([0, 1, 2, 3, 7].map((ring) => calleeOf(plans, ring).talkS)).toEqual([0, 1, 2, 0, 1]);
  });

  it('waits for a ring up to the cap, never past the deadline', () => {
    expect(claimWaitMs(0, 10_000, 2000)).toBe(2000);
    expect(claimWaitMs(9_500, 10_000, 2000)).toBe(500);
    expect(claimWaitMs(10_000, 10_000, 2000)).toBeNull();
  });

  it('reads a claim: a dial, none (204) or an error', () => {
    const with_ = (reply: CalleeHttpReply) => ({ ...fakeTarget({}).transport, claim: () => reply });
    expect(claimDial(with_(json(200, RINGING)), 100, true)).toEqual({ dial: RINGING });
    expect(claimDial(with_({ status: 204, body: '' }), 100, true)).toEqual({ none: true });
    expect(claimDial(with_(json(409, { error: 'conflict' })), 100, false)).toEqual({
      error: 'claim: HTTP 409',
    });
  });

  it('answers, holds the line for the talk time compressed by the time scale, and hangs up', () => {
    const { transport, calls } = fakeTarget({});
    const served = serveDial(transport, RINGING, { answers: true, talkS: 300 }, 60);
    // 300 model s at 60x: hang-up 5,000 wall ms after the answer.
    expect(calls).toEqual(['answer 7', 'hangup 7 at 5000']);
    expect(served).toMatchObject({
      outcome: 'answered',
      answerDelayS: 1,
      talkS: 300,
      endsAtS: 461,
      cutShort: false,
    });
  });

  it('hangs up at the replay end when the talk would last longer', () => {
    const { transport, calls } = fakeTarget({});
    const served = serveDial(transport, RINGING, { answers: true, talkS: 300 }, 60, 1_200);
    expect(calls).toEqual(['answer 7', 'hangup 7 at 1200']);
    expect(served.cutShort).toBe(true);
  });

  it('takes a dial the claim already answered or declined as it is: no second request', () => {
    const { transport, calls } = fakeTarget({});
    const talking = { ...RINGING, state: 'talking', answeredAtS: 100 };
    expect(serveDial(transport, talking, { answers: true, talkS: 60 }, 60)).toMatchObject({
      outcome: 'answered',
      answerDelayS: 0,
    });
    const declined = { ...RINGING, declined: true };
    expect(serveDial(transport, declined, { answers: false, talkS: 60 }, 60)).toMatchObject({
      outcome: 'declined',
      endsAtS: 130,
    });
    // Rang out between the ring and the claim's decision: missed, nothing sent.
    const rungOut = { ...RINGING, state: 'noAnswer' };
    expect(serveDial(transport, rungOut, { answers: true, talkS: 60 }, 60).outcome).toBe('missed');
    expect(calls).toEqual(['hangup 7 at 1000']);
  });

  it('declines (the dial rings out at its no-answer time), and a late answer is missed', () => {
    const declined = serveDial(fakeTarget({}).transport, RINGING, { answers: false, talkS: 300 }, 60);
    expect(declined).toMatchObject({ outcome: 'declined', endsAtS: 130, talkS: null });
    const late = fakeTarget({ answer: json(409, { error: 'conflict' }) });
    const missed = serveDial(late.transport, RINGING, { answers: true, talkS: 300 }, 60);
    expect(missed).toMatchObject({ outcome: 'missed', endsAtS: 130 });
    expect(late.calls).toEqual(['answer 7']);
    const broken = serveDial(
      fakeTarget({ hangUp: json(500, {}) }).transport,
      RINGING,
      { answers: true, talkS: 1 },
      60,
    );
    expect(broken).toMatchObject({ outcome: 'error', error: 'hangup: HTTP 500' });
  });

  it('counts a number given up only on its last attempt without contact', () => {
    const served = (outcome: 'answered' | 'declined' | 'missed', attempt: number) => ({
      dial: { ...RINGING, attempt },
      outcome,
      answerDelayS: null,
      talkS: null,
      cutShort: false,
      endsAtS: 130,
    });
    expect(givesUp(served('declined', 3), 3)).toBe(true);
    expect(givesUp(served('missed', 3), 3)).toBe(true);
    expect(givesUp(served('declined', 2), 3)).toBe(false);
    expect(givesUp(served('answered', 3), 3)).toBe(false);
  });
});
