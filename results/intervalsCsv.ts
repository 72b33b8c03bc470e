import type { ScenarioModel } from '../scenarios/ScenarioModel.js';
import { type ChannelMap, channelEntries } from '../sim/channels/index.js';
import { metricNames } from '../sim/metrics/metricRegistry.js';
import type { MetricSummaries } from '../sim/replications/summarizeReplications.js';

/**
 * intervals.csv (format 2): one row per interval with interval, date and start, then for every
 * channel the run has and every registry metric `<channel>.<metric>`, `_lo` and `_hi` (mean and 95%
 * CI bounds); empty cells where undefined.
 */
export function intervalsCsv(
  scenario: ScenarioModel,
  channels: ChannelMap<readonly Partial<MetricSummaries>[]>,
): string {
  const { intervalsPerDay, intervalS, dates } = scenario.calendar;
  const entries = channelEntries(channels);
  const header = ['interval', 'date', 'start'];
  for (const [channel] of entries) {
    for (const metric of metricNames(channel)) {
      header.push(`${channel}.${metric}`, `${channel}.${metric}_lo`, `${channel}.${metric}_hi`);
    }
  }
  const lines = [header.join(',')];
  const intervals = entries[0]?.[1].length ?? 0;
  for (let i = 0; i < intervals; i++) {
    const slot = i % intervalsPerDay;
    const minutes = (slot * intervalS) / 60;
    const start = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
    const cells = [String(i), dates[Math.floor(i / intervalsPerDay)]!, start];
    for (const [channel, rows] of entries) {
      const summary = rows[i]!;
      for (const metric of metricNames(channel)) {
        const value = summary[metric];
        cells.push(cell(value?.mean ?? null), cell(value?.ci95?.[0] ?? null), cell(value?.ci95?.[1] ?? null));
      }
    }
    lines.push(cells.join(','));
  }
  return `${lines.join('\n')}\n`;
}

function cell(value: number | null): string {
  return value === null ? '' : String(Number(value.toPrecision(7)));
}
