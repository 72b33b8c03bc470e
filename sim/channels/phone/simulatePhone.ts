import type { ScenarioModel } from '../../../scenarios/ScenarioModel.js';
import { runBatch } from '../../engine/BatchDriver.js';
import { createModelRun } from '../../ModelRun.js';
import type { PhoneCounters } from '../../metrics/PhoneCounters.js';

/** Runs one replication of the scenario in batch and returns the phone channel's raw per-interval counters. */
export function simulatePhone(
  scenario: ScenarioModel,
  seed: number | string,
  replication: number,
): PhoneCounters {
  const run = createModelRun(scenario, { seed, replication, mode: 'batch' });
  runBatch(run.simulation);
  run.phone.finish(run.simulation.horizonS);
  return run.phone.counters;
}
