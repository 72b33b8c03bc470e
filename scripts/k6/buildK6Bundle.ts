// Bundles the k6 script (TypeScript) into plain ESM for k6, the k6 jslib way: esbuild, format esm,
// platform browser, k6 modules external. `tsc --noEmit` checks its types; esbuild only emits.
//
// The script's entry is generated here from the list of clients (k6Clients.ts): k6 runs a scenario's
// function by its exported name (`exec`), so the entry imports each client's k6 module and exports its
// scenario function under the channel's name. No source file names the channels' functions.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findRepoRoot } from '../repoRoot.js';
import { K6_CLIENTS } from './k6Clients.js';

export interface K6Bundle {
  /** Absolute path of the bundled script. */
  file: string;
  /** Its text (for the k6-operator ConfigMap). */
  text: string;
}

/** The bundled script's file name (in dist/k6/ and in the k6-operator ConfigMap). */
export const K6_SCRIPT_FILE = 'replay.js';

/** The entry's source: the config read once, the options, one export per client (see the header). */
export function replayEntry(clients: readonly { channel: string; script: string }[]): string {
  const modules = clients.map((client, i) => `import { k6Script as c${i} } from './${client.script}';`);
  const exports = clients.map(
    (client, i) =>
      `export const ${client.channel} = c${i}.scenario(config.channels.${client.channel}, config, token);`,
  );
  return [
    "import { k6Options } from './k6Options.ts';",
    "import { readReplayConfig, replayToken } from './readReplayConfig.ts';",
    ...modules,
    'const config = readReplayConfig();',
    'const token = replayToken(config);',
    `export const options = k6Options(config, [${clients.map((_, i) => `c${i}`).join(', ')}]);`,
    ...exports,
    '',
  ].join('\n');
}

/** Builds the k6 script into <repo>/dist/k6/replay.js (written atomically). */
export async function buildK6Bundle(outDir?: string): Promise<K6Bundle> {
  const root = repoRoot();
  // Loaded here, not at the top: every other command of the CLI starts faster without it.
  const { build } = await import('esbuild');
  const result = await build({
    stdin: {
      contents: replayEntry(K6_CLIENTS),
      resolveDir: join(root, 'scripts', 'k6'),
      sourcefile: 'replay.ts',
      loader: 'ts',
    },
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
  const file = join(dir, K6_SCRIPT_FILE);
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
