// Runs every cell of a whatif grid as `hotline sim` runs one scenario: same seed and replications for
// every cell, so replication r of every cell draws from the same streams (common random numbers).
import type { ReplicationMetrics } from '../replications/measureReplication.js';
import { type ReplicationTask, runReplicationTasks } from '../replications/runReplications.js';
import { resolveRunWindow, type WindowSpec } from '../replications/runWindow.js';
import { summarizeReplications } from '../replications/summarizeReplications.js';
import type { SimulationResult } from '../simulateScenario.js';
import type { WhatifCell, WhatifGrid } from './buildWhatifGrid.js';

export interface WhatifOptions {
  replications: number;
  seed: number | string;
  threads?: number;
  window?: WindowSpec;
  signal?: AbortSignal;
  /** After each finished replication (of any cell): replications done of all (cells x replications). */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Cells sharing one replication's draws: runs of replication r of a group's cells go to one thread
 * together and read one DrawTape, so the group's common random numbers (per-contact draws, and
 * arrival instants where demand is equal) are drawn once for all of them. Larger groups share more
 * but hold more cells' metrics until their last replication is in.
 */
const CELLS_SHARING_DRAWS = 10;

/**
 * All cells' replications go to one pool of worker threads (runReplicationTasks, the pool under
 * `hotline sim`), in groups of CELLS_SHARING_DRAWS cells in grid order, replication by replication
 * within a group, so threads stay warm from one cell to the next and no thread idles at a cell's end.
 * A cell's result is built as `hotline sim` builds one (its replications in order, then
 * summarizeReplications), and a tape gives a run exactly its own streams' numbers, so a cell equal to
 * the base scenario gives the same bytes as `hotline sim` with the same seed. `onCell` gets each
 * cell as soon as its last replication is in (a group's cells together); its metrics are then let go.
 * A cell's `durationMs` is the wall time since the previous cell finished: the pool interleaves them.
 */
export async function runWhatif(
  grid: WhatifGrid,
  options: WhatifOptions,
  onCell: (cell: WhatifCell, result: SimulationResult) => void,
): Promise<void> {
  const { replications } = options;
  const total = grid.cells.length;
  const window = options.window ? resolveRunWindow(grid.cells[0]!.model.calendar, options.window) : undefined;
  const tasks: ReplicationTask[] = [];
  for (let first = 0; first < total; first += CELLS_SHARING_DRAWS) {
    const group = Math.min(CELLS_SHARING_DRAWS, total - first);
    for (let replication = 0; replication < replications; replication++) {
      for (let source = first; source < first + group; source++) tasks.push({ source, replication });
    }
  }
  const pending = grid.cells.map(() => ({ metrics: new Array<ReplicationMetrics>(replications), done: 0 }));
  const startedAt = new Date();
  let lastFinish = performance.now();
  let done = 0;
  // A failure in onCell (a disk full while writing a cell) must stop the pool, not escape from a
  // worker's message handler: it aborts the run, which then rejects with it.
  const stop = new AbortController();
  const forward = () => stop.abort(options.signal!.reason);
  if (options.signal?.aborted) forward();
  options.signal?.addEventListener('abort', forward, { once: true });
  try {
    await runReplicationTasks(
      grid.cells.map((cell) => cell.source),
      tasks,
      {
        seed: options.seed,
        ...(options.threads === undefined ? {} : { threads: options.threads }),
        ...(window === undefined ? {} : { window }),
        signal: stop.signal,
        shareDraws: true,
      },
      (t, metrics) => {
        const { source, replication } = tasks[t]!;
        const cell = pending[source]!;
        cell.metrics[replication] = metrics;
        if (++cell.done < replications) {
          options.onProgress?.(++done, tasks.length);
          return;
        }
        const now = performance.now();
        const perReplication = cell.metrics;
        cell.metrics = [];
        if (stop.signal.aborted) return;
        try {
          onCell(grid.cells[source]!, {
            scenario: grid.cells[source]!.model,
            file: grid.cells[source]!.source.file,
            seed: options.seed,
            replications,
            perReplication,
            summary: summarizeReplications(perReplication),
            window,
            startedAt,
            durationMs: now - lastFinish,
          });
        } catch (error) {
          stop.abort(error);
          return;
        }
        lastFinish = now;
        options.onProgress?.(++done, tasks.length);
      },
    );
  } finally {
    options.signal?.removeEventListener('abort', forward);
  }
  // The single-thread path cannot be stopped mid-replication by onCell: check once more.
  stop.signal.throwIfAborted();
}
