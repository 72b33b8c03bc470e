// The portal channel's part of report.html: its per-day table, its per-type table and its charts,
// read through the metric registry (labels, units, bands). Absent when a run has no portal.
import { metricSpec } from '../../sim/metrics/metricRegistry.js';
import type { LoadedRun } from '../loadRun.js';
import { type ChartSeries, type ChartSpec, PALETTE } from '../report/chartSpec.js';
import { escapeHtml } from '../report/escapeHtml.js';
import { formatHalfWidth, formatValue } from '../report/formatMetric.js';
import { intervalTimes } from '../report/intervalTimes.js';
import { metricLine, timeChart } from '../report/metricLine.js';
import { intervalSeries, runLabel } from '../runMetrics.js';

const [BLUE, VERMILLION, GREEN, PURPLE, ORANGE, SKY, BLACK] = PALETTE as [string, ...string[]];
const CHANNEL = 'portal';

type Figures = Partial<Record<string, { mean: number | null; ci95: [number, number] | null }>>;
type Day = Figures & { date: string; weekday: string };
type TypeRow = Figures & { name: string; share: number };

/** The per-day table's columns, in order. */
const DAY_COLUMNS = [
  'applications',
  'refusedShare',
  'received',
  'decided',
  'decidedOnTimeShare',
  'decisionWorkingDaysMean',
  'statusChecks',
  'supportPhone',
  'supportChat',
  'pendingAtEnd',
];
const TYPE_COLUMNS = [
  'received',
  'decided',
  'decidedOnTimeShare',
  'decisionWorkingDaysMean',
  'decisionWorkingDaysP90',
];
const CAUSES = [
  ['supportRefusedUpload', BLUE],
  ['supportStatusQuestion', GREEN],
  ['supportDecisionLate', VERMILLION],
  ['supportDecision', PURPLE],
] as const;

function portalOf(run: LoadedRun): { run: Figures; days: Day[]; types: TypeRow[] } | null {
  const summary = run.summary as unknown as {
    channels: Record<string, Figures | undefined>;
    days: Record<string, Day[] | undefined>;
    classes?: Record<string, TypeRow[] | undefined>;
  };
  const figures = summary.channels[CHANNEL];
  const days = summary.days[CHANNEL];
  return figures && days ? { run: figures, days, types: summary.classes?.[CHANNEL] ?? [] } : null;
}

function goalOf(run: LoadedRun): number | null {
  const targets = (run.summary.targets as Record<string, { goal: number } | undefined>)[CHANNEL];
  return targets?.goal ?? null;
}

function cell(figures: Figures, metric: string): string {
  const { unit } = metricSpec(CHANNEL, metric);
  const value = figures[metric];
  const mean = value?.mean ?? null;
  const half = mean === null ? '' : formatHalfWidth(value?.ci95 ?? null, unit);
  return `<td>${escapeHtml(formatValue(mean, unit))}${half ? `<span class="ci">${escapeHtml(half)}</span>` : ''}</td>`;
}

function table(firstHeader: string, metrics: readonly string[], rows: [string, Figures][]): string {
  const head = [
    `<th class="text">${escapeHtml(firstHeader)}</th>`,
    ...metrics.map((m) => `<th>${escapeHtml(metricSpec(CHANNEL, m).label)}</th>`),
  ];
  const body = rows.map(
    ([label, figures]) =>
      `<tr><td class="text">${label}</td>${metrics.map((m) => cell(figures, m)).join('')}</tr>`,
  );
  return `<div class="scroll"><table>\n<thead><tr>${head.join('')}</tr></thead>\n<tbody>\n${body.join('\n')}\n</tbody>\n</table></div>`;
}

/** The portal heading, note, per-day and per-type tables (HTML), or '' when the run has no portal. */
export function portalSummaryHtml(run: LoadedRun): string {
  const portal = portalOf(run);
  if (portal === null) return '';
  const dayRows: [string, Figures][] = portal.days.map((day) => [
    escapeHtml(`${day.weekday} ${day.date}`),
    day,
  ]);
  dayRows.push([`<b>${escapeHtml(runLabel(run))}</b>`, portal.run]);
  const typeRows: [string, Figures][] = portal.types.map((t) => [
    escapeHtml(`${t.name} (${formatValue(t.share, 'share')})`),
    t,
  ]);
  const goal = goalOf(run);
  const parts = [
    '<h2>Portal</h2>',
    `<p class="note">Applications count when started, decisions when made (after whole working days: weekdays minus closed dates, counted from the day after receipt), support contacts when they reach phone or chat. Decisions on time: within their type's deadline${goal === null ? '' : `; target ${escapeHtml(formatValue(goal, 'share'))}`}. A run starts with an empty back office, so its first days have no decisions.</p>`,
    table('day', DAY_COLUMNS, dayRows),
  ];
  if (typeRows.length > 0)
    parts.push(
      `<h3>Per application type (${escapeHtml(runLabel(run))})</h3>`,
      '<p class="note">Decisions made in the run only: a type whose decisions take longer than what is left of the horizon is mostly still pending at its end (pending at end), so its on-time share and working days describe its quicker decisions.</p>',
      table('type', TYPE_COLUMNS, typeRows),
    );
  return parts.join('\n');
}

/** The portal charts, or none when the run has no portal. */
export function portalCharts(run: LoadedRun): ChartSpec[] {
  if (portalOf(run) === null) return [];
  const x = intervalTimes(run.intervals);
  const line = (metric: string, color: string, axis = 0): ChartSeries =>
    metricLine(intervalSeries(run, metric, CHANNEL), metricSpec(CHANNEL, metric), color, { axis });
  const chart = timeChart(x);
  const goal = goalOf(run);
  const onTime = [line('decidedOnTimeShare', BLUE)];
  if (goal !== null)
    onTime.push({
      label: `target ${formatValue(goal, 'share')}`,
      axis: 0,
      color: BLACK,
      dash: true,
      values: run.intervals.date.map(() => goal),
    });
  return [
    chart({
      id: 'portal-flow',
      title: 'Portal: applications, decisions and the support contacts they caused, per interval',
      note: 'Support contacts on the right axis: calls and chats the portal caused, when they reach the phone line or the chat.',
      axes: [
        { label: 'applications and decisions per interval', unit: 'count', side: 'left' },
        { label: 'support contacts per interval', unit: 'count', side: 'right' },
      ],
      series: [line('applications', BLUE), line('decided', GREEN), line('supportContacts', VERMILLION, 1)],
    }),
    chart({
      id: 'portal-support',
      title: 'Portal support contacts by cause, per interval',
      axes: [{ label: 'contacts per interval', unit: 'count', side: 'left' }],
      series: CAUSES.map(([metric, color]) => line(metric, color)),
    }),
    chart({
      id: 'portal-on-time',
      title: "Portal decisions on time (within their type's working days) per interval",
      axes: [{ label: metricSpec(CHANNEL, 'decidedOnTimeShare').label, unit: 'share', side: 'left' }],
      series: onTime,
    }),
    chart({
      id: 'portal-refusals',
      title: 'Portal submissions refused by reason, and status checks, per interval',
      axes: [
        { label: 'refused submissions per interval', unit: 'count', side: 'left' },
        { label: 'status checks per interval', unit: 'count', side: 'right' },
      ],
      series: [
        line('refusedWrongType', VERMILLION),
        line('refusedTooBig', ORANGE),
        line('refusedBadField', PURPLE),
        line('statusChecks', SKY, 1),
      ],
    }),
  ];
}
