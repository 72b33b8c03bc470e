import type { ScenarioModel } from '../../scenarios/ScenarioModel.js';
import type { ChannelCounters } from '../channels/index.js';
import { simulateReplication } from '../simulateReplication.js';

export interface BranchOf {
  readonly replication: number;
  readonly atS: number;
}

/** Replication r of a run, or branch r of `branchOf.replication`. */
export function simulateRun(
  scenario: ScenarioModel,
  seed: number | string,
  r: number,
  branchOf: BranchOf | undefined,
): ChannelCounters {
  return branchOf === undefined
    ? simulateReplication(scenario, seed, r)
    : simulateReplication(scenario, seed, branchOf.replication, { atS: branchOf.atS, index: r });
}
