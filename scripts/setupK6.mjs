// Resolves a k6 v2+ binary for the load-test harness, building it with Go when needed.
// Usage: node scripts/setupK6.mjs   (plain Node, no dependencies; idempotent, instant once built)
//
// Order: $K6_BIN, then `k6` on PATH (either used if `k6 version` is v2+), then <repo>/.tools/bin/k6
// (used if v2+ and not older than the pin), else build the pin with
//   GOTOOLCHAIN=local GOBIN=<repo>/.tools/bin go install go.k6.io/k6/v2@<K6_VERSION>
//
// PINNED k6 VERSION: v2.2.0. Why: v2 versions known to the Go module proxy (checked 2026-11) are
// v2.0.0-rc1, v2.0.0, v2.1.0, v2.2.0 and v2.3.0. v2.3.0 is the newest, but its module zip can't be
// downloaded here (the proxy answers 403 "This module version is not available"), and its go.mod
// says `go 1.26.0`, so on a Go older than 1.26 it would not build with GOTOOLCHAIN=local anyway.
// v2.2.0 (go.mod: `go 1.25.0`) is the newest that downloads and builds with the local Go 1.26.x
// toolchain under GOTOOLCHAIN=local. Clean build: about 1 minute on 2 cores, about 350 MB of module
// cache plus about 530 MB of Go build cache, 65 MB binary.
// To bump: change K6_VERSION below, then `rm .tools/bin/k6 && node scripts/setupK6.mjs`.
//
// Note: `go install pkg@version` looks up the module's version list to check for deprecation. Module
// proxies that can't list go.k6.io/k6/v2 (404 on @v/list) make that fail, so on that specific error
// the script falls back to building the same pinned version inside a throwaway module
// (`go get` + `go build`), which avoids the version-list lookup. The checksum database still verifies it.
import { execFile, spawn } from 'node:child_process';
import { accessSync, constants, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const K6_VERSION = 'v2.2.0';
const K6_MODULE = 'go.k6.io/k6/v2';
const MIN_MAJOR = 2;
const EXE = process.platform === 'win32' ? 'k6.exe' : 'k6';
const FALLBACK_GO = '/usr/local/go/bin/go';

const repo = dirname(dirname(fileURLToPath(import.meta.url)));
const toolsBin = join(repo, '.tools', 'bin');
const toolsK6 = join(toolsBin, EXE);

const log = (msg) => process.stderr.write(`setup:k6: ${msg}\n`);

const INSTALL_HINTS = [
  'Ways to get k6 v2+:',
  '  - install Go (https://go.dev/dl/, Go 1.25 or newer) and rerun: npm run setup:k6',
  '  - export K6_BIN=/path/to/k6   (any k6 v2+ binary)',
  '  - install k6 v2+ from its packages (apt/dnf/brew/winget, Docker grafana/k6, or GitHub releases):',
  '    https://grafana.com/docs/k6/latest/set-up/install-k6/',
].join('\n');

function isExecutable(p) {
  try {
    if (!statSync(p).isFile()) return false;
    accessSync(p, process.platform === 'win32' ? constants.F_OK : constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function findOnPath(name) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const p = join(dir, name);
    if (isExecutable(p)) return p;
  }
  return undefined;
}

/** `k6 version` → 'v2.2.0', or undefined. */
function k6Version(bin) {
  if (!isExecutable(bin)) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    execFile(bin, ['version'], { timeout: 15_000, windowsHide: true }, (err, stdout) => {
      if (err) return resolve(undefined);
      const m = /^k6 (v\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)/.exec(String(stdout).split('\n')[0].trim());
      resolve(m ? m[1] : undefined);
    });
  });
}

/** Compare 'vA.B.C[-pre]' versions; prereleases sort before their release. */
function compareVersions(a, b) {
  const parse = (v) => {
    const m = /^v(\d+)\.(\d+)\.(\d+)(-.+)?$/.exec(v) ?? [];
    return [Number(m[1] ?? 0), Number(m[2] ?? 0), Number(m[3] ?? 0), m[4] ? 0 : 1];
  };
  const pa = parse(a);
  const pb = parse(b);
  for (let i = 0; i < pa.length; i++) if (pa[i] !== pb[i]) return pa[i] - pb[i];
  return 0;
}

