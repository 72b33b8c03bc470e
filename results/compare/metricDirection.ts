import type { PhoneMetric } from '../../sim/metrics/PhoneMetrics.js';

/** Which way is better for a metric; 'neutral' where more is neither good nor bad (demand, staff). */
export type Direction = 'higher' | 'lower' | 'neutral';

const HIGHER_IS_BETTER = new Set<PhoneMetric>([
  'slOffered',
  'slAnswered',
  'slExcludingShortAbandons',
  'answered',
  'selfServed',
]);
const LOWER_IS_BETTER = new Set<PhoneMetric>([
  'abandoned',
  'blocked',
  'abandonRate',
  'blockRate',
  'asaS',
  'waitP50S',
  'waitP80S',
  'waitP90S',
  'waitP95S',
  'waitP99S',
  'maxWaitS',
  'meanQueueLength',
  'maxQueueLength',
  'retrials',
  'inSystemAtEnd',
  'overtimeHours',
]);

export function metricDirection(metric: PhoneMetric): Direction {
  if (HIGHER_IS_BETTER.has(metric)) return 'higher';
  if (LOWER_IS_BETTER.has(metric)) return 'lower';
  return 'neutral';
}
