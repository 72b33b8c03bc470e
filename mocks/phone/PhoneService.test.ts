import { describe, expect, it } from 'vitest';
import { createModelClock } from '../../sim/engine/ModelClock.js';
import { ManualTime } from '../../sim/testing/ManualTime.js';
import { ModelService } from '../ModelService.js';
import { stationary } from '../testing.js';
import { PhoneService } from './PhoneService.js';

// The transport over the phone process, on a hand-moved clock (1 model s = 1 wall s).

function service(changes: Parameters<typeof stationary>[0]) {
  const time = new ManualTime();
  const clock = createModelClock(0, 1, time.wallNowMs);
  const phone = new PhoneService(new ModelService(stationary(changes), clock, 1, time));
  clock.start();
  return { phone, time };
}

describe('PhoneService', () => {
  it('a hung-up call leaves the queue as abandoned at that instant and never reaches an agent', async () => {
    const { phone, time } = service({ staffing: { kind: 'constant', agents: 1 }, talkTime: '60s' });
    const first = await phone.offer({ callId: 'a', patienceS: 1e9 });
    expect(first).toMatchObject({ outcome: 'answered', agent: 1, waitS: 0 });

    const hangUp = new AbortController();
    let secondAnswered = false;
    void phone.offer({ callId: 'b', patienceS: 1e9 }, hangUp.signal).then(() => {
      secondAnswered = true;
    });
    time.advance(30_000);
    expect(phone.snapshot()).toMatchObject({ queueLength: 1, pendingCalls: 1 });
    hangUp.abort();
    expect(phone.snapshot()).toMatchObject({ queueLength: 0, pendingCalls: 0, trunkLinesBusy: 1 });

    time.advance(10_000);
    const third = phone.offer({ callId: 'c', patienceS: 1e9 });
    time.advance(30_000); // the agent frees at 60 s and takes c, not b
    expect(await third).toMatchObject({ outcome: 'answered', waitS: 20, agent: 1, callId: 'c' });
    await Promise.resolve();
    expect(secondAnswered).toBe(false);
    expect(phone.snapshot().calls).toMatchObject({ answered: 2, abandoned: 1 });
  });

  it('a hang-up after the answer changes nothing (the call was answered first)', async () => {
    const { phone, time } = service({ staffing: { kind: 'constant', agents: 1 }, talkTime: '60s' });
    await phone.offer({ patienceS: 1e9 });
    const hangUp = new AbortController();
    const second = phone.offer({ patienceS: 1e9 }, hangUp.signal);
    time.nowMs = 61_000; // the agent freed at 60 s, but no timer has run yet
    hangUp.abort(); // the driver first runs what was due: the answer at 60 s
    expect(await second).toMatchObject({ outcome: 'answered', waitS: 60 });
    expect(phone.snapshot().calls).toMatchObject({ answered: 2, abandoned: 0 });
  });

  it('a caller who hangs up in the IVR is abandoned and frees the line', () => {
    const { phone, time } = service({ ivr: { time: '1h' }, trunkLines: 1 });
    const hangUp = new AbortController();
    void phone.offer({}, hangUp.signal);
    time.advance(1000);
    expect(phone.snapshot().trunkLinesBusy).toBe(1);
    hangUp.abort();
    expect(phone.snapshot()).toMatchObject({ trunkLinesBusy: 0, pendingCalls: 0 });
    expect(phone.snapshot().calls.abandoned).toBe(1);
  });
});