const majorOf = (v) => Number(/^v(\d+)/.exec(v)?.[1] ?? 0);

/** Runs a command; streams nothing, returns { code, out } with stdout+stderr combined. */
function run(cmd, args, opts) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { ...opts, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      out += d;
    });
    child.on('error', (e) => resolve({ code: 127, out: `${out}${e.message}\n` }));
    child.on('close', (code) => resolve({ code: code ?? 1, out }));
  });
}

async function buildWithGo(goBin) {
  mkdirSync(toolsBin, { recursive: true });
  const env = { ...process.env, GOTOOLCHAIN: 'local', GOBIN: toolsBin };
  const started = Date.now();
  log(`building k6 ${K6_VERSION} with go ${goBin} into ${toolsBin} (first time only, takes a few minutes)`);

  let res = await run(goBin, ['install', `${K6_MODULE}@${K6_VERSION}`], { env, cwd: repo });
  if (res.code !== 0 && /loading deprecation for/.test(res.out)) {
    // The proxy can't list the module's versions; build the same version in a throwaway module instead.
    log(
      'module proxy cannot list k6 versions (needed by `go install pkg@version`); building via a temporary module',
    );
    const tmp = mkdtempSync(join(repo, '.tools', 'k6-build-'));
    try {
      writeFileSync(join(tmp, 'go.mod'), 'module k6build\n\ngo 1.25\n');
      res = await run(goBin, ['get', `${K6_MODULE}@${K6_VERSION}`], { env, cwd: tmp });
      if (res.code === 0) res = await run(goBin, ['build', '-o', toolsK6, K6_MODULE], { env, cwd: tmp });
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  }
  if (res.code !== 0) {
    process.stderr.write(res.out);
    log(`go build of k6 ${K6_VERSION} failed (exit ${res.code}).`);
    if (/requires go >=|GOTOOLCHAIN=local/.test(res.out))
      log('your Go is too old for this k6; install a newer Go.');
    log(INSTALL_HINTS);
    process.exit(1);
  }
  log(`built in ${Math.round((Date.now() - started) / 1000)}s`);
}

async function main() {
  // 1. An existing k6 v2+ from K6_BIN or PATH.
  const external = [];
  if (process.env.K6_BIN?.trim()) external.push(['K6_BIN', process.env.K6_BIN.trim()]);
  const onPath = findOnPath(EXE);
  if (onPath) external.push(['PATH', onPath]);
  for (const [source, bin] of external) {
    const v = await k6Version(bin);
    if (v && majorOf(v) >= MIN_MAJOR) return done(bin, v, source);
    log(`ignoring ${source} k6 at ${bin}: ${v ? `${v} is older than v${MIN_MAJOR}` : 'not a working k6'}`);
  }

  // 2. A previous build in .tools/bin (rebuilt if older than the pin).
  const have = await k6Version(toolsK6);
  if (have && majorOf(have) >= MIN_MAJOR && compareVersions(have, K6_VERSION) >= 0) {
    return done(toolsK6, have, 'tools');
  }
  if (have) log(`${toolsK6} is ${have}, pinned is ${K6_VERSION}; rebuilding`);

  // 3. Build it.
  const goBin =
    findOnPath(process.platform === 'win32' ? 'go.exe' : 'go') ??
    (isExecutable(FALLBACK_GO) ? FALLBACK_GO : undefined);
  if (!goBin) {
    log(
      `no k6 v${MIN_MAJOR}+ found and no Go toolchain to build one (looked for \`go\` on PATH and ${FALLBACK_GO}).`,
    );
    log(INSTALL_HINTS);
    process.exit(1);
  }
  await buildWithGo(goBin);
  const built = await k6Version(toolsK6);
  if (!built || majorOf(built) < MIN_MAJOR) {
    log(
      `build finished but \`${toolsK6} version\` did not report k6 v${MIN_MAJOR}+ (got ${built ?? 'nothing'})`,
    );
    process.exit(1);
  }
  return done(toolsK6, built, 'tools');
}

function done(path, version, source) {
  log(`using k6 ${version} from ${source}`);
  process.stdout.write(`k6 ${version} ${path}\n`);
}

await main();
