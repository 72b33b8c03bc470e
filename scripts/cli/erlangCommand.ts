import type { Command } from 'commander';
import { DURATION_HINT, formatDuration, tryParseDuration } from '../../scenarios/duration.js';
import { InputError, type InputIssue } from '../../scenarios/inputError.js';
import {
  type QueueMetrics,
  type QueueModel,
  SERVICE_LEVEL_VARIANTS,
  type ServiceLevelVariant,
} from '../../sim/analytic/erlangC.js';
import {
  describeGoal,
  evaluateAgents,
  fewestAgents,
  meetsGoal,
  type StaffingDemand,
  type StaffingGoal,
} from '../../sim/analytic/fewestAgents.js';

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

export interface ErlangRow {
  metrics: QueueMetrics;
  /** null when no goal was given. */
  meetsGoal: boolean | null;
}

export interface ErlangReport {
  model: QueueModel;
  request: ErlangRequest;
  arrivalRatePerS: number;
  loadErlangs: number;
  /** The staffing asked for, or the fewest agents found. */
  agents: number;
  searched: boolean;
  /** The chosen staffing, with its neighbours when searched. */
  rows: ErlangRow[];
}

const MAX_AGENTS = 1_000_000;
const FRACTION_HINT = 'a fraction between 0 and 1 or a percentage, e.g. 0.8 or 80%';

export function registerErlangCommand(program: Command): void {
  program
    .command('erlang')
    .description(
      'Analytic service level, ASA, abandonment and occupancy for one interval (Erlang C, or Erlang A with --patience); ' +
        'with --goal and no --agents, the fewest agents that meet the goal.',
    )
    .requiredOption('--calls <n>', 'contacts offered per interval')
    .requiredOption('--interval <duration>', 'interval length, e.g. 30m')
    .requiredOption('--aht <duration>', 'average handle time (talk + after-call work), e.g. 180s')
    .option('--agents <n>', 'agents on duty; omit with --goal to find the fewest')
    .option('--patience <duration>', 'mean patience before abandoning (exponential): switches to Erlang A')
    .option('--target <duration>', 'service-level threshold T', '20s')
    .option('--goal <fraction>', 'service-level goal at T, e.g. 0.8 or 80%')
    .option(
      '--variant <name>',
      `service-level variant the goal applies to: ${SERVICE_LEVEL_VARIANTS.join(', ')}`,
      'slOffered',
    )
    .option('--max-abandon <fraction>', 'with --goal: also require P(abandon) at most this')
    .option('--max-asa <duration>', 'with --goal: also require ASA at most this')
    .option('--json', 'print one JSON object instead of the table')
    .addHelpText(
      'after',
      `
Examples:
  # service level with 14 agents (Erlang C: nobody hangs up)
  $ hotline erlang --calls 100 --interval 30m --aht 180s --agents 14

  # fewest agents for 80% answered within 20s, callers abandoning after 5 min on average (Erlang A)
  $ hotline erlang --calls 100 --interval 30m --aht 180s --patience 5m --target 20s --goal 0.8

  # same, but the goal counts only answered calls, and at most 5% may abandon
  $ hotline erlang --calls 100 --interval 30m --aht 180s --patience 5m --goal 80% \\
      --variant slAnswered --max-abandon 5%

  # machine-readable
  $ hotline erlang --calls 100 --interval 30m --aht 180s --agents 14 --json
`,
    )
    .action((flags: ErlangFlags) => {
      const report = buildErlangReport(parseErlangFlags(flags));
      process.stdout.write(
        flags.json ? `${JSON.stringify(erlangReportJson(report), null, 2)}\n` : formatErlangReport(report),
      );
    });
}

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

function parsePositiveNumber(raw: string, path: string, issues: InputIssue[]): number | undefined {
  const value = /^[0-9]+(\.[0-9]+)?$/.test(raw) ? Number(raw) : Number.NaN;
  if (value > 0) return value;
  issues.push({ path, message: 'expected a number greater than 0', value: raw, allowed: 'e.g. 100 or 87.5' });
  return undefined;
}

