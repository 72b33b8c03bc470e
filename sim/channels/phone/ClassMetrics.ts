import { serviceLevel } from '../../metrics/serviceLevel.js';
import type { ClassField } from './PhoneCounters.js';
import type { PhoneMetricName } from './phoneMetricSpecs.js';

/** Whole-run service of one priority class in one replication (a subset of the phone metrics); null where undefined. */
export const CLASS_METRICS = [
  'offered',
  'answered',
  'abandoned',
  'slOffered',
  'slAnswered',
  'slExcludingShortAbandons',
  'asaS',
  'abandonRate',
] as const satisfies readonly PhoneMetricName[];
export type ClassMetric = (typeof CLASS_METRICS)[number];
export type ClassMetrics = Record<ClassMetric, number | null>;

const ratio = (a: number, b: number): number | null => (b > 0 ? a / b : null);

export function deriveClassMetrics(row: Record<ClassField, number>): ClassMetrics {
  const handled = row.answered + row.abandoned;
  return {
    offered: row.offered,
    answered: row.answered,
    abandoned: row.abandoned,
    slOffered: serviceLevel('offered', row),
    slAnswered: serviceLevel('answered', row),
    slExcludingShortAbandons: serviceLevel('excludingShortAbandons', row),
    asaS: ratio(row.waitSumAnsweredS, row.answered),
    abandonRate: ratio(row.abandoned, handled),
  };
}
