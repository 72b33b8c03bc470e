import type { ScenarioModel } from '../scenarios/ScenarioModel.js';
import { metricNames } from '../sim/metrics/metricRegistry.js';
import type { PhoneSummary } from '../sim/replications/summarizeReplications.js';

/**
 * intervals.csv (format 2): one row per interval with interval, date and start, then for every
 * channel and registry metric `<channel>.<metric>`, `_lo` and `_hi` (mean and 95% CI bounds); empty
 * cells where undefined.
 */
export function intervalsCsv(
  scenario: ScenarioModel,
  intervals: readonly PhoneSummary[],
  /** Chat's metrics per interval (keyed by the registry's chat names), when the run has chat. */
  chat?: readonly Record<string, unknown>[],
): string {
  const { intervalsPerDay, intervalS, dates } = scenario.calendar;
  const channels: Record<string, readonly unknown[]> = { phone: intervals };
  if (chat !== undefined) channels.chat = chat;
  const header = ['interval', 'date', 'start'];
  for (const channel of Object.keys(channels)) {
    for (const metric of metricNames(channel)) {
      header.push(`${channel}.${metric}`, `${channel}.${metric}_lo`, `${channel}.${metric}_hi`);
    }
  }
  const lines = [header.join(',')];
  intervals.forEach((_, i) => {
    const slot = i % intervalsPerDay;
    const minutes = (slot * intervalS) / 60;
    const start = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
    const cells = [String(i), dates[Math.floor(i / intervalsPerDay)]!, start];
    for (const [channel, rows] of Object.entries(channels)) {
      const summary = rows[i] as Partial<
        Record<string, { mean: number | null; ci95: [number, number] | null }>
      >;
      for (const metric of metricNames(channel)) {
        const value = summary[metric];
        cells.push(cell(value?.mean ?? null), cell(value?.ci95?.[0] ?? null), cell(value?.ci95?.[1] ?? null));
      }
    }
    lines.push(cells.join(','));
  });
  return `${lines.join('\n')}\n`;
}

function cell(value: number | null): string {
  return value === null ? '' : String(Number(value.toPrecision(7)));
}
