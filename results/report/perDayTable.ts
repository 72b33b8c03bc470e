// A channel's per-day table on the report: one row per day and one for the whole run (or window),
// each metric's mean with its 95% CI half-width, labels and units from the metric registry.
import { metricSpec } from '../../sim/metrics/metricRegistry.js';
import { escapeHtml } from './escapeHtml.js';
import { formatHalfWidth, formatValue } from './formatMetric.js';

type Figures = Partial<Record<string, { mean: number | null; ci95: [number, number] | null }>>;

export interface PerDayFigures {
  readonly days: ReadonlyArray<Figures & { date: string; weekday: string }>;
  readonly run: Figures;
}

export function perDayTable(
  channel: string,
  metrics: readonly string[],
  figures: PerDayFigures,
  runLabel: string,
): string {
  const cell = (row: Figures, metric: string) => {
    const { unit } = metricSpec(channel, metric);
    const value = row[metric];
    const mean = value?.mean ?? null;
    const half = mean === null ? '' : formatHalfWidth(value?.ci95 ?? null, unit);
    return `<td>${escapeHtml(formatValue(mean, unit))}${half ? `<span class="ci">${escapeHtml(half)}</span>` : ''}</td>`;
  };
  const cells = (row: Figures) => metrics.map((m) => cell(row, m)).join('');
  const head = [
    '<th class="text">day</th>',
    ...metrics.map((m) => `<th>${escapeHtml(metricSpec(channel, m).label)}</th>`),
  ];
  const rows = figures.days.map(
    (day) => `<tr><td class="text">${escapeHtml(`${day.weekday} ${day.date}`)}</td>${cells(day)}</tr>`,
  );
  rows.push(`<tr><td class="text"><b>${escapeHtml(runLabel)}</b></td>${cells(figures.run)}</tr>`);
  return `<div class="scroll"><table>\n<thead><tr>${head.join('')}</tr></thead>\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table></div>`;
}
