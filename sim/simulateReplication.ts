import type { ScenarioModel } from '../scenarios/ScenarioModel.js';
import type { ChatCounters } from './channels/chat/ChatCounters.js';
import { runBatch } from './engine/BatchDriver.js';
import { createModelRun } from './ModelRun.js';
import type { PhoneCounters } from './metrics/PhoneCounters.js';

/** The raw counters of one replication, per channel (null for a channel the scenario lacks). */
export interface ReplicationCounters {
  readonly phone: PhoneCounters;
  readonly chat: ChatCounters | null;
}

/** Runs one replication of the whole ecosystem in batch. */
export function simulateReplication(
  scenario: ScenarioModel,
  seed: number | string,
  replication: number,
): ReplicationCounters {
  const run = createModelRun(scenario, { seed, replication, mode: 'batch' });
  runBatch(run.simulation);
  const horizonS = run.simulation.horizonS;
  run.phone.finish(horizonS);
  run.chat?.finish(horizonS);
  return { phone: run.phone.counters, chat: run.chat?.counters ?? null };
}
