// Runs every cell of a whatif grid as `hotline sim` runs one scenario: same seed and replications for
// every cell, so replication r of every cell draws from the same streams (common random numbers).
import type { WindowSpec } from '../replications/runWindow.js';
import { type SimulationResult, simulateScenario } from '../simulateScenario.js';
import type { WhatifCell, WhatifGrid } from './buildWhatifGrid.js';

export interface WhatifOptions {
  replications: number;
  seed: number | string;
  threads?: number;
  window?: WindowSpec;
  signal?: AbortSignal;
  /** After each finished cell: cells done of all, and replications done of all. */
  onProgress?: (cellsDone: number, cells: number) => void;
}

/**
 * Cells run one after another, each over the replication worker pool of `hotline sim`
 * (runReplications): a cell's replications are what parallelise, so each cell's result is exactly
 * the one `hotline sim` gives for that scenario and seed, whatever the thread count.
 * `onCell` gets each result as it finishes (to write it and let it go: memory stays one cell's).
 */
export async function runWhatif(
  grid: WhatifGrid,
  options: WhatifOptions,
  onCell: (cell: WhatifCell, result: SimulationResult) => void,
): Promise<void> {
  const total = grid.cells.length;
  let done = 0;
  for (const cell of grid.cells) {
    options.signal?.throwIfAborted();
    const result = await simulateScenario(cell.source, {
      replications: options.replications,
      seed: options.seed,
      ...(options.threads === undefined ? {} : { threads: options.threads }),
      ...(options.window === undefined ? {} : { window: options.window }),
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    });
    onCell(cell, result);
    done++;
    options.onProgress?.(done, total);
  }
}
