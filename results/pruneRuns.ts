import { lstatSync, rmSync } from 'node:fs';
import { listRuns, type RunListing } from './listRuns.js';
import { runsDirectory } from './writeRunFolder.js';

export interface PruneResult {
  /** Runs deleted: readable runs beyond the newest `keep`. */
  removed: RunListing[];
  /** Folders left alone because they are not readable runs (not a run, newer format, corrupt, a link). */
  skipped: RunListing[];
}

/**
 * Deletes all but the newest `keep` runs under results/runs (HOTLINE_RUNS_DIR). Only folders that
 * load as runs of a format this hotline reads are candidates: anything else beside them (a `src/`, a
 * run of a newer format, a truncated run, a symbolic link) is never deleted, only reported as skipped.
 */
export function pruneRuns(keep: number, runsDir = runsDirectory()): PruneResult {
  const listings = listRuns(runsDir);
  const runs = listings.filter((run) => run.problem === null && isRealDirectory(run.folder));
  const skipped = listings
    .filter((run) => !runs.includes(run))
    .map((run) => ({ ...run, problem: run.problem ?? 'a symbolic link (links are never deleted)' }));
  const removed = runs.slice(keep);
  for (const run of removed) rmSync(run.folder, { recursive: true, force: true });
  return { removed, skipped };
}

function isRealDirectory(path: string): boolean {
  try {
    return lstatSync(path).isDirectory();
  } catch {
    return false;
  }
}
