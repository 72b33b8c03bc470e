import type { ScenarioModel, TargetsModel } from '../scenarios/ScenarioModel.js';
import type { SimulationResult } from '../sim/simulateScenario.js';
import {
  type PhoneSummary,
  RESULT_FORMAT_VERSION,
  type RunInfo,
  type RunSummary,
  type TargetsSummary,
  type WindowInfo,
} from './runFormat.js';

export function buildRunSummary(result: SimulationResult): RunSummary {
  const { scenario, summary } = result;
  const targets = scenario.phone.targets;
  return {
    formatVersion: RESULT_FORMAT_VERSION,
    kind: 'sim',
    scenario: scenario.name,
    replications: result.replications,
    ...windowOf(result),
    channels: { phone: summary.run, ...(summary.chat ? { chat: summary.chat.run } : {}) },
    targets: {
      phone: targetsSummary(targets),
      ...(scenario.chat ? { chat: targetsSummary(scenario.chat.targets) } : {}),
    },
    days: {
      phone: datedDays(scenario, summary.days),
      ...(summary.chat ? { chat: datedChannelDays(scenario, summary.chat.days) } : {}),
    },
    classes: {
      phone: summary.classes.map((cls, k) => {
        const { name, priority, share } = scenario.phone.classes[k]!;
        return { name, priority, share, ...cls };
      }),
    },
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
export function targetsSummary(targets: Omit<TargetsModel, 'variant'> & { variant: string }): TargetsSummary {
  const { variant, thresholdS, goal, maxAbandonRate, maxAsaS } = targets;
  return { variant, thresholdS, goal, maxAbandonRate, maxAsaS };
}

/** Per-day summaries with the date and weekday each one covers, for sim and k6 runs alike. */
export function datedDays(
  scenario: ScenarioModel,
  days: readonly PhoneSummary[],
): RunSummary['days']['phone'] {
  return days.map((day, d) => ({
    date: scenario.calendar.dates[d]!,
    weekday: scenario.calendar.weekdays[d]!,
    ...day,
  }));
}

/** Per-day summaries of any channel with the date and weekday each one covers. */
export function datedChannelDays<S extends object>(
  scenario: ScenarioModel,
  days: readonly S[],
): Array<{ date: string; weekday: string } & S> {
  return days.map((day, d) => ({
    date: scenario.calendar.dates[d]!,
    weekday: scenario.calendar.weekdays[d]!,
    ...day,
  }));
}
