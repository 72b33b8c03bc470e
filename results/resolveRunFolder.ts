import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { InputError } from '../scenarios/inputError.js';
import { runsDirectory } from './writeRunFolder.js';

/**
 * A run is named by a folder path or by its id under results/runs (HOTLINE_RUNS_DIR). A path wins
 * over an id so that `./x` always means the folder the user sees.
 */
export function resolveRunFolder(nameOrPath: string): string {
  if (isDirectory(nameOrPath)) return resolve(nameOrPath);
  const runsDir = runsDirectory();
  if (/^[A-Za-z0-9_.-]+$/.test(nameOrPath) && isDirectory(join(runsDir, nameOrPath))) {
    return join(runsDir, nameOrPath);
  }
  const what = existsSync(nameOrPath) ? 'is a file, not a run folder' : 'no such run folder or run id';
  throw new InputError(nameOrPath, `${what} (run ids are looked up in ${runsDir})`);
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
