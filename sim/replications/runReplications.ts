import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { simulateReplication } from '../simulateReplication.js';
import { measureReplication, type ReplicationMetrics } from './measureReplication.js';
import type { RunWindow } from './runWindow.js';
import { loadSource, type ScenarioSource } from './ScenarioSource.js';

export interface ReplicationOptions {
  replications: number;
  seed: number | string;
  /** Worker threads; 1 runs in this thread. Results are identical whatever the count. */
  threads?: number;
  /** Measure `run` over this window only (the horizon is still simulated from its start). */
  window?: RunWindow;
  /** Called after each finished replication with the number done so far. */
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
  const total = options.replications;
  const threads = Math.max(1, Math.min(options.threads ?? defaultThreads(), total));
  const results: ReplicationMetrics[] = new Array(total);
  let done = 0;
  const finished = (replication: number, metrics: ReplicationMetrics) => {
    results[replication] = metrics;
    done++;
    options.onProgress?.(done, total);
  };
  if (threads === 1) {
    const scenario = loadSource(source);
    for (let r = 0; r < total; r++) {
      const counters = simulateReplication(scenario, options.seed, r);
      finished(r, measureReplication(scenario, counters, options.window));
      // Yield so a progress bar can repaint between replications.
      await new Promise((resolve) => setImmediate(resolve));
    }
    return results;
  }
  const script = workerScript();
  const shares = Array.from({ length: threads }, (_, w) => range(total).filter((r) => r % threads === w));
  await Promise.all(
    shares.map((replications) =>
      runWorker(script, { source, seed: options.seed, replications, window: options.window }, finished),
    ),
  );
  return results;
}

export function defaultThreads(): number {
  return availableParallelism();
}

function runWorker(
  script: URL,
  workerData: { source: ScenarioSource; seed: number | string; replications: number[]; window?: RunWindow },
  finished: (replication: number, metrics: ReplicationMetrics) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(script, { workerData });
    worker.on('message', (message: { replication: number; metrics: ReplicationMetrics }) =>
      finished(message.replication, message.metrics),
    );
    worker.on('error', reject);
    worker.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`replication worker exited with code ${code}`)),
    );
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

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}
