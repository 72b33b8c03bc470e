import { describe, expect, it } from 'vitest';
import { scenarioModel, scenarioText } from '../sim/testing/scenarioText.js';
import { InputError } from './inputError.js';
import { loadScenarioText } from './loadScenario.js';

const flat = (n: number, x: number) => Array.from({ length: n }, () => x);

describe('loadScenario: defaults', () => {
  it('fills what the file leaves out', () => {
    const model = scenarioModel('stationary-mmc');
    expect(model.phone.trunkLines).toBe(Number.POSITIVE_INFINITY);
    expect(model.phone.ivr).toBeNull();
    expect(model.phone.afterCallWork).toBeNull();
    expect(model.phone.retrial).toBeNull();
    expect(model.phone.dailyCv).toBe(0);
    expect(model.phone.classes.map((c) => [c.name, c.share])).toEqual([['all', 1]]);
    expect(model.calendar).toMatchObject({
      intervalS: 1800,
      intervalsPerDay: 48,
      days: 1,
      weekdays: ['mon'],
    });
    expect(Object.isFrozen(model)).toBe(true);
    expect(model.phone.expectedCalls.reduce((a, b) => a + b, 0)).toBeCloseTo(4800, 9);
  });

  it('--days overrides the calendar and must be a whole number of days', () => {
    expect(loadScenarioText(scenarioText('line-122'), undefined, { days: 3 }).calendar.dates).toEqual([
      '2021-01-25',
      '2021-01-26',
      '2021-01-27',
    ]);
    expect(() => loadScenarioText(scenarioText('line-122'), undefined, { days: 0 })).toThrow(InputError);
  });
});

describe('loadScenario: demand', () => {
  it('weekday volumes, per-date overrides, closed dates and weekday shapes', () => {
    const model = scenarioModel('line-122', (f) => {
      f.channels.phone.demand.callsPerDate = { '2021-01-26': 1000 };
      f.calendar.closedDates = ['2021-01-27'];
    });
    const day = (d: number) =>
      model.phone.expectedCalls.slice(d * 48, (d + 1) * 48).reduce((a, b) => a + b, 0);
    expect(day(0)).toBeCloseTo(34_000, 6); // Monday from callsPerDay
    expect(day(1)).toBeCloseTo(1000, 6); // per-date override
    // Closed date: demand still arrives (callers hear "closed"), but no interval is open.
    expect(day(2)).toBeCloseTo(31_000, 6);
    expect(model.phone.open.slice(2 * 48, 3 * 48).every((x) => x === 0)).toBe(true);
    // Monday open 07:00-20:00 = intervals 14..39; Saturday 08:00-13:00 = 16..25; Sunday closed.
    const open = (d: number) =>
      [...model.phone.open.slice(d * 48, (d + 1) * 48)].flatMap((x, i) => (x ? [i] : []));
    expect(open(0)).toEqual(Array.from({ length: 26 }, (_, i) => 14 + i));
    expect(open(5)).toEqual(Array.from({ length: 10 }, (_, i) => 16 + i));
    expect(open(6)).toEqual([]);
  });
});

describe('loadScenario: staffing', () => {
  const at = (model: ReturnType<typeof scenarioModel>, seconds: number) => {
    const { changeTimesS, agents } = model.agentGroups[0]!.staffing;
    let level = 0;
    for (let i = 0; i < changeTimesS.length && changeTimesS[i]! <= seconds; i++) level = agents[i]!;
    return level;
  };

  it('shifts with breaks, and a night shift that crosses midnight into the first day', () => {
    const model = scenarioModel('stationary-mmc', (f) => {
      f.calendar.days = 2;
      f.agents.groups[0]!.staffing = {
        kind: 'shifts',
        shifts: [
          { start: '08:00', length: '8h', agents: 10, breaks: [{ after: '4h', length: '30m' }] },
          { start: '22:00', length: '8h', agents: 3 },
          { start: '09:00', length: '1h', agents: 5, days: ['tue'] },
        ],
      };
    });
    const h = 3600;
    expect(at(model, 1 * h)).toBe(3); // Sunday's night shift still on at 01:00 Monday
    expect(at(model, 6 * h)).toBe(0);
    expect(at(model, 8 * h)).toBe(10);
    expect(at(model, 12 * h + 1)).toBe(0); // the break, 12:00-12:30
    expect(at(model, 12.5 * h)).toBe(10);
    expect(at(model, 16 * h)).toBe(0);
    expect(at(model, 22 * h)).toBe(3);
    expect(at(model, 24 * h + 9 * h)).toBe(15); // Tuesday only shift
    expect(at(model, 9 * h)).toBe(10);
    // Time-average per interval: 12:00-12:30 has nobody, 08:00-08:30 has 10.
    expect(model.agentGroups[0]!.staffing.scheduledPerInterval[24]).toBe(0);
    expect(model.agentGroups[0]!.staffing.scheduledPerInterval[16]).toBe(10);
  });

  it('perInterval and weekly tables; a wrong length names the weekday', () => {
    const weekly = scenarioModel('stationary-mmc', (f) => {
      f.agents.groups[0]!.staffing = { kind: 'weekly', agents: { mon: flat(48, 7) } };
    });
    expect(at(weekly, 3600)).toBe(7);
    expect(() =>
      scenarioModel('stationary-mmc', (f) => {
        f.agents.groups[0]!.staffing = { kind: 'weekly', agents: { mon: flat(48, 7), tue: flat(47, 7) } };
      }),
    ).toThrow(/staffing\/agents\/tue: needs one entry per interval of the day \(48\), has 47/);
  });

  it('reports a break that ends after its shift', () => {
    expect(() =>
      scenarioModel('stationary-mmc', (f) => {
        f.agents.groups[0]!.staffing = {
          kind: 'shifts',
          shifts: [{ start: '08:00', length: '2h', agents: 1, breaks: [{ after: '2h', length: '15m' }] }],
        };
      }),
    ).toThrow(/shifts\/0\/breaks\/0: break ends after the shift/);
  });
});
