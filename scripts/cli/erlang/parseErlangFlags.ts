// `hotline erlang` flags -> a checked request. Every problem is reported at once, with its flag.
import {
  DURATION_HINT,
  MAX_DURATION_S,
  MAX_DURATION_TEXT,
  tryParseDuration,
} from '../../../scenarios/duration.js';
import { InputError, type InputIssue } from '../../../scenarios/inputError.js';
import { SERVICE_LEVEL_VARIANTS, type ServiceLevelVariant } from '../../../sim/analytic/erlangC.js';
import type { StaffingGoal } from '../../../sim/analytic/fewestAgents.js';

/** Flags as commander hands them over: raw text, parsed here so that every problem has a path. */
export interface ErlangFlags {
  calls: string;
  interval: string;
  aht: string;
  agents?: string;
  patience?: string;
  target: string;
  goal?: string;
  variant: string;
  maxAbandon?: string;
  maxAsa?: string;
  json?: boolean;
}

export interface ErlangRequest {
  callsPerInterval: number;
  intervalS: number;
  ahtS: number;
  patienceS: number | undefined;
  thresholdS: number;
  /** Evaluate this staffing; without it, search the fewest agents meeting `goal`. */
  agents: number | undefined;
  goal: StaffingGoal | undefined;
}

export const MAX_AGENTS = 1_000_000;
/** Calls in one interval, at most (the scenario's calls-per-day bound: finite, and searchable). */
export const MAX_CALLS = 1_000_000;
/**
 * Offered load (calls x AHT / interval), in erlangs, at most: far above any hotline (covid-hotline:
 * about 400 agents), and the analytic models stay fast (beyond it a staffing search took minutes).
 */
export const MAX_LOAD_ERLANGS = 10_000;
const FRACTION_HINT = 'a fraction between 0 and 1 or a percentage, e.g. 0.8 or 80%';

/** Checks every flag and reports all problems at once (InputError -> exit code 2). */
export function parseErlangFlags(flags: ErlangFlags): ErlangRequest {
  const issues: InputIssue[] = [];
  const calls = parsePositiveNumber(flags.calls, '--calls', issues);
  const intervalS = parseDurationFlag(flags.interval, '--interval', issues, { allowZero: false });
  const ahtS = parseDurationFlag(flags.aht, '--aht', issues, { allowZero: false });
  const thresholdS = parseDurationFlag(flags.target, '--target', issues, { allowZero: true });
  const patienceS =
    flags.patience === undefined
      ? undefined
      : parseDurationFlag(flags.patience, '--patience', issues, { allowZero: false });
  const agents = flags.agents === undefined ? undefined : parseAgents(flags.agents, issues);
  const variant = parseVariant(flags.variant, issues);
  const goal =
    flags.goal === undefined ? undefined : parseFraction(flags.goal, '--goal', issues, { open: true });
  const maxAbandon =
    flags.maxAbandon === undefined
      ? undefined
      : parseFraction(flags.maxAbandon, '--max-abandon', issues, { open: false });
  const maxAsaS =
    flags.maxAsa === undefined
      ? undefined
      : parseDurationFlag(flags.maxAsa, '--max-asa', issues, { allowZero: true });

  if (calls !== undefined && intervalS !== undefined && ahtS !== undefined) {
    const load = (calls * ahtS) / intervalS;
    if (load > MAX_LOAD_ERLANGS) {
      issues.push({
        path: '--calls',
        message: `offered load of ${formatLoad(load)} erlangs (calls x aht / interval) is beyond what the calculator handles`,
        value: flags.calls,
        allowed: `a load of at most ${MAX_LOAD_ERLANGS} erlangs`,
      });
    }
  }
  if (flags.agents === undefined && flags.goal === undefined) {
    issues.push({
      path: '--agents',
      message: 'give --agents to evaluate a staffing level, or --goal to find the fewest agents',
    });
  }
  if (flags.goal === undefined) {
    if (flags.maxAbandon !== undefined)
      issues.push({ path: '--max-abandon', message: 'only applies together with --goal' });
    if (flags.maxAsa !== undefined)
      issues.push({ path: '--max-asa', message: 'only applies together with --goal' });
  }
  if (issues.length > 0) throw new InputError(undefined, issues);

  return {
    callsPerInterval: calls!,
    intervalS: intervalS!,
    ahtS: ahtS!,
    patienceS,
    thresholdS: thresholdS!,
    agents,
    goal:
      goal === undefined
        ? undefined
        : { variant: variant!, thresholdS: thresholdS!, goal, maxAbandon, maxAsaS },
  };
}

function formatLoad(load: number): string {
  return load < 1e9 ? String(Math.round(load)) : load.toExponential(2);
}

function parsePositiveNumber(raw: string, path: string, issues: InputIssue[]): number | undefined {
  const value = /^[0-9]+(\.[0-9]+)?$/.test(raw) ? Number(raw) : Number.NaN;
  if (value > 0 && value <= MAX_CALLS) return value;
  issues.push({
    path,
    message: `expected a number greater than 0 and at most ${MAX_CALLS}`,
    value: raw,
    allowed: 'e.g. 100 or 87.5',
  });
  return undefined;
}

function parseDurationFlag(
  raw: string,
  path: string,
  issues: InputIssue[],
  { allowZero }: { allowZero: boolean },
): number | undefined {
  const seconds = tryParseDuration(raw);
  if (seconds !== undefined && (allowZero || seconds > 0) && seconds <= MAX_DURATION_S) return seconds;
  const message =
    seconds === undefined
      ? 'expected a duration with a unit'
      : seconds > MAX_DURATION_S
        ? `duration too long, at most ${MAX_DURATION_TEXT}`
        : 'expected a duration greater than 0';
  issues.push({ path, message, value: raw, allowed: DURATION_HINT });
  return undefined;
}

function parseAgents(raw: string, issues: InputIssue[]): number | undefined {
  const value = /^[0-9]+$/.test(raw) ? Number(raw) : Number.NaN;
  if (value >= 1 && value <= MAX_AGENTS) return value;
  issues.push({
    path: '--agents',
    message: 'expected a whole number of agents',
    value: raw,
    allowed: `1 to ${MAX_AGENTS}`,
  });
  return undefined;
}

function parseVariant(raw: string, issues: InputIssue[]): ServiceLevelVariant | undefined {
  const variant = SERVICE_LEVEL_VARIANTS.find((name) => name === raw);
  if (variant === undefined) {
    issues.push({
      path: '--variant',
      message: 'unknown service-level variant',
      value: raw,
      allowed: SERVICE_LEVEL_VARIANTS.join(', '),
    });
  }
  return variant;
}

/** "0.8" or "80%". `open`: 0 and 1 excluded (a goal of 100% needs infinitely many agents). */
function parseFraction(
  raw: string,
  path: string,
  issues: InputIssue[],
  { open }: { open: boolean },
): number | undefined {
  const match = /^([0-9]+(\.[0-9]+)?)(%?)$/.exec(raw);
  const value = match ? Number(match[1]) / (match[3] ? 100 : 1) : Number.NaN;
  const ok = open ? value > 0 && value < 1 : value >= 0 && value <= 1;
  if (ok) return value;
  const range = open ? 'strictly between 0 and 1' : 'between 0 and 1';
  issues.push({ path, message: `expected a fraction ${range}`, value: raw, allowed: FRACTION_HINT });
  return undefined;
}

/** Runs the models. An unreachable goal is the user's to fix (exit 2), not a crash. */
