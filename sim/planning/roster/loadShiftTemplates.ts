import { formatDuration, tryParseClock, tryParseDuration } from '../../../scenarios/duration.js';
import { InputError, type InputIssue } from '../../../scenarios/inputError.js';
import { parseJson, readScenarioFile } from '../../../scenarios/loadScenario.js';
import type { Weekday } from '../../../scenarios/schemaParts.js';
import { WEEKDAYS } from '../../../scenarios/schemaParts.js';
import { validateAgainst } from '../../../scenarios/validateScenario.js';
import { type ShiftTemplatesFile, ShiftTemplatesSchema } from './shiftTemplatesSchema.js';

export interface BreakRuleModel {
  readonly lengthS: number;
  readonly earliestS: number;
  readonly latestS: number;
}

export interface ShiftTemplateModel {
  readonly name: string;
  readonly lengthsS: readonly number[];
  /** Start times, seconds after midnight, ascending, each < 24 h. */
  readonly startsS: readonly number[];
  readonly days: readonly Weekday[];
  readonly breaks: readonly BreakRuleModel[];
  readonly minAgents: number;
  readonly maxAgents: number | null;
  readonly costPerAgentHour: number;
}

export interface ShiftTemplates {
  /** The file it came from, for messages about it found later (e.g. caps no plan can meet). */
  readonly file: string | undefined;
  readonly name: string;
  readonly group: string | undefined;
  /** The default rate: templates without their own, and the scenario's current staffing ("before"). */
  readonly costPerAgentHour: number;
  readonly night: { readonly fromS: number; readonly toS: number; readonly extra: number } | null;
  readonly weekend: { readonly days: readonly Weekday[]; readonly extra: number } | null;
  readonly templates: readonly ShiftTemplateModel[];
}

const DAY_S = 86_400;
/** Start times a template may expand to: 1440 is one a minute, far beyond any real roster. */
const MAX_STARTS = 1440;

export function loadShiftTemplatesFile(file: string): ShiftTemplates {
  return loadShiftTemplatesText(readScenarioFile(file), file);
}

/**
 * Parse -> schema (readable issues) -> cross-field checks (breaks within their shifts, starts within
 * the day) -> a frozen model, as for scenarios. Every problem is an InputIssue with its path.
 */
export function loadShiftTemplatesText(text: string, file: string | undefined): ShiftTemplates {
  const value = parseJson(text, file);
  const schemaIssues = validateAgainst(ShiftTemplatesSchema, value, '');
  if (schemaIssues.length > 0) throw new InputError(file, schemaIssues);
  const data = value as ShiftTemplatesFile;
  const issues: InputIssue[] = [];
  const night = data.premiums?.night;
  let nightModel: ShiftTemplates['night'] = null;
  if (night) {
    const fromS = clockInDay(night.from, '/premiums/night/from', issues, 'not a time of day');
    const toS = tryParseClock(night.to);
    if (toS === undefined)
      issues.push({
        path: '/premiums/night/to',
        message: 'not a time of day',
        value: night.to,
        allowed: '00:00 to 24:00',
      });
    else if (fromS !== undefined && fromS === toS % DAY_S)
      issues.push({
        path: '/premiums/night',
        message: 'the night window is empty (from equals to)',
        value: night,
      });
    if (fromS !== undefined && toS !== undefined) nightModel = { fromS, toS, extra: night.extra };
  }
  const names = new Set<string>();
  const templates = data.templates.map((template, i) => {
    const path = `/templates/${i}`;
    if (names.has(template.name))
      issues.push({ path: `${path}/name`, message: 'two templates have this name', value: template.name });
    names.add(template.name);
    return buildTemplate(template, path, data.costPerAgentHour, issues);
  });
  if (issues.length > 0) throw new InputError(file, issues);
  return Object.freeze({
    file,
    name: data.name,
    group: data.group,
    costPerAgentHour: data.costPerAgentHour,
    night: nightModel,
    weekend: data.premiums?.weekend
      ? { days: data.premiums.weekend.days, extra: data.premiums.weekend.extra }
      : null,
    templates: Object.freeze(templates),
  });
}

