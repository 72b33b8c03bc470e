import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { repo } from './builtCli.js';

export interface InterruptedRun {
  code: number | null;
  /** The signal that killed the process, null when it handled the signal and exited by itself. */
  killedBy: string | null;
  /** Whether `sendOn` was seen and the signal sent. */
  sent: boolean;
  stdout: string;
  stderr: string;
}

/**
 * The built CLI stopped by a signal: the signal is sent when stderr first matches `sendOn` (a step
 * the command reports, an event rather than a sleep), and the promise settles on the exit event.
 */
export function interruptedCli(
  args: readonly string[],
  sendOn: RegExp,
  signal: 'SIGINT' | 'SIGTERM',
): Promise<InterruptedRun> {
  const child = spawn(process.execPath, [join(repo, 'dist', 'hotline.js'), ...args], {
    cwd: repo,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  let stdout = '';
  let sent = false;
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
    if (!sent && sendOn.test(stderr)) {
      sent = true;
      child.kill(signal);
    }
  });
  return new Promise((resolve) =>
    child.on('exit', (code, killedBy) => resolve({ code, killedBy, sent, stdout, stderr })),
  );
}
