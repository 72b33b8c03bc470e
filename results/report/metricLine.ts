// One metric's line on a chart, with its 95% CI band where the registry says it has one: what every
// channel's section draws. Shares are clipped to [0, 1] (a t-interval of a share can leave it).
import type { MetricSpec } from '../../sim/metrics/MetricSpec.js';
import type { MetricSeries } from '../parseIntervalsCsv.js';
import { type ChartSeries, type ChartSpec, compact } from './chartSpec.js';

export interface MetricLineOptions {
  axis?: number;
  /** Default: the metric's label. */
  label?: string;
  dash?: boolean;
  /** false: no band even where the metric has one. */
  band?: boolean;
}

export function metricLine(
  series: MetricSeries,
  spec: MetricSpec,
  color: string,
  options: MetricLineOptions = {},
): ChartSeries {
  const { axis = 0, label = spec.label, dash = false } = options;
  const line: ChartSeries = { label, axis, color, values: compact(series.mean), ...(dash ? { dash } : {}) };
  if (!spec.band || options.band === false) return line;
  const top = spec.unit === 'share' ? 1 : Number.POSITIVE_INFINITY;
  const clip = (values: readonly (number | null)[]) =>
    values.map((v) => (v === null ? null : Math.min(top, Math.max(0, v))));
  return { ...line, band: { lo: compact(clip(series.lo)), hi: compact(clip(series.hi)) } };
}

/** Charts over calendar time on the run's interval starts `x`. */
export function timeChart(x: number[]): (rest: Omit<ChartSpec, 'x' | 'xKind' | 'xLabel'>) => ChartSpec {
  return (rest) => ({ ...rest, xKind: 'time', xLabel: 'interval start', x });
}
