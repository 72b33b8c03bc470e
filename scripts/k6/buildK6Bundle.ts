// Bundles the k6 script (TypeScript) into plain ESM for k6, the k6 jslib way: esbuild, format esm,
// platform browser, k6 modules external. `tsc --noEmit` checks its types; esbuild only emits.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { findRepoRoot } from '../repoRoot.js';

export interface K6Bundle {
  /** Absolute path of the bundled script. */
  file: string;
  /** Its text (for the k6-operator ConfigMap). */
  text: string;
}

/** Builds scripts/k6/phoneReplay.ts into <repo>/dist/k6/phoneReplay.js (written atomically). */
export async function buildK6Bundle(outDir?: string): Promise<K6Bundle> {
  const root = repoRoot();
  const entry = join(root, 'scripts', 'k6', 'phoneReplay.ts');
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2020',
    external: ['k6', 'k6/*'],
    write: false,
    logLevel: 'silent',
    legalComments: 'none',
  });
  const text = result.outputFiles[0]!.text;
  const dir = outDir ?? join(root, 'dist', 'k6');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'phoneReplay.js');
  const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, file);
  return { file, text };
}

/** The repository root (the k6 script is built from its sources). */
export function repoRoot(): string {
  const root = findRepoRoot();
  if (!root) throw new Error('cannot find the hotline-harness repository (needed to build the k6 script)');
  return root.dir;
}
