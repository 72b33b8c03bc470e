import { buildRunSummary } from '../../results/buildRunSummary.js';
import { predictionHalfWidth } from '../../results/compare/predictionDifference.js';
import type { RunSummary } from '../../results/runFormat.js';
import { metricOf } from '../../results/runMetrics.js';
import { tryParseClock } from '../../scenarios/duration.js';
import { loadScenarioFile } from '../../scenarios/loadScenario.js';
import { channelEntries, channelPlugin } from '../../sim/channels/index.js';
import { channelMetrics, metricSpec, serviceLevelVariant } from '../../sim/metrics/metricRegistry.js';
import { simulateScenarioFile } from '../../sim/simulateScenario.js';

/** Branches of the mocks' replication: enough for a stable prediction interval, seconds to run. */
export const CONDITIONAL_BRANCHES = 30;

export interface ReplayWindow {
  seed: number | string;
  /** 1 = the calendar's first day. */
  day: number;
  from: string;
  to: string;
  /** Model seconds after the window's end the replay still measured (e-mails answered in its grace). */
  followedAfterS?: number;
}

/** One metric of the prediction given the mocks' morning, beside the replay's measurement. */
export interface ConditionalMetric {
  channel: string;
  metric: string;
  /** The branches' mean; null when no branch defines the metric. */
  mean: number | null;
  /** The 95% range of ONE replay (mean ± t·s·√(1 + 1/n)), clipped to what the metric can take. */
  oneReplay95: [number, number] | null;
  measured: number | null;
  /** Whether the replay lies inside that range; null when either is unknown. */
  inside: boolean | null;
}

/** What `hotline load` prints under the measurement and puts in `--json` (conditionalPrediction). */
export interface ConditionalPrediction {
  seed: number | string;
  givenReplication: 0;
  branches: number;
  window: { day: number; from: string; to: string };
  metrics: ConditionalMetric[];
}

/**
 * The prediction a warm-started replay is judged against. The mocks continue replication 0 of the
 * seed, so the replay's window starts from that replication's queue, callers on hold, pending
 * retrials and day volume; branches of replication 0 from the window start share all that and draw
 * the window's arrivals and service afresh, as k6 does. Its 95% interval for ONE replay is the
 * range a healthy system under test lands in; the unconditional prediction (any morning) is wider
 * and centred elsewhere when the mocks' morning was an unusual one.
 */
export async function conditionalPrediction(
  file: string,
  window: ReplayWindow,
  measured: RunSummary,
): Promise<ConditionalPrediction> {
  const calendarDays = loadScenarioFile(file).calendar.days;
  // Days past the window's day change nothing in it, but for what the replay measured after it (an
  // e-mail's answer in the grace); a window ending at midnight keeps one more day so that calls
  // still waiting then are followed as the mocks follow them.
  const windowEndS = (window.day - 1) * 86_400 + (tryParseClock(window.to) ?? 86_400);
  const followedEndS = windowEndS + (window.followedAfterS ?? 0);
  const lastDay = Math.max(
    window.to === '24:00' ? window.day + 1 : window.day,
    Math.ceil(followedEndS / 86_400),
  );
  const days = Math.min(calendarDays, lastDay);
  const result = await simulateScenarioFile(file, {
    replications: CONDITIONAL_BRANCHES,
    seed: window.seed,
    days,
    window: { day: window.day, from: window.from, to: window.to },
    givenReplication: 0,
  });
  const predicted = buildRunSummary(result);
  const metrics: ConditionalMetric[] = [];
  for (const [channel, figures] of channelEntries(predicted.channels)) {
    const headline = [
      serviceLevelVariant(channel, predicted.targets[channel]?.variant),
      'abandonRate',
      channelPlugin(channel).meanWaitMetric,
    ].filter((m) => figures[m] !== undefined);
    const seen = (m: string) => metricOf(measured.channels[channel], m).mean !== null;
    // A channel whose headline a client cannot see (outbound: the campaign's SL is the model's) is
    // judged on the compare-view metrics its replay measures (attempts, numbers reached...).
    const names = headline.some(seen)
      ? headline
      : channelMetrics(channel)
          .filter(
            (spec) => spec.k6 !== null && spec.views.includes('compare') && figures[spec.name] !== undefined,
          )
          .map((spec) => spec.name)
          .filter(seen);
    for (const metric of names) {
      metrics.push(
        judged(channel, metric, metricOf(figures, metric), metricOf(measured.channels[channel], metric).mean),
      );
    }
  }
  const { seed, day, from, to } = window;
  return { seed, givenReplication: 0, branches: CONDITIONAL_BRANCHES, window: { day, from, to }, metrics };
}

function judged(
  channel: string,
  metric: string,
  p: ReturnType<typeof metricOf>,
  measured: number | null,
): ConditionalMetric {
  const half = predictionHalfWidth(p);
  if (p.mean === null || half === null)
    return { channel, metric, mean: p.mean, oneReplay95: null, measured, inside: null };
  // Shares and waits cannot leave [0, 1] and [0, ∞): the normal interval is clipped there.
  const low = Math.max(0, p.mean - half);
  const high = metricSpec(channel, metric).unit === 'share' ? Math.min(1, p.mean + half) : p.mean + half;
  const inside = measured === null ? null : Math.abs(measured - p.mean) <= half;
  return { channel, metric, mean: p.mean, oneReplay95: [low, high], measured, inside };
}
