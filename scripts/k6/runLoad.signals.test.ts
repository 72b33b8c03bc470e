// SIGINT/SIGTERM to `hotline load` (issue 10): k6 used to keep running, re-parented, still sending
// load, with its temporary folder left behind. The built CLI runs as a real subprocess with the real
// k6 against its own mocks on loopback; the test waits for k6 to be running (file-system events, never
// a measured time), signals, and checks by PID that nothing is left.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, watch } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repo } from '../cli/testing/builtCli.js';
import { resolveK6 } from './resolveK6.js';

const cli = join(repo, 'dist', 'hotline.js');

/** PIDs of the direct children of `pid` (Linux /proc). */
function childrenOf(pid: number): number[] {
  const tasks = join('/proc', String(pid), 'task');
  if (!existsSync(tasks)) return [];
  return readdirSync(tasks).flatMap((tid) => {
    try {
      return readFileSync(join(tasks, tid, 'children'), 'utf8')
        .trim()
        .split(/\s+/)
        .filter(Boolean)
        .map(Number);
    } catch {
      return [];
    }
  });
}

function commandOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return '';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

/**
 * Resolves with the first entry of `dir` that `matches`, on a file-system event (fs.watch), never by
 * polling a clock; rejects if hotline exits first. Checked once after the watch starts, so an entry
 * made before it is not missed.
 */
function untilEntry(dir: string, matches: (name: string) => boolean, child: ChildProcess, what: string) {
  return new Promise<string>((resolve, reject) => {
    let settled = false;
    const watcher = watch(dir);
    const onExit = (code: number | null) => settle(new Error(`hotline exited (${code}) before ${what}`));
    const settle = (error: Error | null, name?: string) => {
      if (settled) return;
      settled = true;
      watcher.close();
      child.off('exit', onExit);
      if (error) reject(error);
      else resolve(name!);
    };
    const check = () => {
      const found = readdirSync(dir).find(matches);
      if (found !== undefined) settle(null, found);
    };
    watcher.on('change', check);
    watcher.on('error', (error) => settle(error));
    child.on('exit', onExit);
    check();
  });
}

describe.runIf(process.platform === 'linux')('hotline load stopped by a signal', () => {
  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)(
    '%s: forwards it to k6, awaits it, closes the mocks, removes the temp folder, exits %i',
    async (signal, exitCode) => {
      const k6 = await resolveK6();
      const dir = mkdtempSync(join(tmpdir(), 'hotline-load-signal-'));
      const temp = join(dir, 'tmp');
      mkdirSync(temp);
      const out = join(dir, 'out');
      // Two model hours at 60x: two wall minutes of load, far longer than the test waits.
      const child = spawn(
        process.execPath,
        [
          cli,
          'load',
          'scenarios/stationary-mmc.json',
          '--time-scale',
          '60',
          '--to',
          '02:00',
          '--segments',
          '2',
          '--quiet',
          '--out',
          out,
        ],
        {
          cwd: repo,
          env: { ...process.env, K6_BIN: k6.path, TMPDIR: temp },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      let stderr = '';
      child.stderr!.on('data', (chunk) => {
        stderr += String(chunk);
      });
      child.stdout!.resume();
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      let k6Pids: number[] = [];
      try {
        // Each k6 opens its points file when it starts: both files there, both k6 processes run.
        const work = join(
          temp,
          await untilEntry(temp, (n) => n.startsWith('hotline-k6-'), child, 'the work folder'),
        );
        for (const i of [0, 1]) await untilEntry(work, (n) => n === `points-${i}.json.gz`, child, `k6 ${i}`);
        k6Pids = childrenOf(child.pid!).filter((pid) => commandOf(pid).includes(' run '));
        expect(k6Pids).toHaveLength(2);
        const mocksUrl = JSON.parse(readFileSync(join(work, 'k6-config.json'), 'utf8')).target as string;
        expect(mocksUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

        child.kill(signal);
        expect(await exited).toBe(exitCode);
        expect(stderr).toContain(`interrupted by ${signal}`);
        expect(stderr).not.toMatch(/internal error|^\s+at /m);
        for (const pid of k6Pids) expect(isAlive(pid), `k6 ${pid}`).toBe(false);
        expect(readdirSync(temp)).toEqual([]);
        expect(existsSync(out)).toBe(false);
        await expect(fetch(`${mocksUrl}/health`)).rejects.toThrow();
      } finally {
        if (child.exitCode === null) child.kill('SIGKILL');
        for (const pid of k6Pids) if (isAlive(pid)) process.kill(pid, 'SIGKILL');
      }
    },
  );
});
