// A plan's coverage and cost recomputed independently: the shifts it writes go through the scenario
// loader's own staffing builder (scenarios/buildStaffing.ts, the step function the simulator runs),
// and the agents it schedules per interval must cover every requirement; at the interval rates they
// must cost what the solver says. FC_SEED=<n> replays another sequence.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildStaffing } from '../../../scenarios/buildStaffing.js';
import type { InputIssue } from '../../../scenarios/inputError.js';
import type { CalendarModel } from '../../../scenarios/ScenarioModel.js';
import { WEEKDAYS } from '../../../scenarios/schemaParts.js';
import { buildShiftColumns } from './buildShiftColumns.js';
import { intervalRates } from './intervalRates.js';
import { loadShiftTemplatesText } from './loadShiftTemplates.js';
import { planToShifts } from './planToShifts.js';
import { solveCover } from './solveCover.js';

const SEED = Number(process.env.FC_SEED ?? 20_261_124);

// A week from Saturday, hourly: a Friday-night shift (the day before the horizon) reaches into
// Saturday's first hours, and the week wraps, so the hours the loader counts inside the horizon are
// exactly the hours the plan pays for.
const calendar: CalendarModel = {
  startDate: '2020-12-12',
  days: 7,
  intervalS: 3600,
  intervalsPerDay: 24,
  dates: ['2020-12-12', '2020-12-13', '2020-12-14', '2020-12-15', '2020-12-16', '2020-12-17', '2020-12-18'],
  weekdays: ['sat', 'sun', 'mon', 'tue', 'wed', 'thu', 'fri'],
};
const n = calendar.days * calendar.intervalsPerDay;

const templateArb = fc.record({
  length: fc.constantFrom(2, 3, 4, 8),
  starts: fc.uniqueArray(fc.integer({ min: 0, max: 23 }), { minLength: 1, maxLength: 6 }),
  days: fc.subarray([...WEEKDAYS], { minLength: 1 }),
  withBreak: fc.boolean(),
  cost: fc.integer({ min: 5, max: 15 }),
});

const caseArb = fc.record({
  templates: fc.array(templateArb, { minLength: 1, maxLength: 3 }),
  required: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: n, maxLength: n }),
  premiums: fc.boolean(),
});

describe('a roster plan read back through the scenario loader', () => {
  it('schedules at least the required agents in every interval, at the cost the solver reports', async () => {
    await fc.assert(
      fc.asyncProperty(caseArb, async ({ templates, required, premiums }) => {
        const text = JSON.stringify({
          name: 'generated',
          costPerAgentHour: 10,
          ...(premiums
            ? {
                premiums: {
                  night: { from: '22:00', to: '06:00', extra: 0.25 },
                  weekend: { days: ['sun'], extra: 0.5 },
                },
              }
            : {}),
          templates: templates.map((t, i) => ({
            name: `t${i}`,
            lengths: [`${t.length}h`],
            starts: t.starts.map((h) => `${String(h).padStart(2, '0')}:00`),
            days: t.days,
            costPerAgentHour: t.cost,
            ...(t.withBreak && t.length >= 3
              ? { breaks: [{ length: '1h', earliest: '1h', latest: `${t.length - 1}h` }] }
              : {}),
          })),
        });
        const model = loadShiftTemplatesText(text, undefined);
        const shifts = buildShiftColumns(model, calendar);
        // Require agents only where some shift can be (the rest is checkCoverable's business).
        const coverable = new Set(shifts.columns.flatMap((c) => [...c.covers]));
        const need = Int32Array.from(required, (r, k) => (coverable.has(k) ? r : 0));
        const solution = await solveCover({ required: need, ...shifts, relativeGap: 0 });
        const planned = planToShifts(shifts.columns, solution.agents);
        const issues: InputIssue[] = [];
        const staffing =
          planned.length > 0
            ? buildStaffing({ kind: 'shifts', shifts: planned }, calendar, issues, '/plan')
                .scheduledPerInterval
            : new Float64Array(n);
        expect(issues).toEqual([]);
        for (let k = 0; k < n; k++) expect(staffing[k]!).toBeGreaterThanOrEqual(need[k]! - 1e-9);
        // Cost from the loader's agents per interval, template by template (each its own rate).
        let cost = 0;
        templates.forEach((t, i) => {
          const own = planToShifts(
            shifts.columns.filter((c) => c.template === i),
            Int32Array.from(
              shifts.columns.flatMap((c, j) => (c.template === i ? [solution.agents[j]!] : [])),
            ),
          );
          if (own.length === 0) return;
          const agents = buildStaffing(
            { kind: 'shifts', shifts: own },
            calendar,
            issues,
            '/t',
          ).scheduledPerInterval;
          const rates = intervalRates(model, calendar, t.cost);
          agents.forEach((a, k) => {
            cost += a * rates[k]!;
          });
        });
        expect(cost).toBeCloseTo(solution.cost, 6);
      }),
      { numRuns: 60, seed: SEED },
    );
  });
});
