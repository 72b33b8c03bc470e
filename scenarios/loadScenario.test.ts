import { describe, expect, it } from 'vitest';
import { scenarioModel, scenarioText } from '../sim/testing/scenarioText.js';
import { InputError } from './inputError.js';
import { loadScenarioText } from './loadScenario.js';

const flat = (n: number, x: number) => Array.from({ length: n }, () => x);

describe('loadScenario: defaults', () => {
  it('fills what the file leaves out', () => {
    const model = scenarioModel('stationary-mmc');
    expect(model.channels.phone!.trunkLines).toBe(Number.POSITIVE_INFINITY);
    expect(model.channels.phone!.ivr).toBeNull();
    expect(model.channels.phone!.afterCallWork).toBeNull();
    expect(model.channels.phone!.retrial).toBeNull();
    expect(model.channels.phone!.dailyCv).toBe(0);
    expect(model.channels.phone!.classes.map((c) => [c.name, c.share])).toEqual([['all', 1]]);
    expect(model.calendar).toMatchObject({
      intervalS: 1800,
      intervalsPerDay: 48,
      days: 1,
      weekdays: ['mon'],
    });
    expect(Object.isFrozen(model)).toBe(true);
    expect(model.channels.phone!.expectedCalls.reduce((a, b) => a + b, 0)).toBeCloseTo(4800, 9);
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
      model.channels.phone!.expectedCalls.slice(d * 48, (d + 1) * 48).reduce((a, b) => a + b, 0);
    expect(day(0)).toBeCloseTo(34_000, 6); // Monday from callsPerDay
    expect(day(1)).toBeCloseTo(1000, 6); // per-date override
    // Closed date: demand still arrives (callers hear "closed"), but no interval is open.
    expect(day(2)).toBeCloseTo(31_000, 6);
    expect(model.channels.phone!.open.slice(2 * 48, 3 * 48).every((x) => x === 0)).toBe(true);
    // Monday open 07:00-20:00 = intervals 14..39; Saturday 08:00-13:00 = 16..25; Sunday closed.
    const open = (d: number) =>
      [...model.channels.phone!.open.slice(d * 48, (d + 1) * 48)].flatMap((x, i) => (x ? [i] : []));
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

// Issue 10: input the schema used to accept, that hung the simulator or produced nonsense. Each is
// now exit-2 bad input naming the path, the value and what is allowed.
describe('loadScenario: bounds on what the engine iterates on or allocates by', () => {
  type Change = Parameters<typeof scenarioModel>[1];
  const issuesOf = (change: Change) => {
    try {
      scenarioModel('stationary-mmc', change);
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      return (error as InputError).issues;
    }
    throw new Error('expected the scenario to be refused');
  };
  const phone = (f: Parameters<NonNullable<Change>>[0]) => f.channels.phone;

  it.each<[string, Change, string, RegExp]>([
    [
      'erlang k of a million',
      (f) => {
        phone(f).talkTime = { kind: 'erlang', mean: '3m', k: 1_000_000 };
      },
      '/channels/phone/talkTime/k',
      /1 to 1,000|1 to 1000/,
    ],
    [
      'a billion calls a day',
      (f) => {
        phone(f).demand.callsPerDay = 1e9;
      },
      '/channels/phone/demand/callsPerDay',
      /0 to 1,000,000/,
    ],
    [
      'gamma cv of 1e-200',
      (f) => {
        phone(f).talkTime = { kind: 'gamma', mean: '3m', cv: 1e-200 };
      },
      '/channels/phone/talkTime/cv',
      /0\.001 to 10/,
    ],
    [
      'lognormal cv of 1e200',
      (f) => {
        phone(f).patience = { kind: 'lognormal', mean: '3m', cv: 1e200 };
      },
      '/channels/phone/patience/cv',
      /0\.001 to 10/,
    ],
    [
      '2^31 agents',
      (f) => {
        f.agents.groups[0]!.staffing = { kind: 'constant', agents: 2 ** 31 };
      },
      '/agents/groups/0/staffing/agents',
      /0 to 1,000,000/,
    ],
    [
      'a duration of 1e400 seconds written out',
      (f) => {
        phone(f).talkTime = `1${'0'.repeat(400)}s`;
      },
      '/channels/phone/talkTime',
      /0ms to 366d/,
    ],
    [
      'a year and a day of patience',
      (f) => {
        phone(f).patience = { kind: 'exponential', mean: '367d' };
      },
      '/channels/phone/patience/mean',
      /0ms to 366d/,
    ],
    [
      'trunk lines beyond 32 bits',
      (f) => {
        phone(f).trunkLines = 2 ** 32;
      },
      '/channels/phone/trunkLines',
      /1 to 1,000,000/,
    ],
  ])('%s', (_, change, path, allowed) => {
    const issues = issuesOf(change);
    expect(issues.map((i) => i.path)).toContain(path);
    const issue = issues.find((i) => i.path === path)!;
    expect(issue.allowed).toMatch(allowed);
    expect(issue.value).toBeDefined();
  });

  it('overlapping breaks (they used to leave -14 agents scheduled)', () => {
    const issues = issuesOf((f) => {
      f.agents.groups[0]!.staffing = {
        kind: 'shifts',
        shifts: [
          {
            start: '08:00',
            length: '8h',
            agents: 14,
            breaks: [
              { after: '2h', length: '1h' },
              { after: '150m', length: '15m' },
            ],
          },
        ],
      };
    });
    expect(issues).toEqual([
      expect.objectContaining({
        path: '/agents/groups/0/staffing/shifts/0/breaks/1',
        message: expect.stringMatching(/overlaps break 0/),
      }),
    ]);
  });

  it('shifts that add up to more agents at once than the engine counts', () => {
    const issues = issuesOf((f) => {
      f.agents.groups[0]!.staffing = {
        kind: 'shifts',
        shifts: Array.from({ length: 3 }, () => ({ start: '08:00', length: '8h', agents: 900_000 })),
      };
    });
    expect(issues).toEqual([
      expect.objectContaining({
        path: '/agents/groups/0/staffing',
        message: expect.stringMatching(/^2,700,000 agents scheduled at once \(day 1, 08:00\)/),
      }),
    ]);
  });

  it('more calls in the horizon than the simulator can hold', () => {
    const issues = issuesOf((f) => {
      f.calendar.days = 30;
      phone(f).demand.callsPerDay = 1_000_000;
    });
    expect(issues).toEqual([
      expect.objectContaining({
        path: '/channels/phone/demand',
        message: expect.stringMatching(/^30,000,000 calls expected over the 30 simulated day/),
      }),
    ]);
  });

  it('a calendar that runs past 9999-12-31', () => {
    const issues = issuesOf((f) => {
      f.calendar.startDate = '9999-12-31';
      f.calendar.days = 2;
    });
    expect(issues).toEqual([expect.objectContaining({ path: '/calendar/startDate', value: '9999-12-31' })]);
    // The last possible day itself is fine.
    const model = scenarioModel('stationary-mmc', (f) => {
      f.calendar.startDate = '9999-12-31';
    });
    expect(model.calendar.dates).toEqual(['9999-12-31']);
  });

  it('the limits themselves are accepted', () => {
    const model = scenarioModel('stationary-mmc', (f) => {
      phone(f).talkTime = { kind: 'erlang', mean: '3m', k: 1000 };
      phone(f).patience = { kind: 'gamma', mean: '366d', cv: 10 };
      phone(f).afterCallWork = { kind: 'lognormal', mean: '1s', cv: 0.001 };
      phone(f).trunkLines = 1_000_000;
      f.agents.groups[0]!.staffing = { kind: 'constant', agents: 1_000_000 };
    });
    expect(model.agentGroups[0]!.staffing.agents[0]).toBe(1_000_000);
  });
});
