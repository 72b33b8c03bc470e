// `npm test` runs this first, so the README's two commands work on a fresh machine: it resolves a
// real k6 (building the pinned one with Go when needed) and Debian's headless Chromium for the
// report browser tests (installed with apt-get when running as root; otherwise it says how).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const CHROMIUM = process.env.HOTLINE_CHROMIUM ?? '/usr/bin/chromium';

function ensureK6() {
  const script = fileURLToPath(new URL('./setupK6.mjs', import.meta.url));
  const result = spawnSync(process.execPath, [script], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function ensureChromium() {
  if (existsSync(CHROMIUM)) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (!isRoot || !hasApt) {
    process.stderr.write(
      `Chromium is missing at ${CHROMIUM}; the report tests need it.\n` +
        "Install Debian's package (sudo apt-get install chromium) or set HOTLINE_CHROMIUM to a Chromium binary.\n",
    );
    process.exit(1);
  }
  process.stderr.write('installing Debian chromium for the report browser tests (first time only)...\n');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env,
  });
}

ensureK6();
ensureChromium();
