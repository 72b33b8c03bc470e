import type { PhoneMetric } from '../../sim/metrics/PhoneMetrics.js';

/** How a metric reads: shares as %, durations in seconds, the rest as plain numbers. */
export type MetricUnit = 'share' | 'seconds' | 'count' | 'agents' | 'hours';

export function metricUnit(metric: PhoneMetric): MetricUnit {
  if (/^sl|Rate$|^occupancy$/.test(metric)) return 'share';
  if (metric.endsWith('S')) return 'seconds';
  if (metric.startsWith('agents')) return 'agents';
  if (metric.endsWith('Hours')) return 'hours';
  return 'count';
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

/** A metric label that names its variant, as the design asks ("slOffered", never just "SL"). */
export const METRIC_LABELS: Partial<Record<PhoneMetric, string>> = {
  offered: 'offered',
  answered: 'answered',
  abandoned: 'abandoned',
  slOffered: 'SL (slOffered)',
  slAnswered: 'SL (slAnswered)',
  slExcludingShortAbandons: 'SL (slExcludingShortAbandons)',
  asaS: 'ASA',
  abandonRate: 'abandon rate',
  occupancy: 'occupancy',
  meanQueueLength: 'mean queue',
  maxQueueLength: 'max queue',
  agentsOnDuty: 'agents on duty',
  waitP50S: 'wait p50',
  waitP80S: 'wait p80',
  waitP90S: 'wait p90',
  waitP95S: 'wait p95',
  waitP99S: 'wait p99',
  maxWaitS: 'max wait',
  agentHours: 'agent hours',
  agentsScheduled: 'agents scheduled',
};

export function metricLabel(metric: PhoneMetric): string {
  return METRIC_LABELS[metric] ?? metric;
}
