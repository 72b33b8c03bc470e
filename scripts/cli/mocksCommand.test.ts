import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildMocks } from '../../mocks/buildMocks.js';
import { InputError } from '../../scenarios/inputError.js';
import { loadScenarioFile } from '../../scenarios/loadScenario.js';
import { isLoopback, type MocksFlags, mocksServerOptions, registerMocksCommand } from './mocksCommand.js';
import { runCli } from './runCli.js';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const scenarioFile = join(repo, 'scenarios', 'stationary-mmc.json');
const defaults: MocksFlags = {
  port: 0,
  host: '127.0.0.1',
  timeScale: 1,
  seed: 1,
  day: 1,
  logLevel: 'warn',
  patience: 'scenario',
};

afterEach(() => {
  vi.restoreAllMocks();
});

async function cli(...args: string[]): Promise<{ code: number; stderr: string }> {
  let stderr = '';
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  const code = await runCli(['mocks', ...args], [registerMocksCommand], 'test');
  vi.restoreAllMocks();
  return { code, stderr };
}

describe('hotline mocks flags', () => {
  it('bad flags exit 2 with the flag named, before anything listens', async () => {
    const cases: [string[], string][] = [
      [['--time-scale', '0'], '--time-scale'],
      [['--time-scale', 'fast'], '--time-scale'],
      [['--error-rate', '1.5'], '--error-rate'],
      [['--start', '25:00'], '--start'],
      [['--outage', '12:00'], '--outage'],
      [['--latency', 'soon'], '--latency'],
      [['--latency', '{"kind":"exponential","mean":"fast"}'], '--latency/mean'],
      // Issue 10: accepted before, and then the mocks stopped answering or lied.
      [['--time-scale', '1e12'], '--time-scale'],
      [['--time-scale', '1000000000000'], '0 < N <= 100000'],
      [['--latency', '30d'], '--latency: latency too long'],
      [['--latency', '{"kind":"erlang","mean":"50ms","k":100000000}'], '--latency/k'],
      [['--port', '70000'], '--port'],
      [['--day', '2'], '--day'],
      [['--host', '0.0.0.0'], '--host'],
      [['--log-level', 'loud'], '--log-level'],
      [['--patience', 'server'], '--patience'],
      [['--callees', 'people'], '--callees'],
    ];
    for (const [flags, named] of cases) {
      const { code, stderr } = await cli(scenarioFile, '--port', '0', ...flags);
      expect(code, flags.join(' ')).toBe(2);
      expect(stderr, flags.join(' ')).toContain(named);
    }
  });

  it('maps flags onto server options (start of day and window, faults)', () => {
    const scenario = loadScenarioFile(scenarioFile);
    const options = mocksServerOptions(scenario, {
      ...defaults,
      start: 8 * 3600,
      errorRate: 0.1,
      latency: '50ms',
      outage: { from: '12:00', to: '12:30' },
      quiet: true,
      patience: 'client',
      callees: 'client',
    });
    expect(options).toMatchObject({
      patience: 'client',
      callees: 'client',
      host: '127.0.0.1',
      port: 0,
      startAtS: 8 * 3600,
      logger: false,
      faults: { errorRate: 0.1, addedLatency: '50ms', outage: { from: '12:00', to: '12:30' } },
    });
    expect(options.warmStart).toBe(false);
    expect(
      mocksServerOptions(scenario, { ...defaults, day: 1, start: 9 * 3600, warmStart: true }),
    ).toMatchObject({
      startAtS: 9 * 3600,
      warmStart: true,
    });
    expect(() => mocksServerOptions(scenario, { ...defaults, host: '10.0.0.1' })).toThrow(InputError);
    expect(mocksServerOptions(scenario, { ...defaults, host: '10.0.0.1', allowRemote: true }).host).toBe(
      '10.0.0.1',
    );
  });

  it('a port already in use is exit 2 naming --port, not an internal error', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const { code, stderr } = await cli(scenarioFile, '--port', String(port), '--quiet');
      expect(code, stderr).toBe(2);
      expect(stderr).toMatch(new RegExp(`^error: --port: port ${port} is already in use on 127\\.0\\.0\\.1`));
      expect(stderr).not.toContain('internal error');
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('buildMocks refuses a time scale the event loop cannot keep up with', async () => {
    const scenario = loadScenarioFile(scenarioFile);
    await expect(buildMocks(scenario, { timeScale: 1e12 })).rejects.toThrow(/timeScale.*0 < N <= 100000/);
    const app = await buildMocks(scenario, { timeScale: 100_000 });
    await app.close();
  });

  it('knows loopback hosts', () => {
    expect(['127.0.0.1', '127.1.2.3', '::1', 'localhost'].every(isLoopback)).toBe(true);
    expect(['0.0.0.0', '::', '192.168.1.1', 'example.com'].some(isLoopback)).toBe(false);
  });

  it('the built CLI starts, prints the URL, serves, and stops on SIGTERM', async () => {
    const built = join(repo, 'dist', 'hotline.js');
    if (!existsSync(built))
      throw new Error('dist/hotline.js is missing: run `npm run build` (npm test does)');
    const child = spawn(
      process.execPath,
      [built, 'mocks', scenarioFile, '--port', '0', '--time-scale', '60'],
      {
        cwd: repo,
      },
    );
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (chunk) => {
          out += String(chunk);
          const line = out.split('\n')[0]!;
          if (out.includes('\n')) resolve(line);
        });
        child.on('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
      });
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const response = await fetch(`${url}/v1/calls`, { method: 'POST' });
      expect(((await response.json()) as { outcome: string }).outcome).toBe('answered');
      const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  }, 10_000);
});
