// Test support for the phone channel's lockstep and warm-start tests. Not product code.
import type { ScenarioModel } from '../../../scenarios/ScenarioModel.js';
import { runBatch } from '../../engine/BatchDriver.js';
import { createModelRun } from '../../ModelRun.js';
import type { PhoneOutcomeRecord } from './PhoneOutcome.js';

/** One arrival of the batch run, as the real-time side is then offered it from outside. */
export interface PhoneArrival {
  id: number;
  atS: number;
  klass: number;
  attempt: number;
}

/**
 * Replication 0 of `seed` on the batch driver with every arrival (first attempts and retrials) and
 * every outcome recorded in event order, plus its counters and horizon.
 */
export function recordedBatchRun(scenario: ScenarioModel, seed: number) {
  const arrivals: PhoneArrival[] = [];
  const outcomes: PhoneOutcomeRecord[] = [];
  const run = createModelRun(scenario, {
    seed,
    replication: 0,
    mode: 'batch',
    observers: {
      phone: {
        arrived: (id, atS, klass, attempt) => arrivals.push({ id, atS, klass, attempt }),
        outcome: (record) => outcomes.push(record),
      },
    },
  });
  runBatch(run.simulation);
  return { arrivals, outcomes, counters: run.processes.phone!.counters, horizonS: run.simulation.horizonS };
}
