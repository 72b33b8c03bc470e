// `hotline erlang`: run the analytic models for a request and present the result (text or JSON).
import { formatDuration } from '../../../scenarios/duration.js';
import { InputError } from '../../../scenarios/inputError.js';
import { type QueueMetrics, type QueueModel, SERVICE_LEVEL_VARIANTS } from '../../../sim/analytic/erlangC.js';
import {
  describeGoal,
  evaluateAgents,
  fewestAgents,
  meetsGoal,
  type StaffingDemand,
} from '../../../sim/analytic/fewestAgents.js';
import type { ErlangRequest } from './parseErlangFlags.js';

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
