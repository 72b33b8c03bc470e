import type { ScenarioModel } from '../scenarios/ScenarioModel.js';
import type { AnyChannelPlugin } from '../sim/channels/ChannelPlugin.js';
import { type ChannelName, presentChannels } from '../sim/channels/index.js';
import type { ChannelTargets } from '../sim/metrics/judgeTargets.js';
import type { ChannelSummary } from '../sim/replications/summarizeReplications.js';
import type { SimulationResult } from '../sim/simulateScenario.js';
import {
  RESULT_FORMAT_VERSION,
  type RunInfo,
  type RunSummary,
  type TargetsSummary,
  type WindowInfo,
} from './runFormat.js';

export function buildRunSummary(result: SimulationResult): RunSummary {
  const { scenario, summary } = result;
  const channels = presentChannels(scenario.channels);
  const modelOf = (name: string) => (scenario.channels as Record<string, unknown>)[name];
  const byChannel = <T>(value: (channel: AnyChannelPlugin, s: ChannelSummary) => T) =>
    Object.fromEntries(channels.map((c) => [c.name, value(c, summary.channels[c.name as ChannelName]!)]));
  const withClasses = channels.filter((c) => c.classMetrics.length > 0);
  return {
    formatVersion: RESULT_FORMAT_VERSION,
    kind: 'sim',
    scenario: scenario.name,
    replications: result.replications,
    ...windowOf(result),
    channels: byChannel((_, s) => s.run),
    targets: byChannel((c) => targetsSummary(c.targets(modelOf(c.name)))),
    days: byChannel((_, s) => datedDays(scenario, s.days)),
    ...(withClasses.length > 0
      ? {
          classes: Object.fromEntries(
            withClasses.map((c) => [
              c.name,
              summary.channels[c.name as ChannelName]!.classes.map((cls, k) => {
                const { name, priority, share } = c.classes(modelOf(c.name))[k]!;
                return { name, priority, share, ...cls };
              }),
            ]),
          ),
        }
      : {}),
  };
}

export function buildRunInfo(result: SimulationResult, id: string, toolVersion: string): RunInfo {
  const { scenario } = result;
  return {
    formatVersion: RESULT_FORMAT_VERSION,
    kind: 'sim',
    id,
    scenario: { name: scenario.name, file: result.file ?? null, contentHash: scenario.contentHash },
    seed: result.seed,
    replications: result.replications,
    days: scenario.calendar.days,
    startDate: scenario.calendar.startDate,
    intervalMinutes: scenario.calendar.intervalS / 60,
    ...windowOf(result),
    ...(result.givenReplication === undefined ? {} : { givenReplication: result.givenReplication }),
    toolVersion,
    startedAt: result.startedAt.toISOString(),
    durationMs: Math.round(result.durationMs),
  };
}

function windowOf(result: SimulationResult): { window?: WindowInfo } {
  const w = result.window;
  return w ? { window: { day: w.day, from: w.from, to: w.to } } : {};
}

/** The targets as summary.json carries them, for sim and k6 runs alike. */
export function targetsSummary(targets: ChannelTargets): TargetsSummary {
  const { variant, thresholdS, goal, maxAbandonRate, maxAsaS } = targets;
  return { variant, thresholdS, goal, maxAbandonRate, maxAsaS };
}

/** Per-day summaries of any channel with the date and weekday each one covers, for sim and k6 runs. */
export function datedDays<S extends object>(
  scenario: ScenarioModel,
  days: readonly S[],
): Array<{ date: string; weekday: string } & S> {
  return days.map((day, d) => ({
    date: scenario.calendar.dates[d]!,
    weekday: scenario.calendar.weekdays[d]!,
    ...day,
  }));
}
