import { formatHalfWidth, formatValue } from '../../results/report/formatMetric.js';
import { outcomeText, targetText } from '../../results/targetText.js';
import type { ScenarioModel } from '../../scenarios/ScenarioModel.js';
import { type ChannelTargets, judgeTargets, targetChecks } from '../../sim/metrics/judgeTargets.js';
import { metricSpec } from '../../sim/metrics/metricRegistry.js';
import type { RunWindow } from '../../sim/replications/runWindow.js';
import type {
  ChannelLevels,
  ChatSummary,
  MetricSummary,
  PhoneSummary,
  ReplicationSummary,
} from '../../sim/replications/summarizeReplications.js';
import { formatTable } from './formatTable.js';

const count = (s: MetricSummary) => Math.round(s.mean!).toLocaleString('en-US');

/** The at-a-glance text `hotline sim` prints: per day, the whole run, and the worst intervals. */
export function formatSimReport(
  scenario: ScenarioModel,
  summary: ReplicationSummary,
  replications: number,
  window?: RunWindow,
  worst = 8,
): string {
  const targets = scenario.phone.targets;
  const { variant, thresholdS } = targets;
  const columns = DAY_COLUMNS.map((metric) => (metric === SL ? variant : metric));
  const header = [
    'date',
    'day',
    ...columns.map((m) => (m === variant ? `${variant}@${thresholdS}s` : label(m))),
  ];
  const row = (date: string, day: string, s: PhoneSummary) => [
    date,
    day,
    ...columns.map((m) => cell(m, s, m === variant)),
  ];
  const rows = summary.days.map((s, d) =>
    row(scenario.calendar.dates[d]!, scenario.calendar.weekdays[d]!, s),
  );
  const runLabel = window ? `day ${window.day} ${window.from}-${window.to}` : 'whole run';
  rows.push(row(runLabel, '', summary.run));
  const lines = [
    `${scenario.name}: ${scenario.calendar.days} day(s) from ${scenario.calendar.startDate}, ${replications} replication(s); mean ±95% CI half-width`,
    `targets: ${targetChecks('phone', targets)
      .map((check) => targetText('phone', check, targets))
      .join(', ')}`,
    '',
    formatTable(header, rows),
    '',
    formatVerdict(targets, summary.run, runLabel),
  ];
  if (scenario.phone.classes.length > 1) {
    lines.push('', 'per priority class (whole run):', '', classTable(scenario, summary));
  }
  const worstRows = worstIntervals(scenario, summary.intervals, worst);
  if (worstRows.length > 0) {
    lines.push('', `intervals furthest from the ${variant} goal:`, '', worstRows);
  }
  if (scenario.chat !== null && summary.chat !== null) {
    lines.splice(1, 0, 'phone:');
    lines.push('', ...chatSection(scenario, summary.chat, runLabel));
  }
  return lines.join('\n');
}

const CHAT_COLUMNS = [
  'offered',
  'answered',
  'abandonRate',
  'serviceLevel',
  'firstResponseMeanS',
  'firstResponseP90S',
  'answeredNextDayShare',
  'occupancySlots',
  'sessionsPerAgent',
] as const;

/** The chat channel's per-day table and verdict, on the first reply. */
function chatSection(scenario: ScenarioModel, chat: ChannelLevels<ChatSummary>, runLabel: string): string[] {
  const targets = scenario.chat!.targets;
  const { variant, thresholdS } = targets;
  const columns = CHAT_COLUMNS.map((metric) => (metric === 'serviceLevel' ? variant : metric));
  const header = [
    'date',
    'day',
    ...columns.map((m) => (m === variant ? `${label(m, 'chat')}@${thresholdS}s` : label(m, 'chat'))),
  ];
  const row = (date: string, day: string, s: ChatSummary) => [
    date,
    day,
    ...columns.map((m) => cell(m, s, m === variant, 'chat')),
  ];
  const rows = chat.days.map((s, d) => row(scenario.calendar.dates[d]!, scenario.calendar.weekdays[d]!, s));
  rows.push(row(runLabel, '', chat.run));
  return [
    'chat:',
    `targets: ${targetChecks('chat', targets)
      .map((check) => targetText('chat', check, targets))
      .join(', ')}`,
    '',
    formatTable(header, rows),
    '',
    formatVerdict(targets, chat.run, runLabel, 'chat'),
  ];
}

