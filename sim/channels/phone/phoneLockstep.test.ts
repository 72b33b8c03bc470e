import { describe, expect, it } from 'vitest';
import type { ScenarioModel } from '../../../scenarios/ScenarioModel.js';
import { createModelClock } from '../../engine/ModelClock.js';
import { RealtimeDriver } from '../../engine/RealtimeDriver.js';
import { createModelRun } from '../../ModelRun.js';
import { ManualTime } from '../../testing/ManualTime.js';
import { scenarioModel } from '../../testing/scenarioText.js';
import { CONTACT_FIELDS, TIME_FIELDS } from './PhoneCounters.js';
import type { PhoneOutcomeRecord } from './PhoneOutcome.js';
import { type PhoneArrival, recordedBatchRun } from './testing.js';

// One model, two clocks: the batch driver (hotline sim) and the real-time driver (hotline mocks) run
// the same phone process. Fed the same arrival instants, they must give the same outcome to every
// contact: same agent, same wait, same instant. The batch run draws its arrivals and retrials; the
// real-time run gets each of them from outside, as the mocks get them from k6 (a retrial keeps its
// class and attempt number). The real-time clock is injected and moved by hand: no timer is waited on.

function realtimeRun(
  scenario: ScenarioModel,
  seed: number,
  arrivals: readonly PhoneArrival[],
  horizonS: number,
) {
  const time = new ManualTime();
  const clock = createModelClock(0, 1, time.wallNowMs);
  const outcomes: PhoneOutcomeRecord[] = [];
  const run = createModelRun(scenario, {
    seed,
    replication: 0,
    mode: 'realtime',
    observers: { phone: { outcome: (record) => outcomes.push(record) } },
  });
  const driver = new RealtimeDriver(run.simulation, clock, time);
  clock.start();
  for (const arrival of arrivals) {
    driver.runDue(arrival.atS);
    run.processes.phone!.offer(arrival.atS, arrival.id, {
      klass: arrival.attempt > 1 ? arrival.klass : undefined,
      attempt: arrival.attempt,
    });
  }
  // Everything strictly before the horizon, where the batch run stops.
  driver.runDue(horizonS * (1 - 1e-12));
  return { outcomes, counters: run.processes.phone!.counters };
}

function expectLockstep(scenario: ScenarioModel, seed: number) {
  const batch = recordedBatchRun(scenario, seed);
  const realtime = realtimeRun(scenario, seed, batch.arrivals, batch.horizonS);
  expect(realtime.outcomes.length).toBe(batch.outcomes.length);
  for (let i = 0; i < batch.outcomes.length; i++) {
    if (JSON.stringify(realtime.outcomes[i]) !== JSON.stringify(batch.outcomes[i])) {
      expect(realtime.outcomes[i], `contact #${i}`).toEqual(batch.outcomes[i]);
    }
  }
  for (const field of CONTACT_FIELDS) {
    if (field === 'inSystemAtEnd') continue; // counted by the batch run's end only
    expect(Array.from(realtime.counters[field]), field).toEqual(Array.from(batch.counters[field]));
  }
  for (const field of TIME_FIELDS) {
    const a = realtime.counters[field];
    const b = batch.counters[field];
    for (let k = 0; k < a.length; k++) expect(a[k]!, `${field}[${k}]`).toBeCloseTo(b[k]!, 3);
  }
  return batch;
}

const countOf = (outcomes: readonly PhoneOutcomeRecord[], outcome: string) =>
  outcomes.filter((o) => o.outcome === outcome).length;

describe('phone: batch and real-time drivers in lockstep', () => {
  it('line-122 (IVR with self-service, trunk lines, priority classes, retrials, closed hours, staffing steps)', () => {
    const scenario = scenarioModel('line-122', (f) => {
      f.calendar.days = 2;
      f.channels.phone.trunkLines = 180; // tight enough that some calls hear a busy signal
    });
    const batch = expectLockstep(scenario, 7);
    // The case exercises what it claims to.
    for (const outcome of ['answered', 'abandoned', 'blocked', 'closed', 'selfServed'])
      expect(countOf(batch.outcomes, outcome), outcome).toBeGreaterThan(20);
    expect(batch.arrivals.filter((a) => a.attempt > 1).length).toBeGreaterThan(100);
    expect(new Set(batch.outcomes.map((o) => o.klass)).size).toBe(2);
  });

  it('covid-hotline day 1 (shifts with breaks: agents leave after the call in hand)', () => {
    const scenario = scenarioModel('covid-hotline', (f) => {
      f.calendar.days = 1;
    });
    const batch = expectLockstep(scenario, 3);
    expect(batch.outcomes.length).toBeGreaterThan(40_000);
    let overtime = 0;
    for (const v of batch.counters.overtimeAgentS) overtime += v;
    expect(overtime).toBeGreaterThan(0);
  });
});
