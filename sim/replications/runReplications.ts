import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ReplicationMetrics } from './measureReplication.js';
import type { RunWindow } from './runWindow.js';
import type { ScenarioSource } from './ScenarioSource.js';
import type { ReplicationRange } from './shardRange.js';
import type { BranchOf } from './simulateRun.js';
import { type TaskRef, TaskRunner } from './TaskRunner.js';

export interface ReplicationOptions {
  replications: number;
  seed: number | string;
  /** Worker threads; 1 runs in this thread. Results are identical whatever the count. */
  threads?: number;
  /** Measure `run` over this window only (the horizon is still simulated from its start). */
  window?: RunWindow;
  /** Run only these replication indices (a shard); default all of 0..replications-1. */
  range?: ReplicationRange;
  /**
   * A conditional prediction: run r is branch r of this replication from model time `atS` (every
   * run shares the replication's past up to `atS`), instead of replication r.
   */
  branchOf?: BranchOf | undefined;
  /** Stops the run: worker threads are terminated and awaited, then the promise rejects with the reason. */
  signal?: AbortSignal;
  /** Called after each finished replication with the number done so far (of the range). */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Runs N independent replications, each seeded by (seed, source, replication index), and returns
 * their metrics in replication order, so the thread count cannot change any result.
 */
export async function runReplications(
  source: ScenarioSource,
  options: ReplicationOptions,
): Promise<ReplicationMetrics[]> {
  const { from, to } = options.range ?? { from: 0, to: options.replications };
  const total = to - from;
  const results: ReplicationMetrics[] = new Array(total);
  let done = 0;
  const tasks = Array.from(
    { length: total },
    (_, i): ReplicationTask => ({ source: 0, replication: from + i }),
  );
  await runReplicationTasks([source], tasks, options, (task, metrics) => {
    results[task] = metrics;
    done++;
    options.onProgress?.(done, total);
  });
  return results;
}

/** One replication of one of several scenarios (`source` indexes them): a whatif cell's, say. */
export interface ReplicationTask {
  readonly source: number;
  readonly replication: number;
}

/** How runReplicationTasks runs its list. */
export interface TaskOptions
  extends Pick<ReplicationOptions, 'seed' | 'threads' | 'window' | 'branchOf' | 'signal'> {
  /**
   * Consecutive tasks of one replication (a whatif grid's cells, listed replication by replication)
   * go to one thread together and read one DrawTape: their common random numbers are drawn once.
   */
  shareDraws?: boolean;
}

/**
 * The worker pool under runReplications, for any list of (scenario, replication) tasks: each task
 * is seeded by (seed, stream, replication) alone, so its metrics do not depend on which thread ran
 * it, what ran before or whether it read its draws from a tape. `finished` gets the task's index in
 * `tasks`. Workers live for the whole list, so several scenarios (the cells of `hotline whatif`)
 * share warm threads, and pull tasks (or batches, with shareDraws) in list order as they finish, so a
 * slower thread (a neighbour's load, a cell that costs more) never leaves the other idle at the end.
 */
export async function runReplicationTasks(
  sources: readonly ScenarioSource[],
  tasks: readonly ReplicationTask[],
  options: TaskOptions,
  finished: (task: number, metrics: ReplicationMetrics) => void,
): Promise<void> {
  const queue = new TaskQueue(tasks, options.shareDraws ?? false);
  const threads = Math.max(1, Math.min(options.threads ?? defaultThreads(), queue.batches));
  options.signal?.throwIfAborted();
  if (threads === 1) {
    const runner = new TaskRunner(options.seed, options.window, options.branchOf);
    sources.forEach((source, index) => {
      runner.addSource(index, source);
    });
    for (let batch = queue.take(); batch !== undefined; batch = queue.take()) {
      const tape = runner.tapeFor(batch);
      for (const task of batch) {
        finished(task.task, runner.run(task, tape));
        // Yield so a progress bar can repaint and a signal handler can run between replications.
        await new Promise((resolve) => setImmediate(resolve));
        options.signal?.throwIfAborted();
      }
    }
    return;
  }
  const script = workerScript();
  // One failing or aborted worker stops the others; every worker has exited before this returns.
  const stop = new AbortController();
  const forward = () => stop.abort(options.signal!.reason);
  options.signal?.addEventListener('abort', forward, { once: true });
  try {
    const outcomes = await Promise.allSettled(
      Array.from({ length: threads }, () =>
        runWorker(
          script,
          {
            seed: options.seed,
            window: options.window,
            branchOf: options.branchOf,
          },
          { sources, queue },
          finished,
          stop.signal,
        ).catch((error: unknown) => {
          stop.abort(error);
          throw error;
        }),
      ),
    );
    if (outcomes.some((outcome) => outcome.status === 'rejected')) throw stop.signal.reason;
  } finally {
    options.signal?.removeEventListener('abort', forward);
  }
}

export function defaultThreads(): number {
  return availableParallelism();
}

/** What a worker thread is given at its start (replicationWorker.ts); its tasks come as messages. */
export interface ReplicationWorkerInput {
  seed: number | string;
  window?: RunWindow | undefined;
  branchOf?: BranchOf | undefined;
}

/**
 * A batch for a worker: one task, or with shareDraws consecutive tasks of one replication. The text
 * of a source comes with the first task of it the worker runs, so a worker gets only the texts it
 * needs, once.
 */
export interface WorkerBatchMessage {
  readonly tasks: readonly TaskRef[];
  readonly scenarios: readonly { readonly source: number; readonly scenario: ScenarioSource }[];
}

/** What a worker posts back for each batch, its tasks in order. */
export interface WorkerResultMessage {
  readonly results: readonly { readonly task: number; readonly metrics: ReplicationMetrics }[];
}

/**
 * Batches a worker keeps in hand: one it runs and one waiting, so it never idles for a round trip to
 * the main thread, yet no worker holds more than that while another may run dry at the end.
 */
const BATCHES_IN_HAND = 2;

interface TaskList {
  readonly sources: readonly ScenarioSource[];
  readonly queue: TaskQueue;
}

function runWorker(
  script: URL,
  workerData: ReplicationWorkerInput,
  list: TaskList,
  finished: (task: number, metrics: ReplicationMetrics) => void,
  signal: AbortSignal,
): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const worker = new Worker(script, { workerData });
    const terminate = () => void worker.terminate();
    signal.addEventListener('abort', terminate, { once: true });
    const sent = new Set<number>();
    let inHand = 0;
    // Pull-based: a worker that finishes sooner takes more, so no thread idles while tasks remain.
    const give = () => {
      const tasks = list.queue.take();
      if (tasks === undefined) {
        if (inHand === 0) worker.postMessage(null);
        return;
      }
      const scenarios: { source: number; scenario: ScenarioSource }[] = [];
      for (const { source } of tasks) {
        if (sent.has(source)) continue;
        sent.add(source);
        scenarios.push({ source, scenario: list.sources[source]! });
      }
      inHand++;
      const message: WorkerBatchMessage = { tasks, scenarios };
      worker.postMessage(message);
    };
    worker.on('message', (message: WorkerResultMessage) => {
      inHand--;
      for (const { task, metrics } of message.results) finished(task, metrics);
      if (!signal.aborted) give();
    });
    worker.on('error', reject);
    worker.on('exit', (code) => {
      signal.removeEventListener('abort', terminate);
      if (signal.aborted) reject(signal.reason);
      else if (code === 0) resolve();
      else reject(new Error(`replication worker exited with code ${code}`));
    });
    for (let i = 0; i < BATCHES_IN_HAND; i++) give();
  });
}

