import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { checkFolderCanBeMade, prepareRunFolder } from './outputPath.js';

/** How messages name the place runs go when no --out is given. */
export const RUNS_DIR_FLAG = 'HOTLINE_RUNS_DIR';

export interface WriteRunFolderOptions {
  /** The flag or variable that named the folder, for messages (default --out). */
  flag?: string;
  /**
   * Called with the temporary folder once every file is in it, before the rename: files derived from
   * the others (report.html) are written here, so a run appears whole or not at all.
   */
  beforeRename?: (temporaryFolder: string) => void;
}

/**
 * Writes all files of a run into a hidden temporary folder beside the target and renames it into
 * place, so a reader never sees a half-written run, even if the process dies mid-way.
 */
export function writeRunFolder(
  folder: string,
  files: Record<string, string>,
  options: WriteRunFolderOptions = {},
): string {
  const target = prepareRunFolder(options.flag ?? '--out', folder);
  const parent = dirname(target);
  const temporary = join(parent, `.${target.split(/[\\/]/).pop()}.tmp-${process.pid}`);
  rmSync(temporary, { recursive: true, force: true });
  mkdirSync(temporary);
  try {
    for (const [name, content] of Object.entries(files)) writeFileSync(join(temporary, name), content);
    options.beforeRename?.(temporary);
    if (existsSync(target)) rmSync(target, { recursive: true });
    renameSync(temporary, target);
  } catch (error) {
    rmSync(temporary, { recursive: true, force: true });
    throw error;
  }
  return target;
}

/**
 * Checks, before any work starts, that a run can be written where it will go: `out`, or a new
 * folder under the runs directory. Bad input (exit 2) naming --out or HOTLINE_RUNS_DIR otherwise.
 */
export function checkRunOutput(out: string | undefined): void {
  if (out !== undefined) prepareRunFolder('--out', out, { create: false });
  else checkFolderCanBeMade(RUNS_DIR_FLAG, runsDirectory());
}

/** results/runs under the working directory, or HOTLINE_RUNS_DIR. */
export function runsDirectory(): string {
  return resolve(process.env.HOTLINE_RUNS_DIR ?? join('results', 'runs'));
}

/** A readable, sortable id: 20261122-013000-covid-hotline-s1, with -2, -3... if taken. */
export function newRunId(scenario: string, seed: number | string, now: Date, runsDir: string): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  const base = `${stamp}-${scenario}-s${seed}`;
  let id = base;
  for (let n = 2; existsSync(join(runsDir, id)); n++) id = `${base}-${n}`;
  return id;
}
