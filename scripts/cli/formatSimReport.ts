import { formatHalfWidth, formatValue } from '../../results/report/formatMetric.js';
import { outcomeText, targetText } from '../../results/targetText.js';
import type { ScenarioModel } from '../../scenarios/ScenarioModel.js';
import { type AnyChannelPlugin, SERVICE_LEVEL } from '../../sim/channels/ChannelPlugin.js';
import { presentChannels } from '../../sim/channels/index.js';
import { type ChannelTargets, judgeTargets, targetChecks } from '../../sim/metrics/judgeTargets.js';
import { metricSpec } from '../../sim/metrics/metricRegistry.js';
import { thresholdText } from '../../sim/metrics/thresholdText.js';
import type { RunWindow } from '../../sim/replications/runWindow.js';
import type {
  ChannelSummary,
  MetricSummaries,
  MetricSummary,
  ReplicationSummary,
} from '../../sim/replications/summarizeReplications.js';
import { formatTable } from './formatTable.js';

const count = (s: MetricSummary) => Math.round(s.mean!).toLocaleString('en-US');

/** The at-a-glance text `hotline sim` prints: per channel, per day, the whole run, the worst intervals. */
export function formatSimReport(
  scenario: ScenarioModel,
  summary: ReplicationSummary,
  replications: number,
  window?: RunWindow,
  worst = 8,
): string {
  const runLabel = window ? `day ${window.day} ${window.from}-${window.to}` : 'whole run';
  const lines = [
    `${scenario.name}: ${scenario.calendar.days} day(s) from ${scenario.calendar.startDate}, ${replications} replication(s); mean ±95% CI half-width`,
  ];
  const channels = presentChannels(scenario.channels);
  channels.forEach((channel, i) => {
    const model = (scenario.channels as Record<string, unknown>)[channel.name];
    const channelSummary = (summary.channels as Record<string, ChannelSummary>)[channel.name]!;
    if (i > 0) lines.push('');
    if (channels.length > 1) lines.push(`${channel.name}:`);
    lines.push(...channelSection(scenario, channel, model, channelSummary, runLabel, worst));
  });
  return lines.join('\n');
}

/** One channel's targets, per-day table, verdict, classes and worst intervals. */
function channelSection(
  scenario: ScenarioModel,
  channel: AnyChannelPlugin,
  model: unknown,
  summary: ChannelSummary,
  runLabel: string,
  worst: number,
): string[] {
  const name = channel.name;
  const targets = channel.targets(model);
  const { variant, thresholdS } = targets;
  const columns = withVariant(channel.table.days, variant);
  const header = [
    'date',
    'day',
    ...columns.map((m) => (m === variant ? slHeader(name, variant, thresholdS) : label(m, name))),
  ];
  const row = (date: string, day: string, s: MetricSummaries) => [
    date,
    day,
    ...columns.map((m) => cell(m, s, m === variant, name)),
  ];
  const rows = summary.days.map((s, d) =>
    row(scenario.calendar.dates[d]!, scenario.calendar.weekdays[d]!, s),
  );
  rows.push(row(runLabel, '', summary.run));
  const lines = [
    `targets: ${targetChecks(name, targets)
      .map((check) => targetText(name, check, targets))
      .join(', ')}`,
    '',
    formatTable(header, rows),
    '',
    formatVerdict(targets, summary.run, runLabel, name),
  ];
  const classes = channel.classes(model);
  if (classes.length > 1 && channel.table.classes.length > 0) {
    const classColumns = withVariant(channel.table.classes, variant);
    const classHeader = [
      'class',
      'priority',
      ...classColumns.map((m) => (m === variant ? slHeader(name, variant, thresholdS) : label(m, name))),
    ];
    const classRows = summary.classes.map((s, k) => [
      classes[k]!.name,
      String(classes[k]!.priority),
      ...classColumns.map((m) => cell(m, s, m === variant, name)),
    ]);
    lines.push('', `per ${channel.table.classLabel} (whole run):`, '', formatTable(classHeader, classRows));
  }
  if (channel.table.worstIntervals.length > 0) {
    const worstRows = worstIntervals(scenario, channel, targets, summary.intervals, worst);
    if (worstRows.length > 0) lines.push('', `intervals furthest from the ${variant} goal:`, '', worstRows);
  }
  return lines;
}

const withVariant = (columns: readonly string[], variant: string) =>
  columns.map((metric) => (metric === SERVICE_LEVEL ? variant : metric));

const label = (metric: string, channel: string) => metricSpec(channel, metric).label;

/** A summary cell formatted by the metric's registry unit; with the CI half-width when asked. */
/** "slOffered@20s"; a threshold on another clock says so ("slIncludingOverdue@9h of working time"). */
function slHeader(channel: string, variant: string, thresholdS: number): string {
  return `${variant}${thresholdText(channel, thresholdS).short}`;
}

function cell(
  metric: string,
  s: Partial<Record<string, MetricSummary>>,
  withCi: boolean,
  channel: string,
): string {
  const { unit } = metricSpec(channel, metric);
  const value = s[metric] ?? { mean: null, ci95: null, n: 0 };
  if (value.mean === null) return 'n/a';
  const half = withCi ? formatHalfWidth(value.ci95, unit) : '';
  // Hours below 100 (an e-mail's response time) keep their decimal; agent hours per day are whole.
  const whole = unit === 'count' || (unit === 'hours' && Math.abs(value.mean) >= 100);
  const text = whole ? count(value) : formatValue(value.mean, unit);
  return `${text}${half ? ` ${half}` : ''}`;
}

/** The whole-run verdict line, from judgeTargets (the report header and k6 thresholds use it too). */
export function formatVerdict(
  targets: ChannelTargets,
  run: Partial<Record<string, MetricSummary>>,
  label: string,
  channel: string,
): string {
  const { verdict, outcomes } = judgeTargets(channel, targets, run);
  if (verdict === 'met') return `${label}: meets its targets`;
  if (verdict === 'n/a') return `${label}: targets not judged (no contacts to judge them on)`;
  const misses = outcomes.filter((o) => o.status === 'fail').map((o) => outcomeText(channel, o));
  return `${label}: MISSES targets: ${misses.join('; ')}`;
}

function worstIntervals(
  scenario: ScenarioModel,
  channel: AnyChannelPlugin,
  targets: ChannelTargets,
  intervals: readonly MetricSummaries[],
  limit: number,
): string {
  const { variant, goal } = targets;
  const { intervalsPerDay, intervalS, dates } = scenario.calendar;
  const ranked = intervals
    .map((s, i) => {
      const mean = s[variant]?.mean ?? null;
      return { s, i, gap: mean === null ? Number.NEGATIVE_INFINITY : goal - mean };
    })
    .filter((x) => x.gap > 0)
    .sort((a, b) => b.gap - a.gap || a.i - b.i)
    .slice(0, limit);
  if (ranked.length === 0) return '';
  const columns = withVariant(channel.table.worstIntervals, variant);
  const header = ['date', 'start', ...columns.map((m) => label(m, channel.name))];
  const rows = ranked.map(({ s, i }) => {
    const minutes = ((i % intervalsPerDay) * intervalS) / 60;
    return [
      dates[Math.floor(i / intervalsPerDay)]!,
      `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`,
      ...columns.map((m) => cell(m, s, m === variant, channel.name)),
    ];
  });
  return formatTable(header, rows);
}
