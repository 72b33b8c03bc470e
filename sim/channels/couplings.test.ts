import { describe, expect, it } from 'vitest';
import { runBatch } from '../engine/BatchDriver.js';
import { createModelRun } from '../ModelRun.js';
import { scenarioModel, total } from '../testing/scenarioText.js';

// A contact caused by another channel (Couplings.ts) joins the receiving channel's queue in the same
// run. Here a stand-in cause, registered on the run's simulation like a channel process, offers calls
// at known instants; the phone's counters must hold exactly those calls on top of its own arrivals.

const CAUSED_AT_S = [60, 1_790, 1_800, 1_810, 7_200.5, 80_000];

function runWithCauses(offerCalls: boolean) {
  const scenario = scenarioModel('stationary-mmc', (f) => {
    f.channels.phone.priorityClasses = [
      { name: 'callers', share: 1, priority: 0 },
      { name: 'failedCheckin', share: 0, priority: 1 },
    ];
  });
  const run = createModelRun(scenario, { seed: 3, replication: 0, mode: 'batch' });
  if (offerCalls) {
    const base = run.simulation.register({
      handle: (_kind, t) => expect(run.couplings.offer('phone', t, 'failedCheckin')).toBe(true),
    });
    for (const t of CAUSED_AT_S) run.simulation.calendar.schedule(t, base | 1);
  }
  runBatch(run.simulation);
  run.processes.phone!.finish(run.simulation.horizonS);
  return run.processes.phone!.counters;
}

describe('couplings: a caused contact joins the receiving channel in the same run', () => {
  const without = runWithCauses(false);
  const withCauses = runWithCauses(true);

  it('counts each caused call in the interval it was offered in', () => {
    const expected = new Float64Array(without.intervals);
    for (const t of CAUSED_AT_S) expected[Math.floor(t / 1800)]!++;
    expect(Array.from(withCauses.caused)).toEqual(Array.from(expected));
    expect(total(without.caused)).toBe(0);
  });

  it('adds exactly the caused calls to those offered (no retrials in this scenario)', () => {
    expect(total(withCauses.offered) - total(without.offered)).toBe(CAUSED_AT_S.length);
  });

  it('routes them to the class named like the cause, which own arrivals never draw', () => {
    expect(withCauses.byClass.offered[0]).toBe(CAUSED_AT_S.length); // highest priority first
    expect(without.byClass.offered[0]).toBe(0);
    expect(withCauses.byClass.offered[1]).toBe(without.byClass.offered[1]);
  });

  it('every caused call ends answered, abandoned or still in the system', () => {
    const ended = (c: typeof without) =>
      total(c.answered) + total(c.abandoned) + total(c.blocked) + total(c.closed) + total(c.selfServed);
    const inSystem = (c: typeof without) => total(c.inSystemAtEnd);
    expect(ended(withCauses) + inSystem(withCauses)).toBe(total(withCauses.offered));
  });

  it('offers nothing to a channel the run does not have', () => {
    const run = createModelRun(scenarioModel('stationary-mmc'), { seed: 1, replication: 0, mode: 'batch' });
    expect(run.couplings.accepts('checkin')).toBe(false);
    expect(run.couplings.offer('checkin', 0, 'x')).toBe(false);
    expect(run.couplings.accepts('phone')).toBe(true);
  });
});