/**
 * The next batch to hand out, in list order, shared by every worker of a pool: one task, or with
 * `shareDraws` the run of consecutive tasks of one replication.
 */
class TaskQueue {
  private next = 0;
  /** How many batches the list makes. */
  readonly batches: number;

  constructor(
    private readonly tasks: readonly ReplicationTask[],
    private readonly shareDraws: boolean,
  ) {
    let batches = 0;
    for (let from = 0; from < tasks.length; from = this.end(from)) batches++;
    this.batches = batches;
  }

  take(): TaskRef[] | undefined {
    if (this.next >= this.tasks.length) return undefined;
    const from = this.next;
    this.next = this.end(from);
    return this.tasks.slice(from, this.next).map((t, i) => ({ task: from + i, ...t }));
  }

  private end(from: number): number {
    let to = from + 1;
    if (this.shareDraws) {
      const { replication } = this.tasks[from]!;
      while (to < this.tasks.length && this.tasks[to]!.replication === replication) to++;
    }
    return to;
  }
}

/**
 * The bundled worker in dist/: beside this code when it is bundled into an entry point, one folder up
 * when it sits in a shared chunk (dist/chunks/, see scripts/build.mjs); from source (tests) the one
 * `npm run build` made.
 */
function workerScript(): URL {
  const here = import.meta.url;
  const url = here.endsWith('.ts')
    ? new URL('../../dist/replication-worker.js', here)
    : new URL(here.includes('/chunks/') ? '../replication-worker.js' : './replication-worker.js', here);
  if (!existsSync(fileURLToPath(url))) {
    throw new Error(`worker script ${fileURLToPath(url)} is missing: run \`npm run build\` first`);
  }
  return url;
}
