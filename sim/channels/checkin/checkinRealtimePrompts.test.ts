import { describe, expect, it } from 'vitest';
import { runBatch } from '../../engine/BatchDriver.js';
import { createModelClock } from '../../engine/ModelClock.js';
import { RealtimeDriver } from '../../engine/RealtimeDriver.js';
import { createModelRun } from '../../ModelRun.js';
import { ManualTime } from '../../testing/ManualTime.js';
import { checkinScenario, quietCheckin } from './testing.js';

// In real time (the mocks) the clients upload the check-ins; the model still sends the prompts and
// plays the ones that never reach the service: no response (or too late), app errors, people who
// cannot use the app, and the calls they make. Truth: the batch run of the same seed draws the same
// prompts with the same outcomes, so those failures and their calls match it interval by interval,
// while nothing is uploaded unless a client uploads it.

const scenario = checkinScenario(
  {
    ...quietCheckin(),
    population: { initial: 2000, admissionsPerDay: 0, daysMonitored: 14 },
    responseDelay: { kind: 'exponential', mean: '20m' },
    failures: { noResponse: 0.05, appError: 0.05, geolocationWrong: 0.1, photoNotIdentified: 0.1 },
    calls: {
      noResponse: { probability: 0.5, delay: { kind: 'exponential', mean: '10m' } },
      appError: { probability: 0.5, delay: { kind: 'exponential', mean: '5m' } },
      geolocationWrong: { probability: 0.5, delay: { kind: 'exponential', mean: '5m' } },
    },
    cannotUseApp: { share: 0.02, callProbability: 0.5, callDelay: { kind: 'exponential', mean: '5m' } },
  },
  { days: 1, reviewers: 1, phone: true },
);

const NEVER_UPLOADED = [
  'failedNoResponse',
  'lateResponses',
  'failedAppError',
  'failedCannotUseApp',
  'callsCausedNoResponse',
  'callsCausedAppError',
  'callsCausedCannotUseApp',
] as const;

describe('checkin in real time: the prompts that never upload', () => {
  it("are the batch run's, failure for failure and call for call; uploads come only from clients", () => {
    const batch = createModelRun(scenario, { seed: 5, replication: 0, mode: 'batch' });
    runBatch(batch.simulation);
    const time = new ManualTime();
    const realtime = createModelRun(scenario, { seed: 5, replication: 0, mode: 'realtime' });
    const driver = new RealtimeDriver(realtime.simulation, createModelClock(0, 1, time.wallNowMs), time);
    driver.runDue(batch.simulation.horizonS * (1 - 1e-12));

    const b = batch.processes.checkin!.counters;
    const r = realtime.processes.checkin!.counters;
    expect(Array.from(r.prompts)).toEqual(Array.from(b.prompts));
    // 1,000 prompts an hour: each mode happens, and calls follow.
    expect(b.failedNoResponse.reduce((x, y) => x + y, 0)).toBeGreaterThan(500);
    expect(b.callsCausedCannotUseApp.reduce((x, y) => x + y, 0)).toBeGreaterThan(100);
    for (const field of NEVER_UPLOADED) expect(Array.from(r[field]), field).toEqual(Array.from(b[field]));
    // Nothing reached the verification: no client uploaded.
    expect(r.received.reduce((x, y) => x + y, 0)).toBe(0);
    expect(r.failedGeolocationWrong.reduce((x, y) => x + y, 0)).toBe(0);
    expect(b.failedGeolocationWrong.reduce((x, y) => x + y, 0)).toBeGreaterThan(1000);
    // The calls reached the phone queue of the run, as the model's own callers.
    const caused = NEVER_UPLOADED.filter((f) => f.startsWith('callsCaused')).reduce(
      (sum, f) => sum + r[f].reduce((x, y) => x + y, 0),
      0,
    );
    const phoneOffered = realtime.processes.phone!.counters.offered.reduce((x, y) => x + y, 0);
    expect(phoneOffered).toBeGreaterThanOrEqual(caused - r.callsNotOffered.reduce((x, y) => x + y, 0));
    expect(caused).toBeGreaterThan(500);
  });
});
