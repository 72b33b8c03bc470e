// Worker-thread entry: runs the replications it is given and posts each result back as it finishes.
import { parentPort, workerData } from 'node:worker_threads';
import { measureReplication } from './measureReplication.js';
import type { RunWindow } from './runWindow.js';
import { loadSource, type ScenarioSource } from './ScenarioSource.js';
import { type BranchOf, simulateRun } from './simulateRun.js';

interface WorkerInput {
  source: ScenarioSource;
  seed: number | string;
  replications: number[];
  window?: RunWindow;
  branchOf?: BranchOf;
}

const input = workerData as WorkerInput;
const scenario = loadSource(input.source);
for (const replication of input.replications) {
  const counters = simulateRun(scenario, input.seed, replication, input.branchOf);
  const metrics = measureReplication(scenario, counters, input.window);
  parentPort!.postMessage({ replication, metrics });
}
