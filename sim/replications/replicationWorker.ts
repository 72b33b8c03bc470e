// Worker-thread entry: runs the replications it is given and posts each result back as it finishes.
import { parentPort, workerData } from 'node:worker_threads';
import { simulateReplication } from '../simulateReplication.js';
import { measureReplication } from './measureReplication.js';
import type { RunWindow } from './runWindow.js';
import { loadSource, type ScenarioSource } from './ScenarioSource.js';

interface WorkerInput {
  source: ScenarioSource;
  seed: number | string;
  replications: number[];
  window?: RunWindow;
}

const input = workerData as WorkerInput;
const scenario = loadSource(input.source);
for (const replication of input.replications) {
  const counters = simulateReplication(scenario, input.seed, replication);
  const metrics = measureReplication(scenario, counters, input.window);
  parentPort!.postMessage({ replication, metrics });
}
