import type { ScenarioModel } from '../../scenarios/ScenarioModel.js';
import type { RunWindow } from '../../sim/replications/runWindow.js';
import type {
  MetricSummary,
  PhoneSummary,
  ReplicationSummary,
} from '../../sim/replications/summarizeReplications.js';
import { formatTable } from './formatTable.js';

const pct = (s: MetricSummary) => (s.mean === null ? 'n/a' : `${(s.mean * 100).toFixed(1)}%`);
const pctCi = (s: MetricSummary) =>
  s.mean === null
    ? 'n/a'
    : `${(s.mean * 100).toFixed(1)}%${s.ci95 ? ` ±${(((s.ci95[1] - s.ci95[0]) / 2) * 100).toFixed(1)}` : ''}`;
const secs = (s: MetricSummary) => (s.mean === null ? 'n/a' : `${s.mean.toFixed(1)}s`);
const count = (s: MetricSummary) => (s.mean === null ? 'n/a' : Math.round(s.mean).toLocaleString('en-US'));
const num = (s: MetricSummary, digits = 1) => (s.mean === null ? 'n/a' : s.mean.toFixed(digits));

/** The at-a-glance text `hotline sim` prints: per day, the whole run, and the worst intervals. */
export function formatSimReport(
  scenario: ScenarioModel,
  summary: ReplicationSummary,
  replications: number,
  window?: RunWindow,
  worst = 8,
): string {
  const { variant, thresholdS, goal, maxAbandonRate, maxAsaS } = scenario.phone.targets;
  const slHeader = `${variant}@${thresholdS}s`;
  const header = [
    'date',
    'day',
    'offered',
    'answered',
    'abandon',
    'blocked',
    slHeader,
    'ASA',
    'p90 wait',
    'occupancy',
    'agent-h',
  ];
  const row = (label: string, day: string, s: PhoneSummary) => [
    label,
    day,
    count(s.offered),
    count(s.answered),
    pct(s.abandonRate),
    count(s.blocked),
    pctCi(s[variant]),
    secs(s.asaS),
    secs(s.waitP90S),
    pct(s.occupancy),
    count(s.agentHours),
  ];
  const rows = summary.days.map((s, d) =>
    row(scenario.calendar.dates[d]!, scenario.calendar.weekdays[d]!, s),
  );
  const runLabel = window ? `day ${window.day} ${window.from}-${window.to}` : 'whole run';
  rows.push(row(runLabel, '', summary.run));
  const targets = [
    `${variant} >= ${(goal * 100).toFixed(0)}% within ${thresholdS}s`,
    maxAbandonRate === null ? null : `abandonRate <= ${(maxAbandonRate * 100).toFixed(1)}%`,
    maxAsaS === null ? null : `ASA <= ${maxAsaS}s`,
  ].filter(Boolean);
  const lines = [
    `${scenario.name}: ${scenario.calendar.days} day(s) from ${scenario.calendar.startDate}, ${replications} replication(s); mean ±95% CI half-width`,
    `targets: ${targets.join(', ')}`,
    '',
    formatTable(header, rows),
    '',
    verdict(summary.run, scenario, runLabel),
  ];
  if (scenario.phone.classes.length > 1) {
    lines.push('', 'per priority class (whole run):', '', classTable(scenario, summary));
  }
  const worstRows = worstIntervals(scenario, summary.intervals, worst);
  if (worstRows.length > 0) {
    lines.push('', `intervals furthest from the ${variant} goal:`, '', worstRows);
  }
  return lines.join('\n');
}

function classTable(scenario: ScenarioModel, summary: ReplicationSummary): string {
  const { variant, thresholdS } = scenario.phone.targets;
  const header = ['class', 'priority', 'offered', 'answered', 'abandon', `${variant}@${thresholdS}s`, 'ASA'];
  const rows = summary.classes.map((s, k) => {
    const cls = scenario.phone.classes[k]!;
    return [
      cls.name,
      String(cls.priority),
      count(s.offered),
      count(s.answered),
      pct(s.abandonRate),
      pctCi(s[variant]),
      secs(s.asaS),
    ];
  });
  return formatTable(header, rows);
}

function verdict(run: PhoneSummary, scenario: ScenarioModel, label: string): string {
  const { variant, goal, maxAbandonRate, maxAsaS } = scenario.phone.targets;
  const misses: string[] = [];
  const sl = run[variant].mean;
  if (sl !== null && sl < goal)
    misses.push(`${variant} ${(sl * 100).toFixed(1)}% < ${(goal * 100).toFixed(0)}%`);
  const ab = run.abandonRate.mean;
  if (maxAbandonRate !== null && ab !== null && ab > maxAbandonRate)
    misses.push(`abandonRate ${(ab * 100).toFixed(1)}% > ${(maxAbandonRate * 100).toFixed(1)}%`);
  const asa = run.asaS.mean;
  if (maxAsaS !== null && asa !== null && asa > maxAsaS) misses.push(`ASA ${asa.toFixed(1)}s > ${maxAsaS}s`);
  return misses.length === 0
    ? `${label}: meets its targets`
    : `${label}: MISSES targets: ${misses.join('; ')}`;
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
  const header = ['date', 'start', 'offered', variant, 'abandon', 'ASA', 'max queue', 'agents'];
  const rows = ranked.map(({ s, i }) => {
    const minutes = ((i % intervalsPerDay) * intervalS) / 60;
    return [
      dates[Math.floor(i / intervalsPerDay)]!,
      `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`,
      count(s.offered),
      pctCi(s[variant]),
      pct(s.abandonRate),
      secs(s.asaS),
      num(s.maxQueueLength, 0),
      num(s.agentsOnDuty),
    ];
  });
  return formatTable(header, rows);
}
