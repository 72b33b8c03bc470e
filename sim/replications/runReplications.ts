import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { measureReplication, type ReplicationMetrics } from './measureReplication.js';
import type { RunWindow } from './runWindow.js';
import { loadSource, type ScenarioSource } from './ScenarioSource.js';
import type { ReplicationRange } from './shardRange.js';
import { type BranchOf, simulateRun } from './simulateRun.js';

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
  branchOf?: BranchOf;
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
  const threads = Math.max(1, Math.min(options.threads ?? defaultThreads(), total));
  const results: ReplicationMetrics[] = new Array(total);
  let done = 0;
  const finished = (replication: number, metrics: ReplicationMetrics) => {
    results[replication - from] = metrics;
    done++;
    options.onProgress?.(done, total);
  };
  options.signal?.throwIfAborted();
  if (threads === 1) {
    const scenario = loadSource(source);
    for (let r = from; r < to; r++) {
      const counters = simulateRun(scenario, options.seed, r, options.branchOf);
      finished(r, measureReplication(scenario, counters, options.window));
      // Yield so a progress bar can repaint and a signal handler can run between replications.
      await new Promise((resolve) => setImmediate(resolve));
      options.signal?.throwIfAborted();
    }
    return results;
  }
  const script = workerScript();
  const indices = Array.from({ length: total }, (_, i) => from + i);
  const shares = Array.from({ length: threads }, (_, w) => indices.filter((r) => (r - from) % threads === w));
  // One failing or aborted worker stops the others; every worker has exited before this returns.
  const stop = new AbortController();
  const forward = () => stop.abort(options.signal!.reason);
  options.signal?.addEventListener('abort', forward, { once: true });
  try {
    const outcomes = await Promise.allSettled(
      shares.map((replications) =>
        runWorker(
          script,
          { source, seed: options.seed, replications, window: options.window, branchOf: options.branchOf },
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
  return results;
}

export function defaultThreads(): number {
  return availableParallelism();
}

function runWorker(
  script: URL,
  workerData: {
    source: ScenarioSource;
    seed: number | string;
    replications: number[];
    window?: RunWindow | undefined;
    branchOf?: BranchOf | undefined;
  },
  finished: (replication: number, metrics: ReplicationMetrics) => void,
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
    worker.on('message', (message: { replication: number; metrics: ReplicationMetrics }) =>
      finished(message.replication, message.metrics),
    );
    worker.on('error', reject);
    worker.on('exit', (code) => {
      signal.removeEventListener('abort', terminate);
      if (signal.aborted) reject(signal.reason);
      else if (code === 0) resolve();
      else reject(new Error(`replication worker exited with code ${code}`));
    });
  });
}

/** The bundled worker next to the bundled CLI; from source (tests) the one `npm run build` made in dist/. */
function workerScript(): URL {
  const here = import.meta.url;
  const url = here.endsWith('.ts')
    ? new URL('../../dist/replication-worker.js', here)
    : new URL('./replication-worker.js', here);
  if (!existsSync(fileURLToPath(url))) {
    throw new Error(`worker script ${fileURLToPath(url)} is missing: run \`npm run build\` first`);
  }
  return url;
}
