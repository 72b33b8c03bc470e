import type { ScenarioModel } from '../../../scenarios/ScenarioModel.js';
import { simulateReplication } from '../../simulateReplication.js';
import type { PhoneCounters } from './PhoneCounters.js';

/** Runs one replication of the scenario in batch and returns the phone channel's raw per-interval counters. */
export function simulatePhone(
  scenario: ScenarioModel,
  seed: number | string,
  replication: number,
): PhoneCounters {
  const counters = simulateReplication(scenario, seed, replication).phone;
  if (counters === undefined) throw new RangeError(`scenario ${scenario.name} has no phone channel`);
  return counters;
}
