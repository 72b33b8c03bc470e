import { CHANNEL_NAMES } from '../../sim/channels/index.js';
import { channelMetrics, metricSpec } from '../../sim/metrics/metricRegistry.js';
import type { LoadedRun } from '../loadRun.js';
import { intervalSeries, type MetricValue, slVariant } from '../runMetrics.js';
import { batchAggregate, batchMeansDifference } from './batchMeansDifference.js';
import { type Difference, pairedDifference, welchDifference } from './differenceCi.js';
import { latencyWarnings } from './latencyWarnings.js';
import { type PairingMethod, pairingMethod } from './pairingMethod.js';
import { insidePredictionInterval, predictionDifference } from './predictionDifference.js';
import { spreadDifference } from './spreadDifference.js';
import { type Verdict, verdictOf } from './verdict.js';

export interface MetricComparison {
  /** The channel the metric belongs to (phone, chat). */
  channel: string;
  metric: string;
  a: MetricValue;
  b: MetricValue;
  difference: Difference;
  verdict: Verdict;
  /**
   * Sim vs k6 only: whether the measurement lies inside the 95% prediction interval of one
   * replication (a k6 run is one sample path, not a mean); null if unknown.
   */
  insidePrediction: boolean | null;
}

/** Run B against run A (the baseline): every compared metric, B − A. */
export interface Comparison {
  a: LoadedRun;
  b: LoadedRun;
  method: PairingMethod;
  /** The prediction whose one-replication spread judges two measurements (--spread-from); else null. */
  spread: LoadedRun | null;
  rows: MetricComparison[];
  /** Reasons the run-level figures may not be comparable (e.g. different windows). */
  warnings: string[];
}

/** A channel's compared metrics: its SL variant (the target's, else its default) first, then its 'compare' view. */
function channelComparedMetrics(run: LoadedRun, channel: string): string[] {
  const sl = slVariant(run, channel);
  const rest = channelMetrics(channel)
    .filter((spec) => spec.views.includes('compare') && spec.name !== sl)
    .map((spec) => spec.name);
  return [sl, ...rest];
}

/** Channels both runs carry, in the order of the channel list. */
function sharedChannels(a: LoadedRun, b: LoadedRun): string[] {
  const has = (run: LoadedRun, channel: string) => channel in (run.summary.channels as object);
  return CHANNEL_NAMES.filter((channel) => has(a, channel) && has(b, channel));
}

export function compareRuns(a: LoadedRun, b: LoadedRun, spread: LoadedRun | null = null): Comparison {
  const method = pairingMethod(a, b, spread);
  const rows: MetricComparison[] = [];
  for (const channel of sharedChannels(a, b)) {
    for (const metric of channelComparedMetrics(a, channel))
      rows.push(compareMetric(a, b, channel, metric, method, spread));
  }
  const warnings = [
    ...windowWarnings(a, b),
    ...(method === 'batch-means' ? fewBatchesWarnings(a, b) : []),
    ...(method === 'spread-of-prediction' && spread ? spreadWindowWarnings(b, spread) : []),
    ...latencyWarnings(a),
    ...latencyWarnings(b),
  ];
  return { a, b, method, spread: method === 'spread-of-prediction' ? spread : null, rows, warnings };
}

type Figures = Partial<Record<string, MetricValue>>;
type Columns = Partial<Record<string, number[]>>;

export function figuresOf(run: LoadedRun, channel: string): Figures {
  return ((run.summary.channels as Record<string, Figures | undefined>)[channel] ?? {}) as Figures;
}

export function columnsOf(run: LoadedRun, channel: string): Columns {
  const channels = run.replications?.channels as Record<string, { run: Columns } | undefined> | undefined;
  return channels?.[channel]?.run ?? {};
}

const describeWindow = (run: LoadedRun) => {
  const w = run.summary.window;
  return w ? `day ${w.day} ${w.from}-${w.to}` : 'the whole horizon';
};

