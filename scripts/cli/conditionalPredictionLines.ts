import { buildRunSummary } from '../../results/buildRunSummary.js';
import { predictionHalfWidth } from '../../results/compare/predictionDifference.js';
import { formatValue } from '../../results/report/formatMetric.js';
import type { RunSummary } from '../../results/runFormat.js';
import { metricOf } from '../../results/runMetrics.js';
import { loadScenarioFile } from '../../scenarios/loadScenario.js';
import { channelEntries, channelPlugin } from '../../sim/channels/index.js';
import { metricSpec, serviceLevelVariant } from '../../sim/metrics/metricRegistry.js';
import { simulateScenarioFile } from '../../sim/simulateScenario.js';

/** Branches of the mocks' replication: enough for a stable prediction interval, seconds to run. */
export const CONDITIONAL_BRANCHES = 30;

export interface ReplayWindow {
  seed: number | string;
  /** 1 = the calendar's first day. */
  day: number;
  from: string;
  to: string;
}

/**
 * The prediction a warm-started replay is judged against. The mocks continue replication 0 of the
 * seed, so the replay's window starts from that replication's queue, callers on hold, pending
 * retrials and day volume; branches of replication 0 from the window start share all that and draw
 * the window's arrivals and service afresh, as k6 does. Its 95% interval for ONE replay is the
 * range a healthy system under test lands in; the unconditional prediction (any morning) is wider
 * and centred elsewhere when the mocks' morning was an unusual one.
 */
export async function conditionalPredictionLines(
  file: string,
  window: ReplayWindow,
  measured: RunSummary,
): Promise<string[]> {
  const calendarDays = loadScenarioFile(file).calendar.days;
  // Days past the window's day change nothing in it; a window ending at midnight keeps one more day
  // so that calls still waiting then are followed as the mocks follow them.
  const days = Math.min(calendarDays, window.to === '24:00' ? window.day + 1 : window.day);
  const result = await simulateScenarioFile(file, {
    replications: CONDITIONAL_BRANCHES,
    seed: window.seed,
    days,
    window: { day: window.day, from: window.from, to: window.to },
    givenReplication: 0,
  });
  const predicted = buildRunSummary(result);
  const lines = [
    `  the prediction given the mocks' morning (${CONDITIONAL_BRANCHES} branches of replication 0 from ${window.from}; 95% range of one replay):`,
  ];
  for (const [channel, metrics] of channelEntries(predicted.channels)) {
    const names = [
      serviceLevelVariant(channel, predicted.targets[channel]?.variant),
      'abandonRate',
      channelPlugin(channel).meanWaitMetric,
    ].filter((m) => metrics[m] !== undefined);
    const parts = names.map((metric) => {
      const p = metricOf(metrics, metric);
      const m = metricOf(measured.channels[channel], metric);
      const half = predictionHalfWidth(p);
      const spec = metricSpec(channel, metric);
      const show = (v: number) => formatValue(v, spec.unit);
      if (p.mean === null || half === null) return `${spec.label} -`;
      const verdict =
        m.mean === null ? '' : Math.abs(m.mean - p.mean) <= half ? ' (replay inside)' : ' (replay OUTSIDE)';
      // Shares and waits cannot leave [0, 1] and [0, ∞): the normal interval is clipped there.
      const low = Math.max(0, p.mean - half);
      const high = spec.unit === 'share' ? Math.min(1, p.mean + half) : p.mean + half;
      return `${spec.label} ${show(p.mean)} [${show(low)} to ${show(high)}]${verdict}`;
    });
    lines.push(`  ${channelEntries(predicted.channels).length > 1 ? `${channel}: ` : ''}${parts.join('  ')}`);
  }
  return lines;
}
