import { describe, expect, it } from 'vitest';
import { scenarioModel, total } from '../../testing/scenarioText.js';
import { measurePhone } from './measurePhone.js';
import { CONTACT_FIELDS, type PhoneCounters, TIME_FIELDS } from './PhoneCounters.js';
import { PHONE_METRICS } from './PhoneMetrics.js';
import { simulatePhone } from './simulatePhone.js';

const flat48 = (x: number) => Array.from({ length: 48 }, () => x);

function expectConservation(c: PhoneCounters) {
  for (let i = 0; i < c.intervals; i++) {
    const outcomes =
      c.answered[i]! +
      c.abandoned[i]! +
      c.blocked[i]! +
      c.closed[i]! +
      c.selfServed[i]! +
      c.inSystemAtEnd[i]!;
    expect(outcomes, `interval ${i}`).toBe(c.offered[i]);
  }
}

function expectNoNaN(metrics: ReturnType<typeof measurePhone>) {
  for (const level of [...metrics.intervals, ...metrics.days, metrics.run]) {
    for (const name of PHONE_METRICS) {
      const v = level[name];
      expect(v === null || Number.isFinite(v), `${name} = ${v}`).toBe(true);
    }
  }
}

describe('simulatePhone: conservation and Little', () => {
  it('accounts for every offered contact per interval (line-122: IVR, self-service, classes, closed hours, retrials)', () => {
    const model = scenarioModel('line-122', (f) => {
      f.calendar.days = 2;
      f.channels.phone.trunkLines = 150; // force busy signals too
    });
    const c = simulatePhone(model, 3, 0);
    expectConservation(c);
    for (const field of ['blocked', 'closed', 'selfServed', 'retrials', 'abandoned', 'answered'] as const) {
      expect(total(c[field]), field).toBeGreaterThan(0);
    }
  });

  it('queue area equals the time contacts spent queueing (Little, sample-path form), and L = lambda W', () => {
    const model = scenarioModel('stationary-mmc', (f) => {
      f.calendar.days = 3;
      f.agents.groups[0]!.staffing = { kind: 'constant', agents: 11 };
    });
    const c = simulatePhone(model, 5, 0);
    const area = total(c.queueAreaS);
    expect(Math.abs(area - total(c.queueTimeSumS)) / area).toBeLessThan(1e-9);
    // L = lambda_q * W over the run: lambda_q = contacts that entered the queue per second.
    const horizon = 3 * 86_400;
    const entered = total(c.answered) + total(c.abandoned) + total(c.inSystemAtEnd);
    const meanWait = total(c.queueTimeSumS) / entered;
    expect(area / horizon).toBeCloseTo((entered / horizon) * meanWait, 6);
  });
});

describe('simulatePhone: determinism and common random numbers', () => {
  const countersJson = (c: PhoneCounters) =>
    JSON.stringify([...CONTACT_FIELDS, ...TIME_FIELDS].map((f) => Array.from(c[f])));

  it('same seed gives identical counters; another seed does not', () => {
    const model = scenarioModel('covid-hotline', (f) => (f.calendar.days = 1));
    const a = simulatePhone(model, 11, 2);
    const b = simulatePhone(model, 11, 2);
    expect(countersJson(a)).toBe(countersJson(b));
    expect(Array.from(a.waitHistogram)).toEqual(Array.from(b.waitHistogram));
    expect(countersJson(simulatePhone(model, 12, 2))).not.toBe(countersJson(a));
  });

  it('one more agent in interval k changes nothing before k', () => {
    const k = 20;
    const agents = flat48(10);
    const base = scenarioModel('stationary-mmc', (f) => {
      // Patience of at most 20 minutes: every contact that arrived two intervals before k has left the queue by k.
      f.channels.phone.patience = { kind: 'uniform', min: '0s', max: '20m' };
      f.agents.groups[0]!.staffing = { kind: 'perInterval', agents };
    });
    const more = scenarioModel('stationary-mmc', (f) => {
      f.channels.phone.patience = { kind: 'uniform', min: '0s', max: '20m' };
      f.agents.groups[0]!.staffing = {
        kind: 'perInterval',
        agents: agents.map((a, i) => (i === k ? a + 1 : a)),
      };
    });
    const a = simulatePhone(base, 9, 0);
    const b = simulatePhone(more, 9, 0);
    for (const field of CONTACT_FIELDS)
      expect(Array.from(b[field].slice(0, k - 1)), field).toEqual(Array.from(a[field].slice(0, k - 1)));
    for (const field of TIME_FIELDS)
      expect(Array.from(b[field].slice(0, k)), field).toEqual(Array.from(a[field].slice(0, k)));
    // Arrivals do not depend on staffing at all (no retrials here)...
    expect(Array.from(b.offered)).toEqual(Array.from(a.offered));
    // ...and the extra agent does change interval k.
    expect(b.onDutyAgentS[k]).toBe(a.onDutyAgentS[k]! + 1800);
    expect(b.answered[k]! + b.answered[k - 1]!).toBeGreaterThan(a.answered[k]! + a.answered[k - 1]!);
  });
});

