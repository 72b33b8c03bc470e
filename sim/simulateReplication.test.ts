import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../scenarios/loadScenario.js';
import { CONTACT_FIELDS, type PhoneCounters, TIME_FIELDS } from './channels/phone/PhoneCounters.js';
import { simulateReplication } from './simulateReplication.js';

// covid-hotline's first day: a single caller class (FCFS), IVR of 20-40 s, retrials.
const scenario = loadScenarioFile('scenarios/covid-hotline.json', { days: 1 });
const phoneOf = (counters: ReturnType<typeof simulateReplication>) => counters.phone as PhoneCounters;
const rows = (c: PhoneCounters, fields: readonly string[], from: number, to: number) =>
  fields.map((f) => Array.from((c as unknown as Record<string, Float64Array>)[f]!.slice(from, to)));

describe('simulateReplication with a branch', () => {
  const atS = 9 * 3600;
  const atInterval = atS / scenario.calendar.intervalS;
  const replication0 = phoneOf(simulateReplication(scenario, 1, 0));
  const branches = [0, 1, 2].map((index) => phoneOf(simulateReplication(scenario, 1, 0, { atS, index })));

  it('keeps the replication past: time integrals before the branch point, and outcomes of callers who arrived before the last interval', () => {
    // A caller of the interval just before atS may still be in the IVR at atS and join the queue
    // behind or ahead of a branch's own callers; callers who arrived earlier are past the IVR and,
    // FCFS, ahead of every later caller, so their outcomes are fixed by atS.
    for (const branch of branches) {
      expect(rows(branch, TIME_FIELDS, 0, atInterval)).toEqual(
        rows(replication0, TIME_FIELDS, 0, atInterval),
      );
      expect(rows(branch, CONTACT_FIELDS, 0, atInterval - 1)).toEqual(
        rows(replication0, CONTACT_FIELDS, 0, atInterval - 1),
      );
    }
  });

  it('draws its own future: branches differ from the replication and from each other after the branch point', () => {
    const offeredAfter = (c: PhoneCounters) => Array.from(c.offered.slice(atInterval + 1));
    const futures = [replication0, ...branches].map((c) => JSON.stringify(offeredAfter(c)));
    expect(new Set(futures).size).toBe(4);
  });

  it('is the replication itself when the branch point is the end of the horizon', () => {
    const end = scenario.calendar.days * 86_400;
    expect(phoneOf(simulateReplication(scenario, 1, 0, { atS: end, index: 5 }))).toEqual(replication0);
  });
});
