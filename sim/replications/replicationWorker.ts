// Worker-thread entry: runs each (scenario, replication) task the pool sends and posts its metrics
// back. The scenario text comes with a source's first task; the model loaded last is kept, since
// tasks come in list order (a whatif cell's replications one after another).
import { parentPort, workerData } from 'node:worker_threads';
import type { ScenarioModel } from '../../scenarios/ScenarioModel.js';
import { recycleReplication } from '../simulateReplication.js';
import { measureReplication } from './measureReplication.js';
import type { ReplicationWorkerInput, WorkerResultMessage, WorkerTaskMessage } from './runReplications.js';
import { loadSource, type ScenarioSource } from './ScenarioSource.js';
import { simulateRun } from './simulateRun.js';

const input = workerData as ReplicationWorkerInput;
const sources = new Map<number, ScenarioSource>();
let loaded: { index: number; scenario: ScenarioModel } | undefined;

parentPort!.on('message', (message: WorkerTaskMessage | null) => {
  // null: no task is left; closing the port lets the thread exit (code 0).
  if (message === null) {
    parentPort!.close();
    return;
  }
  const { task, source, replication } = message;
  if (message.scenario !== undefined) sources.set(source, message.scenario);
  if (loaded?.index !== source) loaded = { index: source, scenario: loadSource(sources.get(source)!) };
  const counters = simulateRun(loaded.scenario, input.seed, replication, input.branchOf);
  const result: WorkerResultMessage = {
    task,
    metrics: measureReplication(loaded.scenario, counters, input.window),
  };
  recycleReplication(counters);
  parentPort!.postMessage(result);
});
