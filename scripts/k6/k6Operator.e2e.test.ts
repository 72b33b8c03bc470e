import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CallResult } from '../../mocks/phone/callTypes.js';
import { startMocks } from '../../mocks/server.js';
import { loadScenarioFile } from '../../scenarios/loadScenario.js';
import { repo } from '../cli/testing/builtCli.js';
import { resolveK6 } from './resolveK6.js';
import { segmentArgs } from './runLoad.js';

// The manifests of `hotline load --emit-k6-operator` exercised without a cluster, with the REAL k6:
// the ConfigMap's files in a local folder standing for the runners' /test mount, and one k6 process
// per runner with the TestRun's arguments and the execution segment the operator gives runner i of
// `parallelism`, against the mocks on 127.0.0.1. Every planned caller must be called exactly once
// across the runners (k6's own records), and the mocks must see no caller twice. Everything is
// spawned asynchronously: a blocked event loop here would make the mocks in this process answer 503. Bounded: 200 calls (1 hour of stationary-mmc at time scale 900: 4 s of load).

/** `key: |` blocks of a ConfigMap's data, as the hand-written YAML of k6Operator.ts lays them out. */
function configMapFiles(yaml: string): Record<string, string> {
  const files: Record<string, string> = {};
  let key: string | undefined;
  for (const line of yaml.split('\n')) {
    const start = /^ {2}([A-Za-z0-9._-]+): \|$/.exec(line);
    if (start) {
      key = start[1]!;
      files[key] = '';
    } else if (key !== undefined && (line.startsWith('    ') || line === '')) {
      files[key] += `${line.slice(4)}\n`;
    } else {
      key = undefined;
    }
  }
  return files;
}

function field(yaml: string, name: string): string {
  const match = new RegExp(`^\\s*${name}: (.+)$`, 'm').exec(yaml);
  if (!match) throw new Error(`no ${name} in the TestRun`);
  return match[1]!;
}

function run(command: string, args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: repo,
      env: { ...process.env, K6_AUTO_EXTENSION_RESOLUTION: 'false' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('exit', (code) => resolve({ code, stderr }));
  });
}

/** Caller numbers of the first attempts in k6 JSON outputs (the `calls` points, call_id metadata). */
function firstAttempts(files: string[], runId: string): number[] {
  const numbers: number[] = [];
  for (const file of files) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (!line.includes('"metric":"calls"') || !line.includes('"type":"Point"')) continue;
      const point = JSON.parse(line).data;
      if (point.tags.attempt !== 'first') continue;
      numbers.push(Number(String(point.metadata.call_id).slice(runId.length + 1)));
    }
  }
  return numbers.sort((a, b) => a - b);
}

describe('hotline load --emit-k6-operator, run as the operator would (real k6)', () => {
  it('parallelism 3: three segmented k6 runners from the ConfigMap call every planned caller exactly once', async () => {
    const k6 = (await resolveK6()).path;
    const dir = mkdtempSync(join(tmpdir(), 'hotline-k6-operator-'));
    const scenario = loadScenarioFile(join(repo, 'scenarios', 'stationary-mmc.json'));
    const ended: CallResult[] = [];
    const mocks = await startMocks(scenario, {
      port: 0,
      timeScale: 900,
      clockStart: 'firstCall',
      patience: 'client',
      onContactEnd: (_channel, result) => ended.push(result as CallResult),
    });
    try {
      const emit = await run(process.execPath, [
        join(repo, 'dist', 'hotline.js'),
        ...['load', 'scenarios/stationary-mmc.json', '--target', mocks.url, '--to', '01:00'],
        ...[
          '--time-scale',
          '900',
          '--arrivals',
          'even',
          '--segments',
          '3',
          '--emit-k6-operator',
          join(dir, 'k8s'),
        ],
      ]);
      expect(emit.code, emit.stderr).toBe(0);
      const testRun = readFileSync(join(dir, 'k8s', 'testrun.yaml'), 'utf8');
      const files = configMapFiles(readFileSync(join(dir, 'k8s', 'configmap.yaml'), 'utf8'));
      expect(Object.keys(files).sort()).toEqual(['callers.json', 'config.json', 'replay.js']);
      const mount = join(dir, 'test'); // the runners' /test
      mkdirSync(mount);
      for (const [name, text] of Object.entries(files)) writeFileSync(join(mount, name), text);
      const callers = JSON.parse(files['callers.json']!) as unknown[];
      const runId = JSON.parse(files['config.json']!).runId as string;

      const parallelism = Number(field(testRun, 'parallelism'));
      const args = field(testRun, 'arguments').replaceAll('/test/', `${mount}/`).split(' ');
      const script = join(mount, field(testRun, 'file'));
      const outputs = Array.from({ length: parallelism }, (_, i) => join(dir, `points-${i}.json`));
      const runners = await Promise.all(
        outputs.map((output, i) =>
          run(k6, [
            'run',
            ...args,
            '--quiet',
            '--out',
            `json=${output}`,
            ...segmentArgs(i, parallelism),
            script,
          ]),
        ),
      );
      for (const runner of runners) expect([0, 99], runner.stderr.slice(-2000)).toContain(runner.code);

      expect(parallelism).toBe(3);
      expect(callers.length).toBe(200); // 4,800 calls a day / 48 intervals x 2 intervals, arrivals even
      expect(firstAttempts(outputs, runId)).toEqual(callers.map((_, n) => n));
      const seen = ended.map((call) => call.callId).filter((id) => id !== undefined);
      expect(seen.length).toBeGreaterThan(0);
      expect(new Set(seen).size).toBe(seen.length); // no call (first attempt or retrial) reached the mocks twice
    } finally {
      await mocks.close();
    }
  }, 120_000);
});
