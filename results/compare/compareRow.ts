import { formatDifference, formatValue, metricLabel, metricUnit } from '../report/formatMetric.js';
import type { MetricComparison } from './compareRuns.js';

/** One comparison row as display text, shared by the terminal table and the HTML page. */
export interface CompareRowText {
  metric: string;
  a: string;
  b: string;
  difference: string;
  ci: string;
  verdict: string;
  inside: string;
  /** The measured (k6) side's own 95% interval: Wilson for proportions, with calls as independent trials. */
  measuredOwn: string;
}

export function compareRowText(row: MetricComparison, measuredIs: 'A' | 'B' = 'B'): CompareRowText {
  const unit = metricUnit(row.metric, row.channel);
  const { value, ci95 } = row.difference;
  const label = metricLabel(row.metric, row.channel);
  return {
    metric: row.channel === 'phone' ? label : `${row.channel}: ${label}`,
    a: formatValue(row.a.mean, unit),
    b: formatValue(row.b.mean, unit),
    difference: formatDifference(value, unit),
    ci: ci95 ? `[${formatDifference(ci95[0], unit)}, ${formatDifference(ci95[1], unit)}]` : 'n/a',
    verdict: row.verdict,
    inside: row.insidePrediction === null ? 'n/a' : row.insidePrediction ? 'yes' : 'no',
    measuredOwn: intervalText((measuredIs === 'A' ? row.a : row.b).ci95, unit),
  };
}

function intervalText(ci: [number, number] | null, unit: ReturnType<typeof metricUnit>): string {
  return ci ? `[${formatValue(ci[0], unit)}, ${formatValue(ci[1], unit)}]` : 'n/a';
}

/** Letters name runs in tables and legends: A is the baseline. */
export function runLetter(index: number): string {
  return String.fromCharCode(65 + (index % 26)) + (index >= 26 ? String(Math.floor(index / 26)) : '');
}
