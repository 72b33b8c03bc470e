import { describe, expect, it } from 'vitest';
import { runBatch } from '../../engine/BatchDriver.js';
import { FIRST_EXTERNAL_CONTACT_ID } from '../../engine/externalContacts.js';
import { createModelClock } from '../../engine/ModelClock.js';
import { RealtimeDriver } from '../../engine/RealtimeDriver.js';
import { createModelRun } from '../../ModelRun.js';
import { ManualTime } from '../../testing/ManualTime.js';
import type { CheckinObserver } from './CheckinProcess.js';
import { checkinScenario, quietCheckin } from './testing.js';

// One model, two clocks, for check-ins uploaded from outside (the mock's POST /v1/checkins): the same
// uploads at the same instants, submitted in a batch run by a stand-in client and in a real-time run
// on a hand-moved clock, must be decided the same way at the same instants (verification queue,
// review by the pool's agents), and their failures must call the phone at the same instants.

const scenario = checkinScenario(
  {
    ...quietCheckin(),
    population: { initial: 0, admissionsPerDay: 0, daysMonitored: 1 },
    failures: { noResponse: 0.05, appError: 0.05, geolocationWrong: 0.1, photoNotIdentified: 0.2 },
    verification: { capacity: 2, latency: { kind: 'exponential', mean: '40s' }, reviewShare: 0.3 },
    reviewTime: { kind: 'exponential', mean: '6m' },
    calls: {
      geolocationWrong: { probability: 0.5, delay: { kind: 'exponential', mean: '5m' } },
      photoNotIdentified: { probability: 0.8, delay: { kind: 'exponential', mean: '5m' } },
    },
  },
  { days: 1, reviewers: 2, phone: true },
);

/** 400 upload instants over the day, bunched so the verification queue and the review queue form. */
const UPLOADS = Array.from({ length: 400 }, (_, i) => 600 + i * 180 + (i % 7) * 11.5 - (i % 3) * 40);

function record(events: string[]) {
  return {
    checkin: {
      decided: (id, decision, mode, at) => events.push(`checkin ${id} ${decision} ${mode ?? ''} ${at}`),
    } satisfies CheckinObserver,
    phone: {
      outcome: (r: { contactId: number; outcome: string; atS: number; agent: number }) =>
        events.push(`phone ${r.contactId} ${r.outcome} ${r.atS} ${r.agent}`),
    },
  };
}

describe('checkin: batch and real-time drivers in lockstep', () => {
  it('every decision and every caused call at the same instant', () => {
    const batchEvents: string[] = [];
    const batch = createModelRun(scenario, {
      seed: 9,
      replication: 0,
      mode: 'batch',
      observers: record(batchEvents),
    });
    const client = batch.simulation.register({
      handle: (_kind, t, int) => batch.processes.checkin!.submit(t, FIRST_EXTERNAL_CONTACT_ID + int),
    });
    for (const [i, t] of UPLOADS.entries()) batch.simulation.calendar.schedule(t, client | 1, i);
    runBatch(batch.simulation);

    const time = new ManualTime();
    const clock = createModelClock(0, 1, time.wallNowMs);
    const realtimeEvents: string[] = [];
    const realtime = createModelRun(scenario, {
      seed: 9,
      replication: 0,
      mode: 'realtime',
      observers: record(realtimeEvents),
    });
    const driver = new RealtimeDriver(realtime.simulation, clock, time);
    clock.start();
    UPLOADS.forEach((t, i) => {
      driver.runDue(t);
      realtime.processes.checkin!.submit(t, FIRST_EXTERNAL_CONTACT_ID + i);
    });
    driver.runDue(batch.simulation.horizonS * (1 - 1e-12));

    const count = (what: string) => batchEvents.filter((e) => e.includes(what)).length;
    expect(count(' underReview ')).toBeGreaterThan(50);
    expect(count('photoNotIdentified')).toBeGreaterThan(30);
    expect(count('phone ')).toBeGreaterThan(30);
    expect(realtime.processes.phone!.counters.caused.reduce((a, b) => a + b, 0)).toBe(
      batch.processes.phone!.counters.caused.reduce((a, b) => a + b, 0),
    );
    for (let i = 0; i < batchEvents.length; i++) {
      if (realtimeEvents[i] !== batchEvents[i])
        expect(realtimeEvents.slice(i - 3, i + 4), `event #${i}`).toEqual(batchEvents.slice(i - 3, i + 4));
    }
    expect(realtimeEvents.length).toBe(batchEvents.length);
  });
});
