import { describe, expect, it } from 'vitest';
import { createModelClock } from '../ModelClock.js';
import { stationary } from '../testing.js';
import type { CallResult } from './callTypes.js';
import { RealtimeAcd } from './RealtimeAcd.js';

// offer(request, signal): the caller hanging up. The wall clock is a variable the test moves, so
// model times are exact (1 wall s = 60 model s); nothing depends on how fast the machine is.
function acdWith(changes: Parameters<typeof stationary>[0]) {
  let wallMs = 0;
  const clock = createModelClock(0, 60, () => wallMs);
  clock.start();
  const acd = new RealtimeAcd(stationary(changes), clock, 1);
  return {
    acd,
    /** Moves the wall clock to `modelS` (model seconds since the start) and runs what is due. */
    at(modelS: number) {
      wallMs = (modelS / 60) * 1000;
      return acd.snapshot();
    },
  };
}

/** Settles `promise` into a box the test can look into without awaiting (undefined: still held). */
function track(promise: Promise<CallResult>): { result?: CallResult } {
  const box: { result?: CallResult } = {};
  void promise.then((r) => {
    box.result = r;
  });
  return box;
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('RealtimeAcd.offer(request, signal)', () => {
  it('a queued caller who hangs up is abandoned at the model time of the abort, frees the queue and is never answered', async () => {
    // One agent, talk 100 s: the first call takes the agent until 100 s.
    const { acd, at } = acdWith({ staffing: { kind: 'constant', agents: 1 }, talkTime: '100s' });
    expect((await acd.offer({ callId: 'a' })).outcome).toBe('answered');
    at(10);
    const hangUp = new AbortController();
    const held = track(acd.offer({ callId: 'b', patienceS: 1000 }, hangUp.signal));
    await tick();
    expect(held.result).toBeUndefined();
    expect(acd.snapshot()).toMatchObject({ queueLength: 1, trunkLinesBusy: 2, pendingCalls: 1 });

    at(40);
    hangUp.abort();
    await tick();
    expect(held.result).toMatchObject({
      outcome: 'abandoned',
      reason: 'hangUp',
      waitS: 30,
      agent: null,
      talkS: null,
      callId: 'b',
    });
    expect(acd.snapshot()).toMatchObject({
      queueLength: 0,
      trunkLinesBusy: 1,
      pendingCalls: 0,
      calls: { answered: 1, abandoned: 1 },
    });

    // At 100 s the agent frees up and finds nobody: the hung-up caller never reaches an agent.
    expect(at(101)).toMatchObject({ agentsBusy: 0, queueLength: 0, trunkLinesBusy: 0 });
    const next = await acd.offer({ callId: 'c' });
    expect(next).toMatchObject({ outcome: 'answered', waitS: 0, agent: 1 });
    expect(acd.snapshot().calls).toMatchObject({ answered: 2, abandoned: 1 });
  });

  it('an answer due before the abort wins: the events due by the abort run first', async () => {
    const { acd, at } = acdWith({ staffing: { kind: 'constant', agents: 1 }, talkTime: '100s' });
    await acd.offer({});
    const hangUp = new AbortController();
    const held = track(acd.offer({ patienceS: 1000 }, hangUp.signal));
    await tick();
    // The agent is free at 100 s; the caller hangs up at 130 s, but the answer at 100 s came first.
    at(130);
    hangUp.abort();
    await tick();
    expect(held.result).toMatchObject({ outcome: 'answered', waitS: 100, agent: 1 });
    expect(held.result).not.toHaveProperty('reason');
    expect(acd.snapshot().calls).toMatchObject({ answered: 2, abandoned: 0 });
  });

  it('a caller who hangs up in the IVR leaves it abandoned with wait 0 and frees its line', async () => {
    const { acd, at } = acdWith({
      staffing: { kind: 'constant', agents: 1 },
      ivr: { time: '60s', selfServiceShare: 0 },
      trunkLines: 1,
    });
    const hangUp = new AbortController();
    const held = track(acd.offer({}, hangUp.signal));
    await tick();
    expect(acd.snapshot()).toMatchObject({ trunkLinesBusy: 1, pendingCalls: 1 });
    at(20);
    hangUp.abort();
    await tick();
    expect(held.result).toMatchObject({ outcome: 'abandoned', reason: 'hangUp', waitS: 0 });
    // Its IVR end at 60 s does nothing; the single line is free for the next caller.
    at(61);
    expect(acd.snapshot()).toMatchObject({ trunkLinesBusy: 0, agentsBusy: 0 });
    const next = track(acd.offer({}));
    at(122);
    await tick();
    expect(next.result).toMatchObject({ outcome: 'answered', waitS: 0 });
  });

  it('a signal aborted before the offer ends the call at arrival; outcomes already given ignore it', async () => {
    const { acd } = acdWith({ staffing: { kind: 'constant', agents: 0 } });
    const result = await acd.offer({ patienceS: 1000 }, AbortSignal.abort());
    expect(result).toMatchObject({ outcome: 'abandoned', reason: 'hangUp', waitS: 0 });
    expect(acd.snapshot()).toMatchObject({ queueLength: 0, trunkLinesBusy: 0, pendingCalls: 0 });

    const open = acdWith({ staffing: { kind: 'constant', agents: 1 } });
    const late = new AbortController();
    const answered = await open.acd.offer({}, late.signal);
    late.abort();
    expect(answered.outcome).toBe('answered');
    expect(open.acd.snapshot().calls).toMatchObject({ answered: 1, abandoned: 0 });
  });
});
