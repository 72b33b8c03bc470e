// Test support: run the built CLI (dist/hotline.js, made by `npm test` before vitest) as a user would,
// with its runs in a folder of the test's own.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repo = fileURLToPath(new URL('../../..', import.meta.url));
const cli = join(repo, 'dist', 'hotline.js');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A fresh runs folder (HOTLINE_RUNS_DIR) and a function that runs `hotline` with it, from the repo root. */
export function builtCli(prefix: string): { runsDir: string; hotline: (...args: string[]) => CliResult } {
  if (!existsSync(cli)) throw new Error('dist/hotline.js is missing: run `npm run build` (npm test does)');
  const runsDir = mkdtempSync(join(tmpdir(), `${prefix}-`));
  const hotline = (...args: string[]): CliResult => {
    const result = spawnSync(process.execPath, [cli, ...args], {
      cwd: repo,
      encoding: 'utf8',
      env: { ...process.env, HOTLINE_RUNS_DIR: runsDir },
    });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  };
  return { runsDir, hotline };
}
