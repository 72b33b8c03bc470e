import type { ScenarioModel } from '../scenarios/ScenarioModel.js';
import { metricNames } from '../sim/metrics/metricRegistry.js';
import type { PhoneSummary } from '../sim/replications/summarizeReplications.js';

/** One row per interval: mean and 95% CI bounds of every metric; empty cells where undefined. */
export function intervalsCsv(scenario: ScenarioModel, intervals: readonly PhoneSummary[]): string {
  const { intervalsPerDay, intervalS, dates } = scenario.calendar;
  const metrics = metricNames('phone');
  const header = ['channel', 'interval', 'date', 'start'];
  for (const metric of metrics) header.push(metric, `${metric}_lo`, `${metric}_hi`);
  const lines = [header.join(',')];
  intervals.forEach((summary, i) => {
    const slot = i % intervalsPerDay;
    const minutes = (slot * intervalS) / 60;
    const start = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
    const cells = ['phone', String(i), dates[Math.floor(i / intervalsPerDay)]!, start];
    for (const metric of metrics) {
      const { mean, ci95 } = summary[metric];
      cells.push(cell(mean), cell(ci95?.[0] ?? null), cell(ci95?.[1] ?? null));
    }
    lines.push(cells.join(','));
  });
  return `${lines.join('\n')}\n`;
}

function cell(value: number | null): string {
  return value === null ? '' : String(Number(value.toPrecision(7)));
}