function parseDurationFlag(
  raw: string,
  path: string,
  issues: InputIssue[],
  { allowZero }: { allowZero: boolean },
): number | undefined {
  const seconds = tryParseDuration(raw);
  if (seconds !== undefined && (allowZero || seconds > 0)) return seconds;
  const message =
    seconds === undefined ? 'expected a duration with a unit' : 'expected a duration greater than 0';
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
export function buildErlangReport(request: ErlangRequest): ErlangReport {
  const arrivalRatePerS = request.callsPerInterval / request.intervalS;
  const demand: StaffingDemand = {
    arrivalRatePerS,
    meanHandleTimeS: request.ahtS,
    meanPatienceS: request.patienceS,
  };
  const header = {
    model: (request.patienceS === undefined ? 'erlangC' : 'erlangA') as QueueModel,
    request,
    arrivalRatePerS,
    loadErlangs: arrivalRatePerS * request.ahtS,
  };
  const row = (agents: number): ErlangRow => {
    const metrics = withPatienceErrorsAsInput(() => evaluateAgents(demand, agents, request.thresholdS));
    return { metrics, meetsGoal: request.goal ? meetsGoal(metrics, request.goal) : null };
  };

  if (request.agents !== undefined) {
    return { ...header, agents: request.agents, searched: false, rows: [row(request.agents)] };
  }
  const goal = request.goal!;
  const found = withPatienceErrorsAsInput(() => fewestAgents(demand, goal));
  if (!found.found) {
    throw new InputError(undefined, [
      { path: '--goal', message: `${found.reason}; lower the goal, lengthen --target or relax the limits` },
    ]);
  }
  const neighbours = [found.agents - 1, found.agents, found.agents + 1].filter((agents) => agents >= 1);
  return { ...header, agents: found.agents, searched: true, rows: neighbours.map(row) };
}

/** Erlang A refuses chains with millions of queue states (huge patience on an overloaded queue). */
function withPatienceErrorsAsInput<T>(compute: () => T): T {
  try {
    return compute();
  } catch (error) {
    if (error instanceof RangeError)
      throw new InputError(undefined, [{ path: '--patience', message: error.message }]);
    throw error;
  }
}

const MODEL_TITLES: Record<QueueModel, string> = {
  erlangC: 'Erlang C (M/M/c: callers never hang up)',
  erlangA: 'Erlang A (M/M/c+M: exponential patience)',
};

/** The human table: one column per staffing level, one row per metric. Never prints NaN. */
export function formatErlangReport(report: ErlangReport): string {
  const { request } = report;
  const t = formatDuration(request.thresholdS);
  const lines = [
    `model           ${MODEL_TITLES[report.model]}`,
    `demand          ${formatCount(request.callsPerInterval)} contacts per ${formatDuration(request.intervalS)}, ` +
      `AHT ${formatDuration(request.ahtS)}` +
      (request.patienceS === undefined ? '' : `, mean patience ${formatDuration(request.patienceS)}`),
    `traffic load    ${report.loadErlangs.toFixed(2)} Erlangs`,
  ];
  if (request.goal) lines.push(`goal            ${describeGoal(request.goal)}`);
  if (report.searched) lines.push(`fewest agents   ${report.agents}`);
  lines.push('');

  const cells = (pick: (metrics: QueueMetrics) => string) => report.rows.map((row) => pick(row.metrics));
  const table: string[][] = [
    [
      'agents',
      ...report.rows.map(
        (row) => `${row.metrics.agents}${report.searched && row.metrics.agents === report.agents ? '*' : ''}`,
      ),
    ],
    ['P(wait)', ...cells((m) => formatPercent(m.pWait))],
    ['ASA', ...cells((m) => formatSeconds(m.asaS))],
    ...SERVICE_LEVEL_VARIANTS.map((variant) => [
      `${variant} (${t})`,
      ...cells((m) => formatPercent(m.serviceLevel?.[variant] ?? null)),
    ]),
  ];
  if (report.model === 'erlangA') table.push(['P(abandon)', ...cells((m) => formatPercent(m.pAbandon))]);
  table.push(['occupancy', ...cells((m) => formatPercent(m.occupancy))]);
  if (request.goal) table.push(['meets goal', ...report.rows.map((row) => (row.meetsGoal ? 'yes' : 'no'))]);
  lines.push(...alignTable(table));

  const notes: string[] = [];
  if (report.searched) notes.push('* fewest agents meeting the goal; neighbours shown for context');
  if (report.rows.some((row) => !row.metrics.stable)) {
    notes.push('n/a: load >= agents, the queue grows without bound (no steady state)');
  }
  if (notes.length > 0) lines.push('', ...notes);
  return `${lines.join('\n')}\n`;
}

function alignTable(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) =>
    row
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[0]!) : cell.padStart(widths[column]! + 2)))
      .join(' '),
  );
}

function formatPercent(value: number | null): string {
  return value === null || !Number.isFinite(value) ? 'n/a' : `${(value * 100).toFixed(2)}%`;
}

function formatSeconds(value: number | null): string {
  return value === null || !Number.isFinite(value) ? 'n/a' : `${value.toFixed(1)}s`;
}

function formatCount(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}

/** The `--json` object: flat, seconds in `...S` fields, null (never NaN) where a metric does not exist. */
export function erlangReportJson(report: ErlangReport): Record<string, unknown> {
  const { request } = report;
  const goal = request.goal;
  const chosen = report.rows.find((row) => row.metrics.agents === report.agents)!;
  return finiteOrNull({
    model: report.model,
    input: {
      callsPerInterval: request.callsPerInterval,
      intervalS: request.intervalS,
      arrivalRatePerS: report.arrivalRatePerS,
      ahtS: request.ahtS,
      patienceS: request.patienceS ?? null,
      thresholdS: request.thresholdS,
      loadErlangs: report.loadErlangs,
    },
    goal: goal
      ? {
          variant: goal.variant,
          goal: goal.goal,
          maxAbandon: goal.maxAbandon ?? null,
          maxAsaS: goal.maxAsaS ?? null,
        }
      : null,
    searched: report.searched,
    agents: report.agents,
    meetsGoal: chosen.meetsGoal,
    results: report.rows.map((row) => ({ ...row.metrics, meetsGoal: row.meetsGoal })),
  }) as Record<string, unknown>;
}

/** Belt and braces: a non-finite number becomes null, so `--json` can never emit NaN or Infinity. */
function finiteOrNull(value: unknown): unknown {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (Array.isArray(value)) return value.map(finiteOrNull);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, finiteOrNull(inner)]));
  }
  return value;
}
