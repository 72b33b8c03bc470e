import type { PhoneMetric } from '../../sim/channels/phone/PhoneMetrics.js';
import { channelMetrics } from '../../sim/metrics/metricRegistry.js';
import type { LoadedRun } from '../loadRun.js';
import { escapeHtml } from '../report/escapeHtml.js';
import { formatHalfWidth, formatValue, metricLabel, metricUnit } from '../report/formatMetric.js';
import { metricOf, runLabel, slVariant } from '../runMetrics.js';
import type { ChannelSummaryData, DaySummaryData } from '../runSchema.js';

/**
 * The columns of the per-day / whole-run table: the registry's 'table' view in file order, with the
 * scenario's service-level variant (and no other) before the first non-count column.
 */
function tableMetrics(run: LoadedRun): PhoneMetric[] {
  const specs = channelMetrics('phone').filter((s) => s.views.includes('table') && s.serviceLevel === null);
  const names = specs.map((s) => s.name);
  const at = specs.findIndex((s) => s.unit !== 'count');
  names.splice(at < 0 ? names.length : at, 0, slVariant(run, 'phone') as PhoneMetric);
  return names;
}

/** "mean ±half" with the CI in a quieter span; "n/a" for undefined metrics. */
export function cellWithCi(summary: ChannelSummaryData | DaySummaryData, metric: PhoneMetric): string {
  const { mean, ci95 } = metricOf(summary, metric);
  const unit = metricUnit(metric, 'phone');
  const half = mean === null ? '' : formatHalfWidth(ci95, unit);
  return `${escapeHtml(formatValue(mean, unit))}${half ? `<span class="ci">${escapeHtml(half)}</span>` : ''}`;
}

/** Per day and whole run, every value with its 95% CI half-width. */
export function phoneSummaryTable(run: LoadedRun): string {
  const phone = run.summary.channels.phone;
  if (phone === undefined) return '';
  const metrics = tableMetrics(run);
  const head = [
    '<th class="text">day</th>',
    ...metrics.map((m) => `<th>${escapeHtml(metricLabel(m, 'phone'))}</th>`),
  ];
  const row = (label: string, summary: ChannelSummaryData | DaySummaryData, strong = false) => {
    const cells = metrics.map((m) => `<td>${cellWithCi(summary, m)}</td>`).join('');
    const name = strong ? `<b>${escapeHtml(label)}</b>` : escapeHtml(label);
    return `<tr><td class="text">${name}</td>${cells}</tr>`;
  };
  const rows = (run.summary.days.phone ?? []).map((day) => row(`${day.weekday} ${day.date}`, day));
  rows.push(row(runLabel(run), phone, true));
  return `<div class="scroll"><table>\n<thead><tr>${head.join('')}</tr></thead>\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table></div>`;
}
