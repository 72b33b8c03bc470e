// Runs the built CLI as a user would, in its own process group, with a wall-clock limit (past it the
// whole group is killed and the case is a hang), optionally a signal at a given moment, and a watch
// over the processes it starts (k6) so the probe can check none survives it.
import { spawn } from 'node:child_process';
import type { CliOutcome } from './ProbeCase.js';
import { familyOf, isAlive } from './processTable.js';

export interface ChildOptions {
  command: string;
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  timeoutMs: number;
  signal?: { name: 'SIGINT' | 'SIGTERM'; afterMs: number; toGroup: boolean; when?: RegExp };
  /** Called once the child printed its first stdout line (a server's URL); resolves when done with it. */
  onFirstLine?: (line: string) => Promise<void>;
}

const OUTPUT_CAP = 1 << 20;
const WATCH_EVERY_MS = 150;

export function runChild(options: ChildOptions): Promise<CliOutcome> {
  return new Promise((resolve) => {
    const child = spawn(options.command, options.args, {
      cwd: options.cwd,
      env: options.env,
      detached: true, // its own process group: a timeout kills the command and whatever it started
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const pid = child.pid ?? -1;
    const outcome: CliOutcome = {
      code: null,
      signal: null,
      stdout: '',
      stderr: '',
      timedOut: false,
      seenProcesses: new Map(),
    };
    const watch = () => {
      for (const p of familyOf(pid)) outcome.seenProcesses.set(p.pid, p.command);
    };
    const watcher = setInterval(watch, WATCH_EVERY_MS);
    let signalSent = false;
    const sendSignal = () => {
      if (signalSent || !options.signal) return;
      signalSent = true;
      watch();
      try {
        process.kill(options.signal.toGroup ? -pid : pid, options.signal.name);
      } catch {
        // already gone
      }
    };
    let signalTimer: NodeJS.Timeout | undefined;
    if (options.signal && !options.signal.when) signalTimer = setTimeout(sendSignal, options.signal.afterMs);
    const onOutput = () => {
      const when = options.signal?.when;
      if (when && !signalSent && when.test(outcome.stdout + outcome.stderr) && !signalTimer) {
        signalTimer = setTimeout(sendSignal, options.signal?.afterMs ?? 0);
      }
    };
    let firstLineSeen = false;
    child.stdout.on('data', (chunk: Buffer) => {
      if (outcome.stdout.length < OUTPUT_CAP) outcome.stdout += chunk.toString('utf8');
      onOutput();
      if (!firstLineSeen && options.onFirstLine && outcome.stdout.includes('\n')) {
        firstLineSeen = true;
        void options.onFirstLine(outcome.stdout.split('\n')[0]!).finally(() => {
          watch();
          killGroup(pid, 'SIGTERM');
        });
      }
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (outcome.stderr.length < OUTPUT_CAP) outcome.stderr += chunk.toString('utf8');
      onOutput();
    });
    const deadline = setTimeout(() => {
      outcome.timedOut = true;
      watch();
      killGroup(pid, 'SIGKILL');
    }, options.timeoutMs);
    child.on('close', (code, signal) => {
      clearInterval(watcher);
      clearTimeout(deadline);
      if (signalTimer) clearTimeout(signalTimer);
      outcome.code = code;
      outcome.signal = signal;
      resolve(outcome);
    });
  });
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // the group is gone
  }
}

/**
 * The processes the command started that outlived it (checked by PID, after a grace for their own
 * shutdown); they are killed here so the probe leaves nothing behind, and returned as problems.
 */
export async function survivors(outcome: CliOutcome, graceMs = 3000): Promise<string[]> {
  const deadline = Date.now() + graceMs;
  let alive = [...outcome.seenProcesses].filter(([pid]) => isAlive(pid));
  while (alive.length > 0 && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    alive = alive.filter(([pid]) => isAlive(pid));
  }
  for (const [pid] of alive) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // gone meanwhile
    }
  }
  return alive.map(([pid, command]) => `process left running: ${pid} ${command.slice(0, 160)}`);
}
