// What whatif.json keeps of each cell while the grid runs: headline figures with their CI, and each
// replication's service level, so differences against the base cell can be paired afterwards.

import { judgeTargets } from '../../sim/metrics/judgeTargets.js';
import type { MetricSummary } from '../../sim/replications/summarizeReplications.js';
import type { SimulationResult } from '../../sim/simulateScenario.js';
import type { WhatifCell } from '../../sim/whatif/buildWhatifGrid.js';
import { buildRunSummary } from '../buildRunSummary.js';
import type { WhatifCellRecord, WhatifChannelFigures } from './whatifFormat.js';

/** Headline metrics besides the targets' own (service level, abandonment, ASA): load and cost. */
const ALSO_SHOWN = ['offered', 'occupancy'];

export interface RecordedCell {
  readonly record: WhatifCellRecord;
  /** Per channel: the target's service level in each replication (null where undefined). */
  readonly slPerReplication: Record<string, (number | null)[]>;
}

export function recordWhatifCell(cell: WhatifCell, result: SimulationResult, folder: string): RecordedCell {
  const summary = buildRunSummary(result);
  const channels: Record<string, WhatifChannelFigures> = {};
  const slPerReplication: Record<string, (number | null)[]> = {};
  for (const [name, run] of Object.entries(summary.channels) as [string, Record<string, MetricSummary>][]) {
    const targets = (summary.targets as Record<string, Parameters<typeof judgeTargets>[1]>)[name]!;
    const verdict = judgeTargets(name, targets, run);
    const metrics: Record<string, MetricSummary> = {};
    for (const metric of [...verdict.outcomes.map((o) => o.metric), ...ALSO_SHOWN]) {
      if (run[metric]) metrics[metric] = run[metric];
    }
    channels[name] = { serviceLevel: targets.variant, goal: targets.goal, verdict: verdict.verdict, metrics };
    slPerReplication[name] = result.perReplication.map((r) => {
      const value = (r.channels as Record<string, { run: Record<string, number | null> }>)[name]!.run[
        targets.variant
      ];
      return value ?? null;
    });
  }
  return {
    record: {
      id: cell.id,
      folder,
      values: [...cell.values],
      agentHours: scheduledAgentHours(result),
      channels,
    },
    slPerReplication,
  };
}

/**
 * The cost of a cell: agent-hours scheduled over what the run measures (the window, else the
 * horizon), summed over every group of the shared pool; it follows from the staffing, so no CI.
 */
function scheduledAgentHours(result: SimulationResult): number {
  const { calendar, agentGroups } = result.scenario;
  const from = result.window?.fromInterval ?? 0;
  const to = result.window?.toInterval ?? calendar.days * calendar.intervalsPerDay;
  let agentIntervals = 0;
  for (const group of agentGroups) {
    for (let i = from; i < to; i++) agentIntervals += group.staffing.scheduledPerInterval[i]!;
  }
  return (agentIntervals * calendar.intervalS) / 3600;
}
