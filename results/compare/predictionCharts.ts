import { channelDeclaration, metricSpec, serviceLevelVariant } from '../../sim/metrics/metricRegistry.js';
import type { LoadedRun } from '../loadRun.js';
import type { MetricSeries } from '../parseIntervalsCsv.js';
import { type ChartSeries, type ChartSpec, compact, PALETTE } from '../report/chartSpec.js';
import { metricLabel, metricUnit } from '../report/formatMetric.js';
import { type AlignedAxis, onAxis } from './alignRuns.js';
import { runLetter } from './compareRow.js';
import { binomialTail, predictionBand } from './predictionBand.js';

/** The signature chart of one metric: prediction, its bands, the measured points; and the tally. */
export interface PredictionChart {
  chart: ChartSpec;
  channel: string;
  metric: string;
  /** Intervals with both a band and a measurement, and how many fell outside the band. */
  judged: number;
  outside: number;
  /** One sentence: "k of n intervals outside, 5% expected by chance". */
  summary: string;
}

const [BLUE, VERMILLION, , , , , BLACK] = PALETTE as [string, ...string[]];

/**
 * For every pair of a prediction (sim) and a measurement (k6) among the runs, per channel both carry
 * and per metric the measurement can see (the channel's SL variant, then what its targets limit):
 * the prediction's mean with its 95% CI band, the wider 95% band of one replication, the measured
 * points on top, and a marker on each point outside that band.
 */
export function predictionCharts(runs: readonly LoadedRun[], axis: AlignedAxis): PredictionChart[] {
  const out: PredictionChart[] = [];
  const p = runs.findIndex((run) => run.info.kind === 'sim');
  if (p < 0) return out;
  runs.forEach((run, m) => {
    if (run.info.kind !== 'k6' || axis.placements[m]!.kind === 'outside') return;
    for (const channel of sharedChannels(runs[p]!, run)) {
      for (const metric of bandMetrics(runs[p]!, channel)) {
        const chart = predictionChart(runs, axis, p, m, channel, metric);
        if (chart) out.push(chart);
      }
    }
  });
  return out;
}

function sharedChannels(a: LoadedRun, b: LoadedRun): string[] {
  const of = (run: LoadedRun) => Object.keys(run.summary.channels as object);
  const both = of(a).filter((channel) => of(b).includes(channel));
  return [...both.filter((c) => c === 'phone'), ...both.filter((c) => c !== 'phone')];
}

function bandMetrics(run: LoadedRun, channel: string): string[] {
  const declaration = channelDeclaration(channel);
  const targets = (run.summary.targets as Record<string, { variant: string } | undefined>)[channel];
  const names = [
    serviceLevelVariant(channel, targets?.variant),
    declaration.targetMetrics.abandonRate,
    declaration.targetMetrics.asa,
  ];
  return names.filter((name, i) => names.indexOf(name) === i && metricSpec(channel, name).k6 !== null);
}

function seriesOf(run: LoadedRun, channel: string, metric: string): MetricSeries | null {
  const byChannel = (run.intervals.channels as Record<string, unknown>)[channel] as
    | Partial<Record<string, MetricSeries>>
    | undefined;
  return byChannel?.[metric] ?? null;
}

function predictionChart(
  runs: readonly LoadedRun[],
  axis: AlignedAxis,
  p: number,
  m: number,
  channel: string,
  metric: string,
): PredictionChart | null {
  const prediction = seriesOf(runs[p]!, channel, metric);
  const measuredSeries = seriesOf(runs[m]!, channel, metric);
  if (!prediction || !measuredSeries) return null;
  const on = (run: number, values: ReadonlyArray<number | null>) => onAxis(axis, run, values);
  const mean = on(p, prediction.mean);
  const measured = on(m, measuredSeries.mean);
  const band = predictionBand(
    { mean, lo: on(p, prediction.lo), hi: on(p, prediction.hi) },
    runs[p]!.info.replications,
    measured,
  );
  const spec = metricSpec(channel, metric);
  // Bands are drawn within what the metric can be (no SL above 100%, no negative wait).
  const top = spec.unit === 'share' ? 1 : Number.POSITIVE_INFINITY;
  const clip = (values: ReadonlyArray<number | null>) =>
    compact(values.map((v) => (v === null ? null : Math.min(top, Math.max(0, v)))));
  const [pl, ml] = [runLetter(p), runLetter(m)];
  const series: ChartSeries[] = [
    {
      label: `${pl} one replication, 95%`,
      axis: 0,
      color: BLUE,
      draw: 'band',
      bandLabel: 'prediction interval',
      values: compact(mean),
      band: { lo: clip(band.lo), hi: clip(band.hi) },
    },
    {
      label: `${pl} prediction mean`,
      axis: 0,
      color: BLUE,
      values: compact(mean),
      band: { lo: clip(on(p, prediction.lo)), hi: clip(on(p, prediction.hi)) },
    },
    {
      label: `${ml} outside the band`,
      axis: 0,
      color: BLACK,
      draw: 'points',
      pointSize: 16,
      values: compact(measured.map((v, i) => (band.outside[i] ? v : null))),
    },
    {
      label: `${ml} measured`,
      axis: 0,
      color: VERMILLION,
      draw: 'points',
      pointSize: 9,
      values: compact(measured),
    },
  ];
  const summary = tally(band.outsideCount, band.judged);
  const label = metricLabel(metric, channel);
  const prefix = channel === 'phone' ? '' : `${channel}: `;
  return {
    channel,
    metric,
    judged: band.judged,
    outside: band.outsideCount,
    summary,
    chart: {
      id: `pred-${channel}-${metric}-${ml}`,
      title: `${prefix}${label}: ${ml} measured against the prediction ${pl}`,
      note:
        `Dark band: 95% CI of the prediction's mean. Light band: where one replication lands 95% of the time ` +
        `(mean ± t·s·√(1 + 1/n), n = ${runs[p]!.info.replications}); a replay is one replication. ` +
        `Ringed points fall outside it. ${summary}.`,
      xKind: 'time',
      xLabel: "interval start (A's calendar)",
      x: axis.x,
      ...(axis.focus ? { focus: axis.focus } : {}),
      axes: [{ label, unit: metricUnit(metric, channel), side: 'left' }],
      series,
    },
  };
}

/** "1 of 2 intervals outside the band, 5% expected by chance (0.1); 1 or more by chance: 9.8%". */
export function tally(outside: number, judged: number): string {
  if (judged === 0) return 'No interval has both a band and a measurement';
  const expected = Number((judged * 0.05).toFixed(2));
  const chance = binomialTail(outside, judged, 0.05);
  const tail = outside === 0 ? '' : `; ${outside} or more by chance alone: ${(chance * 100).toPrecision(2)}%`;
  return `${outside} of ${judged} interval${judged === 1 ? '' : 's'} outside the band, 5% expected by chance (${expected})${tail}`;
}
