import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { prepareRunFolder } from '../outputPath.js';

export interface OpenWhatifFolder {
  /** The hidden folder the cells and files are written into while the grid runs. */
  readonly temporary: string;
  /** Where the whatif appears once finished. */
  readonly target: string;
  /** Writes the last files and renames the folder into place: the whatif appears whole. */
  finish(files: Record<string, string>, beforeRename?: (temporary: string) => void): string;
  /** Removes everything written so far (an error or a signal stopped the grid). */
  discard(): void;
}

/**
 * A whatif folder is written as one run folder is (writeRunFolder): into a hidden temporary folder
 * beside the target, renamed into place at the end, so a stopped or failed grid leaves no
 * half-written folder, however many cells had finished.
 */
export function openWhatifFolder(folder: string, flag: string): OpenWhatifFolder {
  const target = prepareRunFolder(flag, folder);
  const temporary = join(dirname(target), `.${target.split(/[\\/]/).pop()}.tmp-${process.pid}`);
  rmSync(temporary, { recursive: true, force: true });
  mkdirSync(temporary);
  const discard = () => rmSync(temporary, { recursive: true, force: true });
  return {
    temporary,
    target,
    finish(files, beforeRename) {
      try {
        for (const [name, content] of Object.entries(files)) writeFileSync(join(temporary, name), content);
        beforeRename?.(temporary);
        if (existsSync(target)) rmSync(target, { recursive: true });
        renameSync(temporary, target);
      } catch (error) {
        discard();
        throw error;
      }
      return target;
    },
    discard,
  };
}
