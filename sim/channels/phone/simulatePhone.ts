import type { ScenarioModel } from '../../../scenarios/ScenarioModel.js';
import type { PhoneCounters } from '../../metrics/PhoneCounters.js';
import { simulateReplication } from '../../simulateReplication.js';

/** Runs one replication of the scenario in batch and returns the phone channel's raw per-interval counters. */
export function simulatePhone(
  scenario: ScenarioModel,
  seed: number | string,
  replication: number,
): PhoneCounters {
  return simulateReplication(scenario, seed, replication).phone;
}
