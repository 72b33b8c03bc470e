import type { PhoneMetric } from '../../sim/channels/phone/PhoneMetrics.js';
import { metricSpec } from '../../sim/metrics/metricRegistry.js';
import { focusRange, runWindow } from '../compare/runWindow.js';
import type { LoadedRun } from '../loadRun.js';
import { type ChartSeries, type ChartSpec, compact, PALETTE } from '../report/chartSpec.js';
import { formatValue, metricLabel, metricUnit } from '../report/formatMetric.js';
import { intervalTimes } from '../report/intervalTimes.js';
import { intervalSeries, metricOf, runLabel, slVariant } from '../runMetrics.js';
import { estimateHandleTimeS } from './estimateHandleTime.js';
import { timeOfDayProfile } from './timeOfDayProfile.js';
import { tailPosition, WAIT_PERCENTILES } from './waitPercentiles.js';

const [BLUE, VERMILLION, GREEN, PINK, ORANGE, , BLACK] = PALETTE as [string, ...string[]];

/** The phone charts of `hotline report`, in reading order: demand, service, waiting, staff. */
export function phoneCharts(run: LoadedRun): ChartSpec[] {
  const targets = run.summary.targets.phone;
  // These charts are the phone channel's; a run without phone has its channels' own sections.
  if (targets === undefined || run.summary.channels.phone === undefined) return [];
  const x = intervalTimes(run.intervals);
  // A run about a window (a k6 replay, sim --day/--from/--to) opens zoomed to it.
  const window = runWindow(run);
  const timeChart = (rest: Omit<ChartSpec, 'x' | 'xKind' | 'xLabel'>): ChartSpec => ({
    ...rest,
    xKind: 'time',
    xLabel: 'interval start',
    x,
    ...(window ? { focus: focusRange(window.startS, window.endS, run.info.intervalMinutes * 60) } : {}),
  });
  return [
    timeChart(offeredVsCapacity(run)),
    timeChart(serviceLevel(run)),
    timeOfDayProfile(run),
    timeChart(withTarget(run, 'abandonRate', targets.maxAbandonRate, 'abandonment')),
    timeChart(withTarget(run, 'asaS', targets.maxAsaS, 'ASA (mean wait of answered)')),
    timeChart(queueLength(run)),
    timeChart(occupancyAndAgents(run)),
    waitDistribution(run),
  ];
}

function withBand(run: LoadedRun, metric: PhoneMetric, label: string, color: string, axis = 0): ChartSeries {
  const s = intervalSeries(run, metric, 'phone');
  const spec = metricSpec('phone', metric);
  const line: ChartSeries = { label, axis, color, values: compact(s.mean) };
  if (!spec.band) return line;
  // A t interval can reach past what the metric can be (an SL above 100%, a negative count): the band
  // is cut to the metric's range so the chart does not show impossible values.
  const top = spec.unit === 'share' ? 1 : Number.POSITIVE_INFINITY;
  const clip = (values: readonly (number | null)[]) =>
    values.map((v) => (v === null ? null : Math.min(top, Math.max(0, v))));
  return { ...line, band: { lo: compact(clip(s.lo)), hi: compact(clip(s.hi)) } };
}

function constant(run: LoadedRun, value: number, label: string, axis = 0): ChartSeries {
  return { label, axis, color: BLACK, dash: true, values: run.intervals.date.map(() => value) };
}

function offeredVsCapacity(run: LoadedRun) {
  const aht = estimateHandleTimeS(run);
  const intervalS = run.info.intervalMinutes * 60;
  const series: ChartSeries[] = [
    withBand(run, 'offered', 'offered', BLUE),
    {
      label: 'answered',
      axis: 0,
      color: GREEN,
      values: compact(intervalSeries(run, 'answered', 'phone').mean),
    },
  ];
  if (aht !== null) {
    const agents = intervalSeries(run, 'agentsOnDuty', 'phone').mean;
    const capacity = agents.map((a) => (a === null ? null : (a * intervalS) / aht));
    series.push({ label: 'capacity', axis: 0, color: VERMILLION, dash: true, values: compact(capacity) });
  }
  return {
    id: 'offered',
    title: 'Offered contacts and capacity per interval',
    note:
      aht === null
        ? 'Capacity is not shown: this run does not carry occupancy to estimate the handle time from.'
        : `Capacity = agents on duty × ${run.info.intervalMinutes} min / AHT, with AHT ≈ ${formatValue(aht, 'seconds')} ` +
          '(busy agent time / answered, from this run): the contacts the agents on duty could handle ' +
          'at 100% occupancy. Offered above capacity means a queue builds.',
    axes: [{ label: 'contacts per interval', unit: 'count' as const, side: 'left' as const }],
    series,
  };
}

