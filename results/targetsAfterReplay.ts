import type { ScenarioModel } from '../scenarios/ScenarioModel.js';
import { presentChannels } from '../sim/channels/index.js';
import { judgeTargets } from '../sim/metrics/judgeTargets.js';
import { metricSpec } from '../sim/metrics/metricRegistry.js';
import type { K6ChannelLevels } from './K6ChannelResults.js';
import type { ThresholdResult } from './k6Summary.js';

/**
 * The targets k6 cannot judge while it runs, judged on the measured run as threshold results, so
 * junit.xml and the exit code count them like k6's own. A target's metric without a k6 source (a
 * check-in's confirmation within T is known only once a poll sees the decision) is judged here with
 * the same checks as everywhere (judgeTargets). A figure the replay cannot see (a check-in failure
 * rate needs the prompts; a portal decision comes days later) has no value and passes, as a k6
 * threshold without samples does: say so rather than guess.
 */
export function targetsAfterReplay(
  scenario: ScenarioModel,
  measured: Readonly<Record<string, K6ChannelLevels>>,
): ThresholdResult[] {
  return presentChannels(scenario.channels).flatMap((plugin) => {
    const levels = measured[plugin.name];
    if (levels === undefined) return [];
    const targets = plugin.targets((scenario.channels as Record<string, unknown>)[plugin.name]);
    return judgeTargets(plugin.name, targets, levels.run)
      .outcomes.filter((outcome) => !metricSpec(plugin.name, outcome.metric).k6)
      .map((outcome) => ({
        metric: `${plugin.name}.${outcome.metric}`,
        expression: `${outcome.op}${outcome.limit}`,
        value: outcome.value,
        ok: outcome.status !== 'fail',
      }));
  });
}
