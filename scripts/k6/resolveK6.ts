// Finds a usable k6 binary (v2 or newer) without installing anything.
// To get one, run `npm run setup:k6` (scripts/setupK6.mjs builds it into .tools/bin with Go).
import { execFile } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { findRepoRoot } from '../repoRoot.js';

export type K6Source = 'K6_BIN' | 'PATH' | 'tools';

export interface ResolvedK6 {
  /** Absolute (or K6_BIN-as-given) path of the k6 executable. */
  path: string;
  /** Version as k6 reports it, e.g. `v2.2.0`. */
  version: string;
  source: K6Source;
}

const MIN_MAJOR = 2;
const EXE = process.platform === 'win32' ? 'k6.exe' : 'k6';

/**
 * Looks for k6 in this order: `$K6_BIN`, `k6` on PATH, `<repo>/.tools/bin/k6` (or `$HOTLINE_K6_TOOLS_DIR/k6`).
 * The first one whose `k6 version` reports v2 or newer wins. Throws an Error with install hints otherwise.
 */
export async function resolveK6(): Promise<ResolvedK6> {
  const rejected: string[] = [];
  const candidates: { path: string; source: K6Source }[] = [];

  const fromEnv = process.env.K6_BIN?.trim();
  if (fromEnv) candidates.push({ path: fromEnv, source: 'K6_BIN' });
  const onPath = findOnPath(EXE);
  if (onPath) candidates.push({ path: onPath, source: 'PATH' });
  // HOTLINE_K6_TOOLS_DIR replaces <repo>/.tools/bin (tests use an empty folder to see the install hints).
  const root = repoRoot();
  const toolsDir =
    process.env.HOTLINE_K6_TOOLS_DIR?.trim() || (root ? join(root, '.tools', 'bin') : undefined);
  if (toolsDir) candidates.push({ path: join(toolsDir, EXE), source: 'tools' });

  for (const c of candidates) {
    if (!isExecutable(c.path)) {
      // A missing .tools binary is the normal "not set up yet" case; don't list it as a rejection.
      if (c.source !== 'tools') rejected.push(`${c.source}: ${c.path} is not an executable file`);
      continue;
    }
    const version = await k6Version(c.path);
    if (!version) {
      rejected.push(`${c.source}: \`${c.path} version\` did not report a k6 version`);
      continue;
    }
    if (majorOf(version) < MIN_MAJOR) {
      rejected.push(`${c.source}: ${c.path} is k6 ${version}, need v${MIN_MAJOR} or newer`);
      continue;
    }
    return { path: c.path, version, source: c.source };
  }

  const lines = [
    `No k6 v${MIN_MAJOR}+ found (looked at $K6_BIN, k6 on PATH, <repo>/.tools/bin/k6).`,
    ...rejected.map((r) => `  - ${r}`),
    'To install k6 do one of:',
    '  - npm run setup:k6        (builds the pinned k6 into .tools/bin; needs Go, first run takes a few minutes)',
    '  - export K6_BIN=/path/to/k6   (any k6 v2+ binary)',
    '  - install k6 v2+ from its packages (apt/dnf/brew/winget, Docker grafana/k6, or GitHub releases):',
    '    https://grafana.com/docs/k6/latest/set-up/install-k6/',
  ];
  throw new Error(lines.join('\n'));
}

/** `k6 version` → `v2.2.0` (first `vX.Y.Z[-pre]` on the first line), or undefined if it fails. */
function k6Version(bin: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile(bin, ['version'], { timeout: 15_000, windowsHide: true }, (err, stdout) => {
      if (err) return resolve(undefined);
      const firstLine = String(stdout).split('\n')[0] ?? '';
      const m = /^k6 (v\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)/.exec(firstLine.trim());
      resolve(m ? m[1] : undefined);
    });
  });
}

function majorOf(version: string): number {
  return Number(/^v(\d+)/.exec(version)?.[1] ?? 0);
}

function isExecutable(p: string): boolean {
  try {
    if (!statSync(p).isFile()) return false;
    accessSync(p, process.platform === 'win32' ? constants.F_OK : constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function findOnPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const p = join(dir, name);
    if (isExecutable(p)) return p;
  }
  return undefined;
}

function repoRoot(): string | undefined {
  return findRepoRoot()?.dir;
}
