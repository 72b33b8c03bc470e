// Worker-thread entry: runs the replications it is given and posts each result back as it finishes.
import { parentPort, workerData } from 'node:worker_threads';
import { simulatePhone } from '../phone/simulatePhone.js';
import { measureReplication } from './measureReplication.js';
import { loadSource, type ScenarioSource } from './ScenarioSource.js';

interface WorkerInput {
  source: ScenarioSource;
  seed: number | string;
  replications: number[];
}

const input = workerData as WorkerInput;
const scenario = loadSource(input.source);
for (const replication of input.replications) {
  const metrics = measureReplication(scenario, simulatePhone(scenario, input.seed, replication));
  parentPort!.postMessage({ replication, metrics });
}