/** What the shaded band means: a CI over replications (sim) or a Wilson interval (k6 measures once). */
function bandNote(run: LoadedRun): string {
  return run.info.kind === 'k6'
    ? 'Band: 95% Wilson interval of the measured proportion (none for times: one measurement).'
    : 'Band: 95% CI over replications.';
}

function serviceLevel(run: LoadedRun) {
  const variant = slVariant(run, 'phone') as PhoneMetric;
  const { goal, thresholdS } = run.summary.targets.phone!;
  return {
    id: 'sl',
    title: `Service level (${variant}) against its target`,
    note: `${variant}: answered within ${thresholdS} s; target ${formatValue(goal, 'share')}. ${bandNote(run)}`,
    axes: [{ label: variant, unit: 'share' as const, side: 'left' as const }],
    series: [
      withBand(run, variant, variant, BLUE),
      constant(run, goal, `target ${formatValue(goal, 'share')}`),
    ],
  };
}

function withTarget(run: LoadedRun, metric: PhoneMetric, target: number | null, title: string) {
  const unit = metricUnit(metric, 'phone');
  const series = [
    withBand(run, metric, metricLabel(metric, 'phone'), metric === 'asaS' ? ORANGE : VERMILLION),
  ];
  if (target !== null) series.push(constant(run, target, `limit ${formatValue(target, unit)}`));
  return {
    id: metric,
    title: `${title[0]!.toUpperCase()}${title.slice(1)} per interval`,
    note: bandNote(run),
    axes: [{ label: metricLabel(metric, 'phone'), unit, side: 'left' as const }],
    series,
  };
}

function queueLength(run: LoadedRun) {
  return {
    id: 'queue',
    title: 'Queue length per interval',
    note: 'Mean: time-average number waiting. Max: the longest queue in the interval (mean over replications).',
    axes: [{ label: 'contacts waiting', unit: 'count' as const, side: 'left' as const }],
    series: [
      withBand(run, 'meanQueueLength', 'mean queue', BLUE),
      {
        label: 'max queue',
        axis: 0,
        color: PINK,
        values: compact(intervalSeries(run, 'maxQueueLength', 'phone').mean),
      },
    ],
  };
}

function occupancyAndAgents(run: LoadedRun) {
  return {
    id: 'occupancy',
    title: 'Occupancy and agents per interval',
    note: 'Occupancy: busy agent time / on-duty agent time (left). Agents: mean number on duty and scheduled (right).',
    axes: [
      { label: 'occupancy', unit: 'share' as const, side: 'left' as const },
      { label: 'agents', unit: 'agents' as const, side: 'right' as const },
    ],
    series: [
      withBand(run, 'occupancy', 'occupancy', BLUE),
      {
        label: 'agents on duty',
        axis: 1,
        color: VERMILLION,
        values: compact(intervalSeries(run, 'agentsOnDuty', 'phone').mean),
      },
      {
        label: 'agents scheduled',
        axis: 1,
        color: BLACK,
        dash: true,
        values: compact(intervalSeries(run, 'agentsScheduled', 'phone').mean),
      },
    ],
  };
}

// Whole-run curve is black; days take the other palette colours.
const DAY_COLORS = PALETTE.filter((c) => c !== BLACK);

function waitDistribution(run: LoadedRun): ChartSpec {
  const curve = (label: string, summary: Parameters<typeof metricOf>[0], color: string, dash = false) => ({
    label,
    axis: 0,
    color,
    dash,
    values: compact(WAIT_PERCENTILES.map(([, metric]) => metricOf(summary, metric).mean)),
  });
  const days = (run.summary.days.phone ?? []).map((day, d) =>
    curve(`${day.weekday} ${day.date}`, day, DAY_COLORS[d % DAY_COLORS.length]!, true),
  );
  return {
    id: 'wait',
    title: 'Wait distribution (percentiles of wait, per day and whole run)',
    note:
      'How long the p-th percentile of callers waited before an answer; mean over replications. ' +
      'The x axis stretches the tail (p90 to p99), where waiting hurts.',
    xKind: 'number',
    xLabel: 'percentile of callers',
    x: WAIT_PERCENTILES.map(([p]) => tailPosition(p)),
    xTickLabels: WAIT_PERCENTILES.map(([p]) => `p${p}`),
    axes: [{ label: 'wait', unit: 'seconds', side: 'left' }],
    series: [curve(runLabel(run), run.summary.channels.phone, BLACK), ...days],
  };
}
