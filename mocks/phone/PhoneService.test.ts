import { describe, expect, it } from 'vitest';
import { createModelClock } from '../../sim/engine/ModelClock.js';
import { ManualTime } from '../../sim/testing/ManualTime.js';
import { ModelService } from '../ModelService.js';
import type { CallResult, PatienceSource } from './callTypes.js';
import { PhoneService } from './PhoneService.js';
import { stationary } from './testing.js';

// The transport over the phone process, on a hand-moved clock (1 model s = 1 wall s): model times
// are exact and nothing depends on how fast the machine is.

function service(changes: Parameters<typeof stationary>[0], patience?: PatienceSource) {
  const time = new ManualTime();
  const clock = createModelClock(0, 1, time.wallNowMs);
  const phone = new PhoneService(new ModelService(stationary(changes), clock, 1, time), patience);
  clock.start();
  return {
    phone,
    time,
    /** Moves the hand-moved clock to `modelS`, firing the model's timers on the way. */
    at(modelS: number) {
      time.advance(modelS * 1000 - time.nowMs);
      return phone.snapshot();
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

const settled = () => Promise.resolve();

describe('PhoneService.offer(request, signal): the caller hangs up', () => {
  it('a queued caller who hangs up is abandoned (hangUp) at that model time, frees the queue and is never answered', async () => {
    const { phone, at } = service({ staffing: { kind: 'constant', agents: 1 }, talkTime: '60s' });
    const first = await phone.offer({ callId: 'a', patienceS: 1e9 });
    expect(first).toMatchObject({ outcome: 'answered', agent: 1, waitS: 0 });

    at(10);
    const hangUp = new AbortController();
    const second = track(phone.offer({ callId: 'b', patienceS: 1e9 }, hangUp.signal));
    expect(at(40)).toMatchObject({ queueLength: 1, pendingCalls: 1, trunkLinesBusy: 2 });
    hangUp.abort();
    await settled();
    expect(second.result).toMatchObject({
      outcome: 'abandoned',
      reason: 'hangUp',
      waitS: 30,
      agent: null,
      talkS: null,
      callId: 'b',
    });
    expect(phone.snapshot()).toMatchObject({
      queueLength: 0,
      pendingCalls: 0,
      trunkLinesBusy: 1,
      hangUps: 1,
    });

    at(50);
    const third = phone.offer({ callId: 'c', patienceS: 1e9 });
    at(61); // the agent frees at 60 s and takes c: the hung-up b never reaches an agent
    expect(await third).toMatchObject({ outcome: 'answered', waitS: 10, agent: 1, callId: 'c' });
    expect(phone.snapshot().calls).toMatchObject({ answered: 2, abandoned: 1 });
    expect(phone.snapshot().hangUps).toBe(1);
  });

  it('an answer due before the hang-up wins: what was due runs first', async () => {
    const { phone, time } = service({ staffing: { kind: 'constant', agents: 1 }, talkTime: '60s' });
    await phone.offer({ patienceS: 1e9 });
    const hangUp = new AbortController();
    const second = phone.offer({ patienceS: 1e9 }, hangUp.signal);
    time.nowMs = 61_000; // the agent freed at 60 s, but no timer has run yet
    hangUp.abort(); // the driver first runs what was due: the answer at 60 s
    const result = await second;
    expect(result).toMatchObject({ outcome: 'answered', waitS: 60 });
    expect(result).not.toHaveProperty('reason');
    expect(phone.snapshot()).toMatchObject({ calls: { answered: 2, abandoned: 0 }, hangUps: 0 });
  });

  it('a caller who hangs up in the IVR leaves it abandoned with wait 0 and frees its line', async () => {
    const { phone, at } = service({
      staffing: { kind: 'constant', agents: 1 },
      ivr: { time: '60s', selfServiceShare: 0 },
      trunkLines: 1,
    });
    const hangUp = new AbortController();
    const held = track(phone.offer({}, hangUp.signal));
    expect(at(20)).toMatchObject({ trunkLinesBusy: 1, pendingCalls: 1 });
    hangUp.abort();
    await settled();
    expect(held.result).toMatchObject({ outcome: 'abandoned', reason: 'hangUp', waitS: 0 });
    expect(phone.snapshot()).toMatchObject({ trunkLinesBusy: 0, pendingCalls: 0, hangUps: 1 });
    // Its IVR end at 60 s does nothing; the single line is free for the next caller.
    expect(at(61)).toMatchObject({ trunkLinesBusy: 0, agentsBusy: 0 });
    const next = track(phone.offer({}));
    at(122);
    await settled();
    expect(next.result).toMatchObject({ outcome: 'answered', waitS: 0 });
  });

  it('a signal aborted before the offer ends the call at arrival; outcomes already given ignore it', async () => {
    const { phone } = service({ staffing: { kind: 'constant', agents: 0 } });
    const result = await phone.offer({ patienceS: 1000 }, AbortSignal.abort());
    expect(result).toMatchObject({ outcome: 'abandoned', reason: 'hangUp', waitS: 0 });
    expect(phone.snapshot()).toMatchObject({ queueLength: 0, trunkLinesBusy: 0, pendingCalls: 0 });

    const open = service({ staffing: { kind: 'constant', agents: 1 } });
    const late = new AbortController();
    const answered = await open.phone.offer({}, late.signal);
    late.abort();
    expect(answered.outcome).toBe('answered');
    expect(open.phone.snapshot()).toMatchObject({ calls: { answered: 1, abandoned: 0 }, hangUps: 0 });
  });
});

describe("PhoneService patience: 'scenario' | 'client'", () => {
  it("with 'client' a call without patienceS waits until the caller hangs up; with 'scenario' the class's patience ends it", async () => {
    const changes = { staffing: { kind: 'constant' as const, agents: 0 }, patience: '5m' };
    const client = service(changes, 'client');
    const hangUp = new AbortController();
    const held = track(client.phone.offer({ callId: 'c' }, hangUp.signal));
    // Five model hours later: the scenario's 5-minute patience would have run out long ago.
    expect(client.at(5 * 3600)).toMatchObject({ queueLength: 1, calls: { abandoned: 0 } });
    hangUp.abort();
    await settled();
    expect(held.result).toMatchObject({ outcome: 'abandoned', reason: 'hangUp', waitS: 5 * 3600 });

    const scenario = service(changes, 'scenario');
    const drawn = track(scenario.phone.offer({ callId: 's' }));
    expect(scenario.at(5 * 3600)).toMatchObject({ queueLength: 0, calls: { abandoned: 1 } });
    await settled();
    expect(drawn.result).toMatchObject({ outcome: 'abandoned', waitS: 300 });
    expect(drawn.result).not.toHaveProperty('reason');
  });

  it("a patienceS sent by the client is honoured with 'client' patience", async () => {
    const { phone, at } = service({ staffing: { kind: 'constant', agents: 0 } }, 'client');
    const held = track(phone.offer({ patienceS: 45 }));
    at(46);
    await settled();
    expect(held.result).toMatchObject({ outcome: 'abandoned', waitS: 45 });
  });
});
