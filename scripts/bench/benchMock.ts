// `hotline mocks` in its own process for a bench section: started on a free loopback port, stopped
// and waited for, so the next section does not share the cores with a mock still shutting down.
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

export interface BenchMock {
  url: string;
  /** SIGTERM, then waits for the exit (SIGKILL after `graceMs`). */
  stop(graceMs?: number): Promise<void>;
}

/**
 * Starts the built CLI's mocks on `scenario` (`--port 0 --quiet` plus `mockArgs`); `nodeArgs` go to
 * node itself (e.g. `--cpu-prof`). Resolves once the mock prints its URL.
 */
export function startBenchMock(
  repo: string,
  scenario: string,
  mockArgs: readonly string[] = [],
  nodeArgs: readonly string[] = [],
): Promise<BenchMock> {
  const child = spawn(
    process.execPath,
    [...nodeArgs, join(repo, 'dist', 'hotline.js'), 'mocks', scenario, '--port', '0', '--quiet', ...mockArgs],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:\d+/.exec(out);
      if (match) resolve({ url: match[0], stop: (graceMs) => stop(child, exited, graceMs) });
    });
    child.on('exit', (code) => reject(new Error(`the mocks exited with code ${code} before listening`)));
  });
}

async function stop(child: ChildProcess, exited: Promise<void>, graceMs = 5000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}
