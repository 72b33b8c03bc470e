import type { ScenarioModel } from '../scenarios/ScenarioModel.js';
import type { ChannelProcess } from './channels/ChannelPlugin.js';
import type { ChannelCounters } from './channels/index.js';
import { runBatch } from './engine/BatchDriver.js';
import { createModelRun } from './ModelRun.js';

/** Runs one replication of the whole ecosystem in batch; the raw counters of each channel it has. */
export function simulateReplication(
  scenario: ScenarioModel,
  seed: number | string,
  replication: number,
): ChannelCounters {
  const run = createModelRun(scenario, { seed, replication, mode: 'batch' });
  runBatch(run.simulation);
  const horizonS = run.simulation.horizonS;
  const counters: Record<string, unknown> = {};
  for (const [name, process] of Object.entries(run.processes) as [string, ChannelProcess<unknown>][]) {
    process.finish(horizonS);
    counters[name] = process.counters;
  }
  return counters as ChannelCounters;
}
