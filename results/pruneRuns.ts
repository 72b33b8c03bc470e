import { rmSync } from 'node:fs';
import { listRuns, type RunListing } from './listRuns.js';
import { runsDirectory } from './writeRunFolder.js';

/**
 * Deletes all but the newest `keep` run folders under results/runs. Unreadable folders count as
 * oldest (they sort last) and go first; only folders directly under the runs directory are touched.
 */
export function pruneRuns(keep: number, runsDir = runsDirectory()): RunListing[] {
  const removed = listRuns(runsDir).slice(keep);
  for (const run of removed) rmSync(run.folder, { recursive: true, force: true });
  return removed;
}
