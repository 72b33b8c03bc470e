import { metricSpec } from '../../sim/metrics/metricRegistry.js';
import { intervalSeries, type MetricValue } from '../runMetrics.js';
import { batchAggregate, batchEstimate } from './batchMeansDifference.js';
import { type Comparison, columnsOf, figuresOf } from './compareRuns.js';
import { standardError } from './differenceCi.js';
import { pairedRatioInterval, type RatioSide, ratioInterval } from './ratioInterval.js';
import { replicationSd } from './spreadDifference.js';

/**
 * The 95% interval of B/A − 1 for a relative `--fail-on` rule, with the baseline's own uncertainty
 * (ratioInterval), each side's error taken as the comparison's method takes it: the pairs of
 * replications (paired), each run's CI (welch), each run's measured intervals (batch-means), or the
 * prediction's spread (prediction-vs-measurement: the prediction's mean has error s/√n, the one
 * measured path s, both estimated from the prediction's n − 1 degrees of freedom).
 * Null when the change cannot be estimated (one replication, a baseline of 0...).
 */
export function relativeChangeInterval(
  comparison: Comparison,
  channel: string,
  metric: string,
): [number, number] | null {
  const { a, b, method } = comparison;
  const va = figuresOf(a, channel)[metric];
  const vb = figuresOf(b, channel)[metric];
  if (!va || !vb || va.mean === null || vb.mean === null) return null;
  switch (method) {
    case 'paired':
      return pairedRatioInterval(columnsOf(a, channel)[metric] ?? [], columnsOf(b, channel)[metric] ?? []);
    case 'welch':
      return ratioOf(welchSide(va), welchSide(vb));
    case 'batch-means': {
      const aggregate = batchAggregate(metricSpec(channel, metric));
      if (aggregate === null) return null;
      const side = (value: number, run: typeof a) => {
        const e = batchEstimate(intervalSeries(run, metric, channel).mean, aggregate);
        return e && { mean: value, ...e };
      };
      return ratioOf(side(va.mean, a), side(vb.mean, b));
    }
    case 'spread-of-prediction': {
      const p = comparison.spread ? figuresOf(comparison.spread, channel)[metric] : undefined;
      const s = p ? replicationSd(p) : null;
      if (!p || s === null) return null;
      return ratioInterval({ mean: va.mean, se: s, n: p.n }, { mean: vb.mean, se: s, n: p.n }, p.n - 1);
    }
    case 'prediction-vs-measurement': {
      const predictionIsA = a.info.kind === 'sim';
      const prediction = predictionIsA ? va : vb;
      const s = replicationSd(prediction);
      if (s === null) return null;
      const n = prediction.n;
      // The prediction's mean has error s/√n; the one measured path s.
      const predicted = { mean: prediction.mean!, se: s / Math.sqrt(n), n };
      const measured = { mean: (predictionIsA ? vb : va).mean!, se: s, n };
      return predictionIsA
        ? ratioInterval(predicted, measured, n - 1)
        : ratioInterval(measured, predicted, n - 1);
    }
  }
}

function welchSide(m: MetricValue): RatioSide | null {
  const se = standardError(m);
  return se === null || m.mean === null ? null : { mean: m.mean, se, n: m.n };
}

function ratioOf(a: RatioSide | null, b: RatioSide | null): [number, number] | null {
  return a && b ? ratioInterval(a, b) : null;
}
