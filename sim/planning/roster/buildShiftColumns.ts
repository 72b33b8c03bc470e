import { formatDuration } from '../../../scenarios/duration.js';
import { InputError } from '../../../scenarios/inputError.js';
import type { CalendarModel } from '../../../scenarios/ScenarioModel.js';
import { WEEKDAYS, type Weekday } from '../../../scenarios/schemaParts.js';
import { rateOfInterval } from './intervalRates.js';
import type { ShiftTemplates } from './loadShiftTemplates.js';

/** One candidate shift of the covering program: a template, a length, a start, a weekday, its breaks. */
export interface ShiftColumn {
  readonly template: number;
  readonly lengthS: number;
  readonly startS: number;
  readonly weekday: Weekday;
  /** Break starts after the shift start, one per break rule of the template. */
  readonly breakAfterS: readonly number[];
  readonly breakLengthS: readonly number[];
  /** Intervals of the horizon (day-major) where the agent is on duty the whole interval. */
  readonly covers: Int32Array;
  /**
   * Cost of one agent on this shift: on-duty hours (breaks unpaid) at the rates of the hours worked,
   * for each day it starts in the horizon (see buildShiftColumns for the day before).
   */
  readonly cost: number;
  /** On-duty agent-hours of one agent, counted as the cost is. */
  readonly agentHours: number;
  /** The (template, length, start, weekday) this column is a break placement of: caps apply to it. */
  readonly instance: number;
}

export interface ShiftInstance {
  readonly template: number;
  readonly min: number;
  readonly max: number | null;
}

export interface ShiftColumns {
  readonly columns: readonly ShiftColumn[];
  readonly instances: readonly ShiftInstance[];
}

/** A template's break rules multiply into placements; past this many per shift, refuse. */
export const MAX_BREAK_PLACEMENTS = 256;
const DAY_S = 86_400;

/**
 * Every shift the templates allow, with each placement of its breaks on the interval grid (a break
 * starts `earliest`, `earliest + interval`, ... after the shift start and ends by `latest`), and what
 * it covers. A shift on weekday w runs on every day of the horizon that is a w, and on the day before
 * the horizon when that is a w (as the scenario loader reads `days`), so a Sunday-night shift covers
 * Monday's first hours in a week that starts on Monday. An agent covers an interval only when on duty
 * all of it: on break or starting mid-interval does not count, so coverage never overstates.
 */
export function buildShiftColumns(templates: ShiftTemplates, calendar: CalendarModel): ShiftColumns {
  const { days, intervalS, intervalsPerDay, weekdays } = calendar;
  const n = days * intervalsPerDay;
  const dayWeekday = (d: number): Weekday =>
    d >= 0 ? weekdays[d]! : WEEKDAYS[(WEEKDAYS.indexOf(weekdays[0]!) + 6) % 7]!;
  const columns: ShiftColumn[] = [];
  const instances: ShiftInstance[] = [];
  templates.templates.forEach((template, t) => {
    const rate = rateOfInterval(templates, calendar, template.costPerAgentHour);
    const placementsByLength = new Map<number, number[][]>();
    for (const [j, lengthS] of template.lengthsS.entries()) {
      const placements = breakPlacements(template.breaks, lengthS, intervalS);
      if (placements.length === 0 || placements.length > MAX_BREAK_PLACEMENTS) {
        throw new InputError(templates.file, [
          {
            path: `/templates/${t}/breaks`,
            message:
              placements.length === 0
                ? `the breaks cannot all be placed in the ${formatDuration(lengthS)} shift (lengths/${j}) without overlapping, on the ${formatDuration(intervalS)} grid`
                : `more than ${MAX_BREAK_PLACEMENTS} ways to place the breaks in one shift; narrow their windows`,
          },
        ]);
      }
      placementsByLength.set(lengthS, placements);
    }
    const breakLengthS = template.breaks.map((b) => b.lengthS);
    for (const weekday of template.days) {
      const runDays: number[] = [];
      for (let d = -1; d < days; d++) if (dayWeekday(d) === weekday) runDays.push(d);
      if (runDays.length === 0) continue;
      const startsInHorizon = runDays.some((d) => d >= 0);
      for (const lengthS of template.lengthsS) {
        for (const startS of template.startsS) {
          const instance = instances.length;
          let used = false;
          for (const placement of placementsByLength.get(lengthS)!) {
            const covers: number[] = [];
            let onDutyS = 0;
            let cost = 0;
            for (const d of runDays) {
              const from = d * DAY_S + startS;
              // Paid in full once per day it starts in the horizon, and for the day before only when
              // that weekday does not start in the horizon (in a whole week the Sunday-night shift that
              // reaches into Monday is the same shift as the last Sunday's, which is paid already).
              const paid = d >= 0 || !startsInHorizon;
              for (const [a, b] of onDutySegments(from, lengthS, placement, breakLengthS)) {
                for (let k = Math.floor(a / intervalS); k * intervalS < b; k++) {
                  const overlap = Math.min(b, (k + 1) * intervalS) - Math.max(a, k * intervalS);
                  if (overlap <= 0) continue;
                  if (paid) {
                    onDutyS += overlap;
                    cost += (overlap / 3600) * rate(k);
                  }
                  if (overlap === intervalS && k >= 0 && k < n) covers.push(k);
                }
              }
            }
            if (covers.length === 0) continue;
            used = true;
            columns.push({
              template: t,
              lengthS,
              startS,
              weekday,
              breakAfterS: placement,
              breakLengthS,
              covers: Int32Array.from(covers).sort(),
              cost,
              agentHours: onDutyS / 3600,
              instance,
            });
          }
          if (used) instances.push({ template: t, min: template.minAgents, max: template.maxAgents });
        }
      }
    }
  });
  return { columns, instances };
}

/** Each way to place the breaks (one start per rule, on the interval grid, not overlapping). */
export function breakPlacements(
  rules: readonly { lengthS: number; earliestS: number; latestS: number }[],
  lengthS: number,
  stepS: number,
): number[][] {
  let out: number[][] = [[]];
  rules.forEach((rule) => {
    const next: number[][] = [];
    for (const prefix of out) {
      for (
        let after = rule.earliestS;
        after + rule.lengthS <= Math.min(rule.latestS, lengthS);
        after += stepS
      ) {
        const overlaps = prefix.some((a, j) => after < a + rules[j]!.lengthS && a < after + rule.lengthS);
        if (!overlaps) next.push([...prefix, after]);
      }
    }
    // Stop multiplying once past the cap: the caller refuses the template anyway.
    out = next.length > MAX_BREAK_PLACEMENTS ? next.slice(0, MAX_BREAK_PLACEMENTS + 1) : next;
  });
  return out;
}

function onDutySegments(
  from: number,
  lengthS: number,
  breakAfterS: readonly number[],
  breakLengthS: readonly number[],
): [number, number][] {
  const breaks = breakAfterS
    .map((a, i) => [from + a, from + a + breakLengthS[i]!] as const)
    .sort((x, y) => x[0] - y[0]);
  const out: [number, number][] = [];
  let t = from;
  for (const [a, b] of breaks) {
    if (a > t) out.push([t, a]);
    t = Math.max(t, b);
  }
  if (from + lengthS > t) out.push([t, from + lengthS]);
  return out;
}
