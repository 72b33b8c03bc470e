import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { InputError } from '../scenarios/inputError.js';

/**
 * Writes all files of a run into a hidden temporary folder beside the target and renames it into
 * place, so a reader never sees a half-written run, even if the process dies mid-way.
 */
export function writeRunFolder(folder: string, files: Record<string, string>): string {
  const target = resolve(folder);
  if (existsSync(target) && readdirSync(target).length > 0) {
    throw new InputError(undefined, [
      { path: '--out', message: 'the run folder exists and is not empty', value: folder },
    ]);
  }
  const parent = dirname(target);
  mkdirSync(parent, { recursive: true });
  const temporary = join(parent, `.${target.split(/[\\/]/).pop()}.tmp-${process.pid}`);
  rmSync(temporary, { recursive: true, force: true });
  mkdirSync(temporary);
  try {
    for (const [name, content] of Object.entries(files)) writeFileSync(join(temporary, name), content);
    if (existsSync(target)) rmSync(target, { recursive: true });
    renameSync(temporary, target);
  } catch (error) {
    rmSync(temporary, { recursive: true, force: true });
    throw error;
  }
  return target;
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
