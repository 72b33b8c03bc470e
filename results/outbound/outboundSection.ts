// The outbound channel's part of report.html: its per-day table (numbers loaded, attempts, reached,
// failed, left at the close, the campaign SL, agent time) and its charts: attempts per interval beside
// the inbound service level (the blending's cost), and agent time on outbound. All read through the
// metric registry. Absent when a run has no outbound channel.
import { channelMetrics, metricSpec } from '../../sim/metrics/metricRegistry.js';
import type { LoadedRun } from '../loadRun.js';
import { channelSeriesOrEmpty } from '../report/channelOfRun.js';
import { type ChartSeries, type ChartSpec, PALETTE } from '../report/chartSpec.js';
import { escapeHtml } from '../report/escapeHtml.js';
import { formatHalfWidth, formatValue } from '../report/formatMetric.js';
import { intervalTimes } from '../report/intervalTimes.js';
import { metricLine, timeChart } from '../report/metricLine.js';
import { runLabel } from '../runMetrics.js';

const [BLUE, VERMILLION, GREEN, , ORANGE] = PALETTE as [string, ...string[]];
const CHANNEL = 'outbound';

type Figures = Partial<Record<string, { mean: number | null; ci95: [number, number] | null }>>;
type DayFigures = Figures & { date: string; weekday: string };
interface Targets {
  variant: string;
  thresholdS: number;
  goal: number;
}

function summaryOf(run: LoadedRun) {
  return run.summary as unknown as {
    channels: Record<string, Figures | undefined>;
    days: Record<string, DayFigures[] | undefined>;
    targets: Record<string, Targets | undefined>;
  };
}

/** The inbound channels of the run (every other channel with targets) and their service-level variant. */
function inboundServiceLevels(run: LoadedRun): { channel: string; variant: string }[] {
  return Object.entries(summaryOf(run).targets)
    .filter(([channel, targets]) => channel !== CHANNEL && targets !== undefined)
    .map(([channel, targets]) => ({ channel, variant: targets!.variant }));
}

/** The outbound heading, note and per-day table (HTML), or '' when the run has no outbound channel. */
export function outboundSummaryHtml(run: LoadedRun): string {
  const summary = summaryOf(run);
  const figures = summary.channels[CHANNEL];
  const days = summary.days[CHANNEL];
  const targets = summary.targets[CHANNEL];
  if (figures === undefined || days === undefined || targets === undefined) return '';
  const metrics: string[] = channelMetrics(CHANNEL)
    .filter((s) => s.views.includes('table') && s.serviceLevel === null)
    .map((s) => s.name);
  metrics.splice(metrics.indexOf('leftAtClose') + 1, 0, targets.variant);
  const cell = (row: Figures, metric: string) => {
    const { unit } = metricSpec(CHANNEL, metric);
    const value = row[metric];
    const mean = value?.mean ?? null;
    const half = mean === null ? '' : formatHalfWidth(value?.ci95 ?? null, unit);
    return `<td>${escapeHtml(formatValue(mean, unit))}${half ? `<span class="ci">${escapeHtml(half)}</span>` : ''}</td>`;
  };
  const head = [
    '<th class="text">day</th>',
    ...metrics.map((m) => `<th>${escapeHtml(metricSpec(CHANNEL, m).label)}</th>`),
  ];
  const rows = days.map(
    (day) =>
      `<tr><td class="text">${escapeHtml(`${day.weekday} ${day.date}`)}</td>${metrics.map((m) => cell(day, m)).join('')}</tr>`,
  );
  rows.push(
    `<tr><td class="text"><b>${escapeHtml(runLabel(run))}</b></td>${metrics.map((m) => cell(figures, m)).join('')}</tr>`,
  );
  const goal = `${formatValue(targets.goal, 'share')} of numbers reached within ${formatValue(targets.thresholdS, 'seconds')} of being loaded`;
  return [
    '<h2>Outbound campaign</h2>',
    `<p class="note">Campaign service level (${escapeHtml(targets.variant)}), target ${escapeHtml(goal)}. Attempts count in the interval they start, numbers in the interval they are reached or given up; an agent dials only while the threshold of idle agents stays free for inbound.</p>`,
    `<div class="scroll"><table>\n<thead><tr>${head.join('')}</tr></thead>\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table></div>`,
  ].join('\n');
}

/** The outbound charts, or none when the run has no outbound channel. */
export function outboundCharts(run: LoadedRun): ChartSpec[] {
  if (summaryOf(run).targets[CHANNEL] === undefined) return [];
  const x = intervalTimes(run.intervals);
  const line = (channel: string, metric: string, color: string, axis = 0): ChartSeries => {
    const spec = metricSpec(channel, metric);
    const label = channel === CHANNEL ? spec.label : `${channel}: ${spec.label}`;
    return metricLine(channelSeriesOrEmpty(run, channel, metric), spec, color, { axis, label });
  };
  const chart = timeChart(x);
  const inbound = inboundServiceLevels(run);
  const colors = [VERMILLION, ORANGE, GREEN];
  return [
    chart({
      id: 'outbound-attempts',
      title: 'Outbound attempts per interval beside the inbound service level',
      note: 'Dials start only while enough agents stay idle for inbound (the threshold), so attempts fall where inbound is busy.',
      axes: [
        { label: 'per interval', unit: 'count', side: 'left' },
        ...(inbound.length > 0
          ? [{ label: 'inbound service level', unit: 'share' as const, side: 'right' as const }]
          : []),
      ],
      series: [
        line(CHANNEL, 'attempts', BLUE),
        line(CHANNEL, 'completed', GREEN),
        ...inbound.map(({ channel, variant }, i) => line(channel, variant, colors[i % colors.length]!, 1)),
      ],
    }),
    chart({
      id: 'outbound-agent-time',
      title: 'Share of the outbound groups’ agent time spent dialling',
      axes: [{ label: metricSpec(CHANNEL, 'outboundShare').label, unit: 'share', side: 'left' }],
      series: [line(CHANNEL, 'outboundShare', BLUE)],
    }),
  ];
}
