import { describe, expect, it } from 'vitest';
import { InputError } from '../../../scenarios/inputError.js';
import { loadScenarioFile } from '../../../scenarios/loadScenario.js';
import { buildShiftColumns } from './buildShiftColumns.js';
import { loadShiftTemplatesFile, loadShiftTemplatesText } from './loadShiftTemplates.js';

const template = (overrides: Record<string, unknown> = {}) => ({
  name: 'day',
  lengths: ['8h'],
  starts: ['08:00'],
  breaks: [{ length: '30m', earliest: '3h', latest: '5h' }],
  ...overrides,
});
const file = (templates: unknown[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({ name: 't', costPerAgentHour: 10, templates, ...extra });

function issuesOf(text: string): string {
  try {
    loadShiftTemplatesText(text, 'shifts.json');
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as InputError).message;
  }
  throw new Error('expected an InputError');
}

describe('loadShiftTemplates', () => {
  it('reads a template: starts every step between two clock times, break rules, caps, cost', () => {
    const t = loadShiftTemplatesText(
      file([template({ starts: { every: '90m', from: '06:00', to: '10:30' }, maxAgents: 5 })], {
        premiums: { night: { from: '22:00', to: '06:00', extra: 0.2 } },
      }),
      undefined,
    );
    expect(t.templates[0]!.startsS).toEqual([6, 7.5, 9, 10.5].map((h) => h * 3600));
    expect(t.templates[0]!.breaks).toEqual([{ lengthS: 1800, earliestS: 3 * 3600, latestS: 5 * 3600 }]);
    expect(t.templates[0]!.maxAgents).toBe(5);
    expect(t.templates[0]!.days).toHaveLength(7);
    expect(t.night).toEqual({ fromS: 22 * 3600, toS: 6 * 3600, extra: 0.2 });
  });

  it('refuses a break longer than its shift', () => {
    expect(
      issuesOf(
        file([template({ lengths: ['4h'], breaks: [{ length: '5h', earliest: '0m', latest: '4h' }] })]),
      ),
    ).toMatch(
      /shifts\.json at \/templates\/0\/breaks\/0\/length: a 5h break is not shorter than the 4h shift/,
    );
  });

  it('refuses a break window that ends after the shift', () => {
    expect(issuesOf(file([template({ lengths: ['4h'] })]))).toMatch(
      /\/templates\/0\/breaks\/0\/latest: the break window ends 5h after the start, after the 4h shift ends/,
    );
  });

  it('refuses a start outside the day, in a list or as a range', () => {
    expect(issuesOf(file([template({ starts: ['08:00', '24:00'] })]))).toMatch(
      /\/templates\/0\/starts\/1: a start outside the day \(got "24:00"\); allowed: 00:00 to 23:59/,
    );
    expect(issuesOf(file([template({ starts: { every: '30m', from: '00:00', to: '25:00' } })]))).toMatch(
      /\/templates\/0\/starts\/to: a start outside the day \(got "25:00"\)/,
    );
  });

  it('names unknown fields with a guess, and minAgents above maxAgents', () => {
    expect(issuesOf(file([template({ maxAgent: 3 })]))).toMatch(
      /\/templates\/0: unknown field "maxAgent" \(did you mean "maxAgents"\?\)/,
    );
    expect(issuesOf(file([template({ minAgents: 4, maxAgents: 3 })]))).toMatch(
      /\/templates\/0\/minAgents: minAgents is above maxAgents \(3\)/,
    );
  });

  it('refuses breaks that cannot all be placed without overlapping', () => {
    const t = loadShiftTemplatesText(
      file([
        template({
          breaks: [
            { length: '1h', earliest: '3h', latest: '4h' },
            { length: '1h', earliest: '3h', latest: '4h' },
          ],
        }),
      ]),
      'shifts.json',
    );
    const covid = loadScenarioFile('scenarios/covid-hotline.json');
    expect(() => buildShiftColumns(t, covid.calendar)).toThrow(/cannot all be placed.*without overlapping/);
  });

  it('covid.json: at least 300 template shifts over the week, 24/7, premiums at night and on weekends', () => {
    const t = loadShiftTemplatesFile('scenarios/shifts/covid.json');
    const covid = loadScenarioFile('scenarios/covid-hotline.json');
    const { columns, instances } = buildShiftColumns(t, covid.calendar);
    expect(instances.length).toBeGreaterThanOrEqual(300);
    // Every interval of the week can be covered by some shift.
    const covered = new Set(columns.flatMap((c) => [...c.covers]));
    expect(covered.size).toBe(covid.calendar.days * covid.calendar.intervalsPerDay);
    // A Sunday 23:00 shift costs more per on-duty hour than a Wednesday 09:00 one (night + weekend).
    const perHour = (weekday: string, startS: number) => {
      const c = columns.find((x) => x.weekday === weekday && x.startS === startS && x.lengthS === 8 * 3600)!;
      return c.cost / c.agentHours;
    };
    expect(perHour('sun', 23 * 3600)).toBeGreaterThan(perHour('wed', 9 * 3600));
  });
});
