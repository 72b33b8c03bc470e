// Worker-thread entry: runs each batch of (scenario, replication) tasks the pool sends and posts their
// metrics back. A scenario's text comes with the first task of it this worker gets.
import { parentPort, workerData } from 'node:worker_threads';
import type { ReplicationWorkerInput, WorkerBatchMessage, WorkerResultMessage } from './runReplications.js';
import { TaskRunner } from './TaskRunner.js';

const input = workerData as ReplicationWorkerInput;
const runner = new TaskRunner(input.seed, input.window, input.branchOf);

parentPort!.on('message', (message: WorkerBatchMessage | null) => {
  // null: no task is left; closing the port lets the thread exit (code 0).
  if (message === null) {
    parentPort!.close();
    return;
  }
  for (const { source, scenario } of message.scenarios) runner.addSource(source, scenario);
  const tape = runner.tapeFor(message.tasks);
  const result: WorkerResultMessage = {
    results: message.tasks.map((task) => ({ task: task.task, metrics: runner.run(task, tape) })),
  };
  parentPort!.postMessage(result);
});
