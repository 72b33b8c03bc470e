import type { ScenarioModel } from '../../scenarios/ScenarioModel.js';
import type { ChannelCounters } from '../channels/index.js';
import type { DrawTape } from '../rng/DrawTape.js';
import { simulateReplication } from '../simulateReplication.js';

export interface BranchOf {
  readonly replication: number;
  readonly atS: number;
}

/**
 * Replication r of a run, or branch r of `branchOf.replication`. `tape`: replication r's draws,
 * shared with other runs of it (plain replications only).
 */
export function simulateRun(
  scenario: ScenarioModel,
  seed: number | string,
  r: number,
  branchOf: BranchOf | undefined,
  tape?: DrawTape,
): ChannelCounters {
  return branchOf === undefined
    ? simulateReplication(scenario, seed, r, undefined, tape)
    : simulateReplication(scenario, seed, branchOf.replication, { atS: branchOf.atS, index: r });
}
