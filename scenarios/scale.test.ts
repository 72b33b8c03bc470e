// demand.scale and staffing.scale: what-if multipliers declared once in the format
// (schemaParts.ts), applied by buildExpectedContacts and buildStaffing.
import { describe, expect, it } from 'vitest';
import { scenarioText } from '../sim/testing/scenarioText.js';
import { InputError } from './inputError.js';
import { loadScenarioText } from './loadScenario.js';

// biome-ignore lint/suspicious/noExplicitAny: the tests set fields the typed file does not have yet (scale)
type Json = Record<string, any>;
const file = (name: string): Json => JSON.parse(scenarioText(name));
const load = (value: Json) => loadScenarioText(JSON.stringify(value), undefined);

describe('demand.scale', () => {
  it('scale 2 doubles the expected calls of every interval exactly, per-date volumes too', () => {
    const base = file('covid-hotline');
    base.channels.phone.demand.callsPerDate = { '2020-12-08': 12_345 };
    const doubled = structuredClone(base);
    doubled.channels.phone.demand.scale = 2;
    const a = load(base).channels.phone!.expectedCalls;
    const b = load(doubled).channels.phone!.expectedCalls;
    expect(b.length).toBe(a.length);
    // Doubling is exact in binary floating point, so equality (not closeness) must hold.
    for (let i = 0; i < a.length; i++) expect(b[i]).toBe(a[i]! * 2);
    const ipd = load(base).calendar.intervalsPerDay;
    const day2 = b.slice(ipd, 2 * ipd).reduce((s, x) => s + x, 0);
    expect(day2).toBeCloseTo(2 * 12_345, 6);
  });

  it('scales chat sessions the same way', () => {
    const base = file('health-chats');
    const scaled = structuredClone(base);
    scaled.channels.chat.demand.scale = 0.5;
    const a = load(base).channels.chat!.expectedSessions;
    const b = load(scaled).channels.chat!.expectedSessions;
    for (let i = 0; i < a.length; i++) expect(b[i]).toBe(a[i]! * 0.5);
  });

  it('a file without scale loads as with scale 1, and 0 or a negative scale is refused', () => {
    const base = file('covid-hotline');
    const one = structuredClone(base);
    one.channels.phone.demand.scale = 1;
    expect(load(one).channels.phone!.expectedCalls).toEqual(load(base).channels.phone!.expectedCalls);
    for (const bad of [0, -1, 'x']) {
      const broken = structuredClone(base);
      broken.channels.phone.demand.scale = bad;
      expect(() => load(broken)).toThrow(/channels\/phone\/demand\/scale/);
    }
  });
});

describe('staffing.scale', () => {
  const groupStaffing = (value: Json) => load(value).agentGroups[0]!.staffing;

  it('multiplies the head count at every step and rounds to the nearest agent, halves up', () => {
    const base = file('stationary-mmc');
    base.agents.groups[0].staffing = { kind: 'constant', agents: 10, scale: 1.25 };
    expect(groupStaffing(base).agents[0]).toBe(13); // 12.5 -> 13
    base.agents.groups[0].staffing = { kind: 'constant', agents: 10, scale: 1.24 };
    expect(groupStaffing(base).agents[0]).toBe(12);
  });

  it('applies to shifts after breaks add up, and to every form', () => {
    const base = file('covid-hotline');
    const plain = groupStaffing(base);
    for (const scale of [0.9, 1.1]) {
      const scaled = structuredClone(base);
      scaled.agents.groups[0].staffing.scale = scale;
      const s = groupStaffing(scaled);
      expect([...s.changeTimesS]).toEqual([...plain.changeTimesS]);
      expect([...s.agents]).toEqual([...plain.agents].map((n) => Math.round(n * scale)));
    }
    const perInterval = file('stationary-mmc');
    perInterval.agents.groups[0].staffing = { kind: 'perInterval', agents: Array(48).fill(7), scale: 2 };
    expect(groupStaffing(perInterval).scheduledPerInterval[5]).toBe(14);
    const weekly = file('stationary-mmc');
    const days = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
    weekly.agents.groups[0].staffing = {
      kind: 'weekly',
      agents: Object.fromEntries(days.map((d) => [d, Array(48).fill(3)])),
      scale: 1.5,
    };
    expect(groupStaffing(weekly).scheduledPerInterval[0]).toBe(5); // 4.5 -> 5
  });

  it('a file without scale loads exactly as with scale 1', () => {
    const base = file('covid-hotline');
    const one = structuredClone(base);
    one.agents.groups[0].staffing.scale = 1;
    const a = groupStaffing(base);
    const b = groupStaffing(one);
    expect([...b.agents]).toEqual([...a.agents]);
    expect([...b.changeTimesS]).toEqual([...a.changeTimesS]);
    expect([...b.scheduledPerInterval]).toEqual([...a.scheduledPerInterval]);
  });

  it('refuses a scale of 0 naming the path', () => {
    const base = file('stationary-mmc');
    base.agents.groups[0].staffing.scale = 0;
    expect(() => load(base)).toThrow(InputError);
    expect(() => load(base)).toThrow(/agents\/groups\/0\/staffing/);
  });
});
