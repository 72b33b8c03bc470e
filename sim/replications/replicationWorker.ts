// Worker-thread entry: runs the (scenario, replication) tasks it is given and posts each result back
// as it finishes. Tasks come grouped by scenario, so a scenario is loaded once per run of its tasks.
import { parentPort, workerData } from 'node:worker_threads';
import type { ScenarioModel } from '../../scenarios/ScenarioModel.js';
import { measureReplication } from './measureReplication.js';
import type { ReplicationWorkerInput } from './runReplications.js';
import { loadSource } from './ScenarioSource.js';
import { simulateRun } from './simulateRun.js';

const input = workerData as ReplicationWorkerInput;
let loaded: { index: number; scenario: ScenarioModel } | undefined;
for (const { source, replication, task } of input.tasks) {
  if (loaded?.index !== source) loaded = { index: source, scenario: loadSource(input.sources[source]!) };
  const counters = simulateRun(loaded.scenario, input.seed, replication, input.branchOf);
  const metrics = measureReplication(loaded.scenario, counters, input.window);
  parentPort!.postMessage({ task, metrics });
}
