// Output paths are checked before any work starts (a simulation or a k6 replay can take minutes), and
// every way they can be wrong is bad input (exit 2) naming the flag: a file where a folder is due, a
// folder under a file, a dangling symbolic link, a folder that cannot be created (e.g. under /proc,
// where Node's recursive mkdir never returns), a folder that cannot be written.
import {
  closeSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  rmdirSync,
  type Stats,
  statSync,
  unlinkSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { InputError } from '../scenarios/inputError.js';

/**
 * Checks that `folder` can become a new run folder: absent or an empty folder, under folders that
 * exist or can be created, the nearest existing one writable. With `create`, missing parents are
 * made (one level at a time); without, nothing is created (the check before the work starts).
 * Returns the absolute path.
 */
export function prepareRunFolder(flag: string, folder: string, { create = true } = {}): string {
  const target = resolve(folder);
  const entry = lstat(target);
  if (entry?.isSymbolicLink()) {
    fail(
      flag,
      folder,
      stat(target)
        ? 'is a symbolic link; give the folder it leads to'
        : 'is a symbolic link to nothing (dangling)',
    );
  }
  if (entry && !entry.isDirectory()) fail(flag, folder, 'is a file, not a folder');
  if (entry?.isDirectory() && !isEmptyFolder(target)) {
    fail(flag, folder, 'the run folder exists and is not empty');
  }
  const parent = dirname(target);
  if (create) probeFolder(flag, folder, ensureFolder(flag, parent));
  else checkFolderCanBeMade(flag, parent, folder);
  return target;
}

/**
 * Checks, creating nothing, that `folder` is a folder or can be made one, and that files can be
 * written where it is or would be (its nearest existing ancestor).
 */
export function checkFolderCanBeMade(flag: string, folder: string, shown = folder): void {
  probeFolder(flag, shown, nearestExistingFolder(flag, shown, folder));
}

function probeFolder(flag: string, shown: string, folder: string): void {
  probeWritable(flag, shown, folder, () => rmdirSync(mkdtempSync(join(folder, '.hotline-probe-'))));
}

/**
 * Checks that `file` can be written (created or replaced): not a folder or a dangling link, in an
 * existing folder that can be written. Returns the absolute path.
 */
export function checkOutputFile(flag: string, file: string): string {
  const target = resolve(file);
  const entry = lstat(target);
  if (entry?.isSymbolicLink() && !stat(target)) fail(flag, file, 'is a symbolic link to nothing (dangling)');
  if (entry && stat(target)?.isDirectory()) fail(flag, file, 'is a folder, not a file');
  const parent = dirname(target);
  const parentEntry = stat(parent);
  if (!parentEntry?.isDirectory()) {
    const existing = nearestExisting(parent);
    fail(
      flag,
      file,
      stat(existing)?.isDirectory()
        ? `the folder ${parent} does not exist`
        : `${existing} is a file, not a folder`,
    );
  }
  probeWritable(flag, file, parent, () => {
    const probe = `${target}.probe-${process.pid}`;
    closeSync(openSync(probe, 'wx'));
    unlinkSync(probe);
  });
  return target;
}

/**
 * Makes `folder` exist as a folder (like mkdir -p, but one level at a time: Node's recursive mkdir
 * spins forever where a level cannot be created, e.g. under /proc). Returns the absolute path.
 */
export function ensureFolder(flag: string, folder: string): string {
  const target = resolve(folder);
  const existing = nearestExistingFolder(flag, folder, target);
  const missing: string[] = [];
  for (let at = target; at !== existing; at = dirname(at)) missing.push(at);
  for (const level of missing.reverse()) {
    try {
      mkdirSync(level);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST' && stat(level)?.isDirectory()) continue;
      fail(flag, folder, `cannot create the folder ${level} (${code ?? 'error'})`);
    }
  }
  return target;
}

/** `path` or its nearest ancestor that exists; a file or a dangling link on the way is bad input. */
function nearestExistingFolder(flag: string, value: string, path: string): string {
  let at = resolve(path);
  for (;;) {
    const entry = lstat(at);
    if (entry) {
      const resolved = entry.isSymbolicLink() ? stat(at) : entry;
      if (!resolved) fail(flag, value, `${at} is a symbolic link to nothing (dangling)`);
      if (!resolved.isDirectory()) fail(flag, value, `${at} is a file, not a folder`);
      return at;
    }
    const up = dirname(at);
    if (up === at) return at;
    at = up;
  }
}

function probeWritable(flag: string, shown: string, folder: string, probe: () => void): void {
  try {
    probe();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    fail(flag, shown, `cannot write in ${folder} (${code ?? 'error'})`);
  }
}

function nearestExisting(path: string): string {
  let at = path;
  while (dirname(at) !== at && !stat(at)) at = dirname(at);
  return at;
}

function isEmptyFolder(path: string): boolean {
  try {
    return readdirSync(path).length === 0;
  } catch {
    return false;
  }
}

function fail(flag: string, value: string, message: string): never {
  throw new InputError(undefined, [{ path: flag, message, value }]);
}

function lstat(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

function stat(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}