// One replication's spread over a whole day is not that of an hour's window: a --spread-from run of
// another window judges the measurements by the wrong yardstick.
function spreadWindowWarnings(b: LoadedRun, spread: LoadedRun): string[] {
  if (describeWindow(spread) === describeWindow(b)) return [];
  const w = b.summary.window;
  const hint = w ? ` (hotline sim --day ${w.day} --from ${w.from} --to ${w.to})` : '';
  return [
    `--spread-from ${spread.info.id} covers ${describeWindow(spread)}, the measurements ${describeWindow(b)}: ` +
      `its spread is not theirs; simulate the same window${hint}`,
  ];
}

function windowWarnings(a: LoadedRun, b: LoadedRun): string[] {
  const describe = describeWindow;
  if (describe(a) === describe(b)) return [];
  const w = b.summary.window ?? a.summary.window;
  const hint = w ? ` (hotline sim --day ${w.day} --from ${w.from} --to ${w.to})` : '';
  return [
    `A covers ${describe(a)}, B covers ${describe(b)}: their run-level figures are not comparable; ` +
      `simulate the same window${hint}`,
  ];
}

/** Below this many measured intervals a side's batch-means spread rests on too few observations. */
const FEW_BATCHES = 8;

// Batch means over a one-hour window of 30-minute intervals has 2 observations a side: the t quantile
// alone is 4.3 (1 degree of freedom each), so the interval is honest but too wide to judge anything.
function fewBatchesWarnings(a: LoadedRun, b: LoadedRun): string[] {
  const channel = sharedChannels(a, b)[0];
  if (channel === undefined) return [];
  const batches = (run: LoadedRun) =>
    intervalSeries(run, 'offered', channel).mean.filter((x) => x !== null).length;
  const fewest = Math.min(batches(a), batches(b));
  if (fewest >= FEW_BATCHES) return [];
  return [
    `only ${fewest} measured interval${fewest === 1 ? '' : 's'} in a run: the batch-means intervals rest on ` +
      `${fewest} observation${fewest === 1 ? '' : 's'} and are wide; replay a longer window (at least ${FEW_BATCHES} intervals) ` +
      'or compare each measurement with a prediction (hotline sim of the same window)',
  ];
}

export function compareMetric(
  a: LoadedRun,
  b: LoadedRun,
  channel: string,
  metric: string,
  method: PairingMethod,
  spread: LoadedRun | null = null,
): MetricComparison {
  const undefinedMetric: MetricValue = { mean: null, ci95: null, n: 0 };
  const va = figuresOf(a, channel)[metric] ?? undefinedMetric;
  const vb = figuresOf(b, channel)[metric] ?? undefinedMetric;
  // The sim run is the prediction, whichever side of the comparison it is on.
  const predictionIs = a.info.kind === 'sim' ? 'A' : 'B';
  const [prediction, measured] = predictionIs === 'A' ? [va, vb] : [vb, va];
  const difference =
    method === 'paired'
      ? pairedDifference(columnsOf(a, channel)[metric] ?? [], columnsOf(b, channel)[metric] ?? [])
      : method === 'prediction-vs-measurement'
        ? predictionDifference(prediction, measured, predictionIs)
        : method === 'spread-of-prediction' && spread
          ? spreadDifference(va, vb, figuresOf(spread, channel)[metric] ?? undefinedMetric)
          : method === 'batch-means'
            ? batchMeansDifference(
                { mean: va.mean, intervals: intervalSeries(a, metric, channel).mean },
                { mean: vb.mean, intervals: intervalSeries(b, metric, channel).mean },
                batchAggregate(metricSpec(channel, metric)),
              )
            : welchDifference(va, vb);
  return {
    channel,
    metric,
    a: va,
    b: vb,
    difference,
    verdict: verdictOf(difference, metricSpec(channel, metric).direction),
    insidePrediction:
      method === 'prediction-vs-measurement' ? insidePredictionInterval(prediction, measured) : null,
  };
}

/** Whether a measured value lies inside the 95% prediction interval of one replication. */
export function withinPredictionInterval(prediction: MetricValue, measured: number | null): boolean | null {
  return insidePredictionInterval(prediction, { mean: measured, ci95: null, n: 1 });
}
