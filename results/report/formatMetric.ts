import type { MetricUnit } from '../../sim/metrics/MetricSpec.js';
import { metricSpec } from '../../sim/metrics/metricRegistry.js';

export type { MetricUnit };

/** How a metric reads (its registry unit); the channel defaults to phone, the one channel of v1 runs. */
export function metricUnit(metric: string, channel: string): MetricUnit {
  return metricSpec(channel, metric).unit;
}

/** A metric label that names its variant, as the design asks ("SL (slOffered)", never just "SL"). */
export function metricLabel(metric: string, channel: string): string {
  return metricSpec(channel, metric).label;
}

/** A value for people; null (undefined metric) reads "n/a", never NaN. */
export function formatValue(value: number | null | undefined, unit: MetricUnit): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return 'n/a';
  switch (unit) {
    case 'share':
      return `${(value * 100).toFixed(1)}%`;
    case 'seconds':
      return `${value.toFixed(1)} s`;
    case 'agents':
    case 'hours':
      return Math.abs(value) >= 1000 ? Math.round(value).toLocaleString('en-US') : value.toFixed(1);
    case 'count':
      return Math.abs(value) >= 100 ? Math.round(value).toLocaleString('en-US') : value.toFixed(1);
  }
}

/** A difference: signed, in percentage points for shares. */
export function formatDifference(value: number | null | undefined, unit: MetricUnit): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return 'n/a';
  const sign = value > 0 ? '+' : value < 0 ? '-' : '±';
  const abs = Math.abs(value);
  if (unit === 'share') return `${sign}${(abs * 100).toFixed(1)} pp`;
  return `${sign}${formatValue(abs, unit)}`;
}

/** Half-width of a CI as "±x", in the metric's unit; "" when there is no interval. */
export function formatHalfWidth(ci: readonly [number, number] | null | undefined, unit: MetricUnit): string {
  if (!ci) return '';
  const half = (ci[1] - ci[0]) / 2;
  return unit === 'share' ? `±${(half * 100).toFixed(1)}` : `±${formatValue(half, unit).replace(/ s$/, '')}`;
}
