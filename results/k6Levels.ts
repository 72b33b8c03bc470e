import type { ScenarioModel } from '../scenarios/ScenarioModel.js';
import { metricNames } from '../sim/metrics/metricRegistry.js';
import type { K6ChannelLevels, K6ChannelResults } from './K6ChannelResults.js';
import { NO_FIGURE } from './k6Figures.js';
import type { K6Measurement } from './k6Points.js';

/**
 * A channel's measured run, days and intervals over the scenario calendar, like the simulator's
 * summary; null when the scenario lacks the channel. Intervals and days outside the replayed window
 * (`windowIntervals`, its measured intervals) are empty, not zero.
 */
export function k6Levels(
  results: K6ChannelResults,
  scenario: ScenarioModel,
  measurement: K6Measurement,
  windowIntervals: readonly number[],
): K6ChannelLevels | null {
  const thresholdS = results.thresholdS(scenario);
  if (thresholdS === null) return null;
  const { intervalsPerDay, days } = scenario.calendar;
  const inWindow = new Set(windowIntervals);
  const empty = Object.fromEntries(metricNames(results.channel).map((m) => [m, NO_FIGURE]));
  const measure = (keep: (interval: number) => boolean) => results.measure(measurement, thresholdS, keep);
  const intervals = Array.from({ length: intervalsPerDay * days }, (_, i) =>
    inWindow.has(i) ? measure((k) => k === i) : empty,
  );
  const dayList = Array.from({ length: days }, (_, d) =>
    windowIntervals.some((i) => Math.floor(i / intervalsPerDay) === d)
      ? measure((k) => Math.floor(k / intervalsPerDay) === d)
      : empty,
  );
  return { run: measure(() => true), days: dayList, intervals };
}
