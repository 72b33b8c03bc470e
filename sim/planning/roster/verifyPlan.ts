import type { ShiftFile } from '../../../scenarios/scenarioSchema.js';
import { channelPlugin } from '../../channels/index.js';
import { judgeTargets, missedBeyondNoise } from '../../metrics/judgeTargets.js';
import { simulateScenario } from '../../simulateScenario.js';
import { withStaffing } from '../withStaffing.js';

export interface SimulationSettings {
  readonly replications: number;
  readonly seed: number | string;
  readonly threads?: number;
  readonly onProgress?: (done: number, total: number) => void;
  /** Stops the simulation (worker threads ended), as `hotline sim` stops on a signal. */
  readonly signal?: AbortSignal;
}

export interface PlanVerdict {
  /** Intervals (day-major) where a target of a channel the group serves is missed (mean over replications). */
  readonly missed: number[];
  /** Of those, where a target's whole 95% CI is on the wrong side (missedBeyondNoise): not noise. */
  readonly missedBeyondNoise: number[];
  readonly replications: number;
  /** The first served channel's service level per interval (mean; null without contacts). */
  readonly serviceLevel: (number | null)[];
  readonly channel: string;
  readonly variant: string;
  readonly thresholdS: number;
  readonly goal: number;
}

/**
 * Simulates the scenario with the group's staffing replaced by the plan's shifts (through the
 * scenario text, so the same loader, checks and worker threads as `hotline sim`) and judges every
 * interval with the one verdict function the report and k6 thresholds use.
 */
export async function verifyPlan(
  text: string,
  file: string | undefined,
  group: string,
  shifts: ShiftFile[],
  settings: SimulationSettings,
): Promise<PlanVerdict> {
  const planned = withStaffing(text, { [group]: { kind: 'shifts', shifts } });
  const result = await simulateScenario({ text: planned, file }, settings);
  const scenario = result.scenario;
  const skills = scenario.agentGroups.find((g) => g.name === group)!.skills;
  const channels = skills.filter((c) => (scenario.channels as Record<string, unknown>)[c] !== undefined);
  const missed = new Set<number>();
  const beyondNoise = new Set<number>();
  let first: PlanVerdict | undefined;
  for (const channel of channels) {
    const plugin = channelPlugin(channel)!;
    const targets = plugin.targets((scenario.channels as Record<string, unknown>)[channel]);
    const intervals = result.summary.channels[channel as keyof typeof result.summary.channels]!.intervals;
    intervals.forEach((figures, k) => {
      if (judgeTargets(channel, targets, figures).verdict === 'missed') missed.add(k);
      if (missedBeyondNoise(channel, targets, figures)) beyondNoise.add(k);
    });
    first ??= {
      missed: [],
      missedBeyondNoise: [],
      replications: settings.replications,
      serviceLevel: intervals.map((f) => f[targets.variant]?.mean ?? null),
      channel,
      variant: targets.variant,
      thresholdS: targets.thresholdS,
      goal: targets.goal,
    };
  }
  if (!first) throw new Error(`group ${group} serves no channel of the scenario`);
  const sorted = (set: Set<number>) => [...set].sort((a, b) => a - b);
  return { ...first, missed: sorted(missed), missedBeyondNoise: sorted(beyondNoise) };
}