/** Stands for the scenario's service-level variant in the column lists. */
const SL = 'serviceLevel';
const DAY_COLUMNS = [
  'offered',
  'answered',
  'abandonRate',
  'blocked',
  SL,
  'asaS',
  'waitP90S',
  'occupancy',
  'agentHours',
] as const;

const label = (metric: string, channel = 'phone') => metricSpec(channel, metric).label;

/** A summary cell formatted by the metric's registry unit; with the CI half-width when asked. */
function cell(
  metric: string,
  s: Partial<Record<string, MetricSummary>>,
  withCi = false,
  channel = 'phone',
): string {
  const { unit } = metricSpec(channel, metric);
  const value = s[metric] ?? { mean: null, ci95: null, n: 0 };
  if (value.mean === null) return 'n/a';
  const half = withCi ? formatHalfWidth(value.ci95, unit) : '';
  const text = unit === 'count' || unit === 'hours' ? count(value) : formatValue(value.mean, unit);
  return `${text}${half ? ` ${half}` : ''}`;
}

function classTable(scenario: ScenarioModel, summary: ReplicationSummary): string {
  const { variant, thresholdS } = scenario.phone.targets;
  const columns = ['offered', 'answered', 'abandonRate', variant, 'asaS'] as const;
  const header = [
    'class',
    'priority',
    ...columns.map((m) => (m === variant ? `${variant}@${thresholdS}s` : label(m))),
  ];
  const rows = summary.classes.map((s, k) => {
    const cls = scenario.phone.classes[k]!;
    return [cls.name, String(cls.priority), ...columns.map((m) => cell(m, s, m === variant))];
  });
  return formatTable(header, rows);
}

/** The whole-run verdict line, from judgeTargets (the report header and k6 thresholds use it too). */
export function formatVerdict(
  targets: ChannelTargets,
  run: Partial<Record<string, MetricSummary>>,
  label: string,
  channel = 'phone',
): string {
  const { verdict, outcomes } = judgeTargets(channel, targets, run);
  if (verdict === 'met') return `${label}: meets its targets`;
  if (verdict === 'n/a') return `${label}: targets not judged (no contacts to judge them on)`;
  const misses = outcomes.filter((o) => o.status === 'fail').map((o) => outcomeText(channel, o));
  return `${label}: MISSES targets: ${misses.join('; ')}`;
}

function worstIntervals(scenario: ScenarioModel, intervals: readonly PhoneSummary[], limit: number): string {
  const { variant, goal } = scenario.phone.targets;
  const { intervalsPerDay, intervalS, dates } = scenario.calendar;
  const ranked = intervals
    .map((s, i) => ({
      s,
      i,
      gap: s[variant].mean === null ? Number.NEGATIVE_INFINITY : goal - s[variant].mean!,
    }))
    .filter((x) => x.gap > 0)
    .sort((a, b) => b.gap - a.gap || a.i - b.i)
    .slice(0, limit);
  if (ranked.length === 0) return '';
  const columns = ['offered', variant, 'abandonRate', 'asaS', 'maxQueueLength', 'agentsOnDuty'] as const;
  const header = ['date', 'start', ...columns.map((m) => label(m))];
  const rows = ranked.map(({ s, i }) => {
    const minutes = ((i % intervalsPerDay) * intervalS) / 60;
    return [
      dates[Math.floor(i / intervalsPerDay)]!,
      `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`,
      ...columns.map((m) => cell(m, s, m === variant)),
    ];
  });
  return formatTable(header, rows);
}
