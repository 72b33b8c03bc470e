import type { ClassField } from './PhoneCounters.js';

/** Whole-run service of one priority class in one replication; null where undefined. */
export const CLASS_METRICS = [
  'offered',
  'answered',
  'abandoned',
  'slOffered',
  'slAnswered',
  'slExcludingShortAbandons',
  'asaS',
  'abandonRate',
] as const;
export type ClassMetric = (typeof CLASS_METRICS)[number];
export type ClassMetrics = Record<ClassMetric, number | null>;

const ratio = (a: number, b: number): number | null => (b > 0 ? a / b : null);

export function deriveClassMetrics(row: Record<ClassField, number>): ClassMetrics {
  const handled = row.answered + row.abandoned;
  return {
    offered: row.offered,
    answered: row.answered,
    abandoned: row.abandoned,
    slOffered: ratio(row.answeredWithinT, handled),
    slAnswered: ratio(row.answeredWithinT, row.answered),
    slExcludingShortAbandons: ratio(row.answeredWithinT, row.answered + row.abandonedAfterT),
    asaS: ratio(row.waitSumAnsweredS, row.answered),
    abandonRate: ratio(row.abandoned, handled),
  };
}
