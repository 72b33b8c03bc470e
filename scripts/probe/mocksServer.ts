// A `hotline mocks` the HTTP cases talk to: started as a user starts it (the built CLI, loopback, a
// free port), watched while the cases run, then stopped with SIGTERM; its own stop is a case too
// (still healthy after every bad request, exit 0 or 143, no stack trace).
import { type ChildProcess, spawn } from 'node:child_process';
import { exitCodeProblem, hasStackTrace, signalExitCode } from './checkContract.js';
import type { CaseResult, ProbeCategory } from './ProbeCase.js';

export interface MocksServer {
  url: string;
  /** Checks /health, stops the server and judges how it stopped. */
  stop(): Promise<CaseResult>;
}

const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 20_000;

export function startMocks(
  cli: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  category: ProbeCategory,
  name: string,
): Promise<MocksServer> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, 'mocks', ...args], {
      env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => {
      killGroup(child, 'SIGKILL');
      reject(
        new Error(
          `hotline mocks ${args.join(' ')} did not print its URL within ${START_TIMEOUT_MS / 1000} s\n${stderr}`,
        ),
      );
    }, START_TIMEOUT_MS);
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      const url = stdout.match(/^(http:\/\/127\.0\.0\.1:\d+)/m)?.[1];
      if (!url) return;
      clearTimeout(timer);
      child.stdout.removeAllListeners('data');
      child.stdout.resume();
      resolve({ url, stop: () => stopMocks(child, url, () => stderr, category, name) });
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`hotline mocks ${args.join(' ')} exited ${code} before serving\n${stderr}`));
    });
  });
}

async function stopMocks(
  child: ChildProcess,
  url: string,
  stderr: () => string,
  category: ProbeCategory,
  name: string,
): Promise<CaseResult> {
  const problems: string[] = [];
  try {
    const health = await fetch(`${url}/health`, { signal: AbortSignal.timeout(10_000) });
    if (health.status !== 200) problems.push(`/health answered ${health.status} after the cases`);
  } catch (error) {
    problems.push(`/health did not answer after the cases: ${String(error)}`);
  }
  if (child.exitCode !== null) problems.push(`the server had exited (${child.exitCode}) before the stop`);
  const exit = new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
    child.on('exit', (code, signal) => resolve([code, signal])),
  );
  child.kill('SIGTERM');
  const timeout = new Promise<'hang'>((resolve) =>
    setTimeout(() => resolve('hang'), STOP_TIMEOUT_MS).unref(),
  );
  const ended = await Promise.race([exit, timeout]);
  if (ended === 'hang') {
    problems.push(`no exit within ${STOP_TIMEOUT_MS / 1000} s of SIGTERM`);
    killGroup(child, 'SIGKILL');
  } else {
    const codeProblem = exitCodeProblem(ended[0], ended[1], [0, signalExitCode('SIGTERM')]);
    if (codeProblem) problems.push(codeProblem);
  }
  if (hasStackTrace(stderr())) problems.push(`stack trace on stderr: ${stderr().slice(0, 600)}`);
  killGroup(child, 'SIGKILL');
  return { category, name, commandLine: `hotline mocks ... (then SIGTERM)`, problems };
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    if (child.pid) process.kill(-child.pid, signal);
  } catch {
    // gone
  }
}