function buildTemplate(
  template: ShiftTemplatesFile['templates'][number],
  path: string,
  defaultCost: number,
  issues: InputIssue[],
): ShiftTemplateModel {
  const lengthsS = template.lengths.map((text, j) => {
    const seconds = tryParseDuration(text)!;
    if (seconds <= 0 || seconds > DAY_S)
      issues.push({
        path: `${path}/lengths/${j}`,
        message: 'a shift lasts more than 0 and at most 24h',
        value: text,
      });
    return seconds;
  });
  const startsS = expandStarts(template.starts, `${path}/starts`, issues);
  const breaks = (template.breaks ?? []).map((rule, j) => {
    const lengthS = tryParseDuration(rule.length)!;
    const earliestS = tryParseDuration(rule.earliest)!;
    const latestS = tryParseDuration(rule.latest)!;
    const at = `${path}/breaks/${j}`;
    if (lengthS <= 0)
      issues.push({ path: `${at}/length`, message: 'a break lasts more than 0', value: rule.length });
    for (const shiftS of lengthsS) {
      if (lengthS >= shiftS) {
        issues.push({
          path: `${at}/length`,
          message: `a ${formatDuration(lengthS)} break is not shorter than the ${formatDuration(shiftS)} shift`,
          value: rule.length,
        });
      } else if (latestS > shiftS) {
        issues.push({
          path: `${at}/latest`,
          message: `the break window ends ${formatDuration(latestS)} after the start, after the ${formatDuration(shiftS)} shift ends`,
          value: rule.latest,
          allowed: `at most ${formatDuration(shiftS)}`,
        });
      }
    }
    if (earliestS + lengthS > latestS) {
      issues.push({
        path: at,
        message: `a ${formatDuration(lengthS)} break does not fit between ${formatDuration(earliestS)} and ${formatDuration(latestS)} after the start`,
        value: rule,
      });
    }
    return { lengthS, earliestS, latestS };
  });
  const minAgents = template.minAgents ?? 0;
  const maxAgents = template.maxAgents ?? null;
  if (maxAgents !== null && minAgents > maxAgents) {
    issues.push({
      path: `${path}/minAgents`,
      message: `minAgents is above maxAgents (${maxAgents})`,
      value: minAgents,
    });
  }
  return Object.freeze({
    name: template.name,
    lengthsS,
    startsS,
    days: template.days ?? [...WEEKDAYS],
    breaks,
    minAgents,
    maxAgents,
    costPerAgentHour: template.costPerAgentHour ?? defaultCost,
  });
}

function expandStarts(
  starts: ShiftTemplatesFile['templates'][number]['starts'],
  path: string,
  issues: InputIssue[],
): number[] {
  if (Array.isArray(starts)) {
    const out = starts.flatMap((text, j) => {
      const s = clockInDay(text, `${path}/${j}`, issues);
      return s === undefined ? [] : [s];
    });
    return [...new Set(out)].sort((a, b) => a - b);
  }
  const every = tryParseDuration(starts.every)!;
  const from = clockInDay(starts.from, `${path}/from`, issues);
  const to = clockInDay(starts.to, `${path}/to`, issues);
  // Whole minutes: a start is written back as HH:MM in the scenario's shifts.
  if (every <= 0 || every % 60 !== 0) {
    issues.push({
      path: `${path}/every`,
      message: 'the step between starts must be whole minutes, more than 0',
      value: starts.every,
    });
    return [];
  }
  if (from === undefined || to === undefined) return [];
  if (to < from) {
    issues.push({
      path: `${path}/to`,
      message: `the last start is before the first (${starts.from})`,
      value: starts.to,
    });
    return [];
  }
  if ((to - from) / every + 1 > MAX_STARTS) {
    issues.push({
      path: `${path}/every`,
      message: `more than ${MAX_STARTS} starts a day`,
      value: starts.every,
    });
    return [];
  }
  const out: number[] = [];
  for (let s = from; s <= to; s += every) out.push(s);
  return out;
}

/** A start time must be a time of day in [00:00, 24:00): "24:00" or "25:00" is outside the day. */
function clockInDay(
  text: string,
  path: string,
  issues: InputIssue[],
  message = 'a start outside the day',
): number | undefined {
  const seconds = tryParseClock(text);
  if (seconds === undefined || seconds >= DAY_S) {
    issues.push({ path, message, value: text, allowed: '00:00 to 23:59' });
    return undefined;
  }
  return seconds;
}
