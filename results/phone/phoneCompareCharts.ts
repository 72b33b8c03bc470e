import type { PhoneMetric } from '../../sim/channels/phone/PhoneMetrics.js';
import { metricSpec } from '../../sim/metrics/metricRegistry.js';
import { type AlignedAxis, alignRuns, onAxis } from '../compare/alignRuns.js';
import { runLetter } from '../compare/compareRow.js';
import type { LoadedRun } from '../loadRun.js';
import { type ChartSeries, type ChartSpec, compact, PALETTE } from '../report/chartSpec.js';
import { metricLabel, metricUnit } from '../report/formatMetric.js';
import { intervalSeries, metricOf, slVariant } from '../runMetrics.js';
import { tailPosition, WAIT_PERCENTILES } from './waitPercentiles.js';

/** Overlaid per-interval phone charts, one series per run (A = baseline), plus the wait percentiles. */
export function phoneCompareCharts(
  runs: readonly LoadedRun[],
  axis: AlignedAxis = alignRuns(runs),
): ChartSpec[] {
  const metrics: PhoneMetric[] = [
    slVariant(runs[0]!, 'phone') as PhoneMetric,
    'offered',
    'abandonRate',
    'asaS',
    'meanQueueLength',
    'occupancy',
    'agentsOnDuty',
  ];
  return [...metrics.map((metric) => overlay(runs, axis, metric)), waitCurves(runs)];
}

function runName(run: LoadedRun, index: number): string {
  return `${runLetter(index)} ${run.info.id}`;
}

function overlay(runs: readonly LoadedRun[], axis: AlignedAxis, metric: PhoneMetric): ChartSpec {
  const { band } = metricSpec('phone', metric);
  const series = runs.map((run, r): ChartSeries => {
    const s = intervalSeries(run, metric, 'phone');
    const line: ChartSeries = {
      label: runName(run, r),
      axis: 0,
      color: PALETTE[r % PALETTE.length]!,
      dash: run.info.kind === 'k6',
      values: compact(onAxis(axis, r, s.mean)),
    };
    if (band) {
      line.band = { lo: compact(onAxis(axis, r, s.lo)), hi: compact(onAxis(axis, r, s.hi)) };
    }
    return line;
  });
  return {
    id: `cmp-${metric}`,
    title: `${capitalize(metricLabel(metric, 'phone'))} per interval`,
    note: `Runs placed on A's calendar at the dates and times they cover.${band ? ' Bands: 95% CI.' : ''}`,
    xKind: 'time',
    xLabel: "interval start (A's calendar)",
    x: axis.x,
    ...(axis.focus ? { focus: axis.focus } : {}),
    axes: [{ label: metricLabel(metric, 'phone'), unit: metricUnit(metric, 'phone'), side: 'left' }],
    series,
  };
}

function waitCurves(runs: readonly LoadedRun[]): ChartSpec {
  return {
    id: 'cmp-wait',
    title: 'Wait distribution, whole run',
    note: 'Percentiles of wait before answer; the x axis stretches the tail.',
    xKind: 'number',
    xLabel: 'percentile of callers',
    x: WAIT_PERCENTILES.map(([p]) => tailPosition(p)),
    xTickLabels: WAIT_PERCENTILES.map(([p]) => `p${p}`),
    axes: [{ label: 'wait', unit: 'seconds', side: 'left' }],
    series: runs.map((run, r) => ({
      label: runName(run, r),
      axis: 0,
      color: PALETTE[r % PALETTE.length]!,
      dash: run.info.kind === 'k6',
      values: compact(WAIT_PERCENTILES.map(([, m]) => metricOf(run.summary.channels.phone, m).mean)),
    })),
  };
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
