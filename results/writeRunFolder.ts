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

/**
 * A readable, sortable id: 20261122-013000-covid-hotline-s1, with -2, -3... if taken. The scenario's
 * name is free text (a slash, "..", a NUL or 200,000 characters made the folder name escape the runs
 * folder or fail with ENAMETOOLONG after the whole simulation): only its safe characters, at most
 * MAX_NAME_IN_ID of them, go into the id.
 */
export function newRunId(scenario: string, seed: number | string, now: Date, runsDir: string): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  const base = `${stamp}-${safeIdPart(scenario)}-s${safeIdPart(String(seed))}`;
  let id = base;
  for (let n = 2; existsSync(join(runsDir, id)); n++) id = `${base}-${n}`;
  return id;
}

/** Scenario names are for people; file names in run ids keep to letters, digits, '.', '_' and '-'. */
const MAX_NAME_IN_ID = 80;

function safeIdPart(text: string): string {
  const safe = text
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[.-]+|-+$/g, '')
    .slice(0, MAX_NAME_IN_ID);
  return safe === '' ? 'run' : safe;
}
