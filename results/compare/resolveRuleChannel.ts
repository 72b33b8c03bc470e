import { findMetricSpec, type MetricChannel, metricChannels } from '../../sim/metrics/metricRegistry.js';
import type { Comparison } from './compareRuns.js';
import type { FailRule } from './failOnRules.js';

/**
 * The channel a `--fail-on` rule judges: the one it names, else the first channel (in the channel
 * list's order) that both runs have and that declares the metric, else the first that declares it
 * (then the metric is undefined in a run and the rule fails rather than passing on missing data).
 */
export function resolveRuleChannel(comparison: Comparison, rule: FailRule): MetricChannel {
  if (rule.channel !== null) return rule.channel;
  const declaring = metricChannels().filter((channel) => findMetricSpec(channel, rule.metric) !== undefined);
  const inBoth = declaring.find(
    (channel) =>
      comparison.a.summary.channels[channel] !== undefined &&
      comparison.b.summary.channels[channel] !== undefined,
  );
  return inBoth ?? declaring[0]!;
}