describe('simulatePhone: edge cases', () => {
  it('zero demand: no contacts, ratios null, nothing NaN', () => {
    const model = scenarioModel('stationary-mmc', (f) => (f.channels.phone.demand.callsPerDay = 0));
    const c = simulatePhone(model, 1, 0);
    expect(total(c.offered)).toBe(0);
    const m = measurePhone(model.channels.phone!, c, model.calendar, undefined);
    expectNoNaN(m);
    expect(m.run.slOffered).toBeNull();
    expect(m.run.occupancy).toBe(0);
    expect(m.run.agentsOnDuty).toBe(14);
  });

  it('zero agents in some intervals: nobody answered there, waiting contacts abandon or are answered later, no NaN', () => {
    const agents = flat48(14).map((a, i) => (i >= 10 && i < 14 ? 0 : a));
    const model = scenarioModel(
      'stationary-mmc',
      (f) => (f.agents.groups[0]!.staffing = { kind: 'perInterval', agents }),
    );
    const c = simulatePhone(model, 1, 0);
    expectConservation(c);
    // With none scheduled, the only agents on duty are those finishing a call in hand (overtime).
    for (let i = 10; i < 14; i++) expect(c.onDutyAgentS[i]).toBeCloseTo(c.overtimeAgentS[i]!, 6);
    expect(c.overtimeAgentS[10]).toBeGreaterThan(0);
    expect(total(c.abandoned, 11, 13)).toBeGreaterThan(0);
    expect(c.answered[12]).toBe(0);
    expectNoNaN(measurePhone(model.channels.phone!, c, model.calendar, undefined));
  });

  it('rate jumps at an interval boundary take effect exactly there', () => {
    const shape = flat48(0).map((_, i) => (i < 24 ? 0 : 1));
    const model = scenarioModel('stationary-mmc', (f) => {
      f.calendar.days = 5;
      f.channels.phone.demand.intradayShape = shape;
    });
    let early = 0;
    let late = 0;
    for (let r = 0; r < 5; r++) {
      const c = simulatePhone(model, 1, r);
      for (let d = 0; d < 5; d++) {
        early += total(c.offered, d * 48, d * 48 + 24);
        late += c.offered[d * 48 + 24]!;
      }
    }
    expect(early).toBe(0);
    // 4,800 calls over 24 intervals = 200 per interval; 25 samples -> mean 200, sd of the sum sqrt(5000) = 71.
    expect(Math.abs(late - 25 * 200)).toBeLessThan(4 * Math.sqrt(25 * 200));
  });

  it('closed hours: every contact then hears "closed", none is answered', () => {
    const model = scenarioModel('stationary-mmc', (f) => {
      f.channels.phone.hours = { mon: ['08:00-20:00'] }; // 2024-01-01 is a Monday
    });
    const c = simulatePhone(model, 1, 0);
    expectConservation(c);
    for (let i = 0; i < 48; i++) {
      const open = i >= 16 && i < 40;
      if (open) expect(c.closed[i]).toBe(0);
      else {
        expect(c.closed[i]).toBe(c.offered[i]);
        expect(c.answered[i]).toBe(0);
      }
    }
  });

  it('very long patience: nobody abandons, every answered wait is finite', () => {
    const model = scenarioModel('stationary-mmc', (f) => {
      f.channels.phone.patience = '366d';
      f.agents.groups[0]!.staffing = { kind: 'constant', agents: 11 };
    });
    const c = simulatePhone(model, 1, 0);
    expect(total(c.abandoned)).toBe(0);
    expect(total(c.answered)).toBeGreaterThan(4000);
    expectNoNaN(measurePhone(model.channels.phone!, c, model.calendar, undefined));
  });

  it('a single call is answered at once by the one agent and keeps it busy for the talk time', () => {
    const model = scenarioModel('stationary-mmc', (f) => {
      f.channels.phone.demand.callsPerDay = 1;
      f.channels.phone.talkTime = '3m';
      f.agents.groups[0]!.staffing = { kind: 'constant', agents: 1 };
    });
    let found = false;
    for (let r = 0; r < 40 && !found; r++) {
      const c = simulatePhone(model, 1, r);
      if (total(c.offered) !== 1) continue;
      found = true;
      expect(total(c.answered)).toBe(1);
      expect(total(c.answeredWithinT)).toBe(1);
      expect(total(c.waitSumAnsweredS)).toBe(0);
      // Busy 180 s, unless the call arrived in the last 3 minutes of the day (then cut at the horizon).
      expect(total(c.busyAgentS)).toBeLessThanOrEqual(180);
      expect(total(c.onDutyAgentS)).toBe(86_400);
    }
    expect(found).toBe(true);
  });

  it('an agent whose shift ends mid-call finishes it and the extra time counts as overtime', () => {
    const agents = flat48(0);
    agents[0] = 1;
    const model = scenarioModel('stationary-mmc', (f) => {
      f.channels.phone.demand = { callsPerDay: 1, intradayShape: flat48(0).map((_, i) => (i === 0 ? 1 : 0)) };
      f.channels.phone.talkTime = '20m';
      f.agents.groups[0]!.staffing = { kind: 'perInterval', agents };
    });
    let checked = 0;
    let withOvertime = 0;
    for (let r = 0; r < 40; r++) {
      const c = simulatePhone(model, 1, r);
      if (total(c.offered) !== 1) continue;
      checked++;
      // Answered at its arrival a, busy until a + 1200 s; the shift ends at 1800 s. On duty until
      // max(1800, a + 1200); whatever lies past 1800 is overtime, counted in the interval it happens.
      const onDuty = total(c.onDutyAgentS);
      expect(total(c.busyAgentS)).toBeCloseTo(1200, 9);
      expect(onDuty).toBeGreaterThanOrEqual(1800);
      expect(total(c.overtimeAgentS)).toBeCloseTo(onDuty - 1800, 9);
      expect(c.overtimeAgentS[0]).toBe(0);
      if (onDuty > 1800) withOvertime++;
    }
    expect(withOvertime).toBeGreaterThan(0);
    expect(withOvertime).toBeLessThan(checked);
    expect(checked).toBeGreaterThan(5);
  });
});
