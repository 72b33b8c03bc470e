import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startMocks } from '../../mocks/server.js';
import { untilTurns } from '../../mocks/testing.js';
import { loadScenarioFile } from '../../scenarios/loadScenario.js';
import { checkReachable } from '../k6/runLoad.js';
import { registerCompareCommand } from './compareCommand.js';
import { registerLoadCommand } from './loadCommand.js';
import { registerSimCommand } from './simCommand.js';
import { inProcessCli } from './testing/inProcessCli.js';

// `hotline load` in-process (no dist/ build needed). One short replay runs the real k6 against the mocks.
let dir: string;
const savedEnv = { ...process.env };

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'hotline-load-cli-'));
});

afterEach(() => {
  process.env = { ...savedEnv };
  process.exitCode = undefined;
  vi.restoreAllMocks();
});

function hotline(...args: string[]) {
  return inProcessCli(args, [registerLoadCommand, registerSimCommand, registerCompareCommand]);
}

/** A fake k6 that only records that it was started. */
function fakeK6(): { bin: string; marker: string } {
  const bin = join(dir, `fake-k6-${Math.random().toString(36).slice(2)}`);
  const marker = `${bin}.started`;
  writeFileSync(bin, `#!/bin/sh\necho "$@" >> '${marker}'\necho 'k6 v2.2.0 (fake)'\n`);
  chmodSync(bin, 0o755);
  return { bin, marker };
}

function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describe('hotline load (input problems: exit 2, k6 never started)', () => {
  it('--help shows examples and the exit codes', async () => {
    const { code, stdout } = await hotline('load', '--help');
    expect(code).toBe(0);
    expect(stdout).toContain('Examples:');
    expect(stdout).toContain('99 a threshold breached');
  });

  it('a scenario error exits 2 with the file and path', async () => {
    const { code, stderr } = await hotline('load', 'scenarios/fixtures/does-not-exist.json');
    expect(code).toBe(2);
    expect(stderr).toContain('does-not-exist.json: file not found');
  });

  it('bad flags exit 2', async () => {
    expect((await hotline('load', 'scenarios/stationary-mmc.json', '--time-scale', '-3')).code).toBe(2);
    const window = await hotline('load', 'scenarios/stationary-mmc.json', '--from', '10:00', '--to', '09:00');
    expect(window.code).toBe(2);
    expect(window.stderr).toContain('--to: must be later than --from');
    for (const [args, says] of [
      [['--warmup', '2 hours'], '--warmup: expected a duration with a unit, at most 7d'],
      [['--warmup', '-1h'], '--warmup: expected a duration with a unit'],
      [['--warmup', '8d'], '--warmup: expected a duration with a unit, at most 7d'],
      [['--from', '01:00', '--warmup', '2h'], "--warmup: reaches before the scenario's start"],
      [
        ['--from', '09:10', '--to', '10:00', '--warmup', '1h'],
        '--from: with --warmup the window must start on an interval boundary',
      ],
    ] as const) {
      const bad = await hotline('load', 'scenarios/stationary-mmc.json', ...args);
      expect(bad.code, args.join(' ')).toBe(2);
      expect(bad.stderr).toContain(says);
      expect(bad.stderr).not.toMatch(/\n\s+at /); // no stack trace
    }
    const token = await hotline('load', 'scenarios/stationary-mmc.json', '--token-env', 'HOTLINE_NOT_SET_X');
    expect(token.code).toBe(2);
    expect(token.stderr).toContain('HOTLINE_NOT_SET_X is not set');
  });

  it('an unreachable --target is a clear error before k6 starts', async () => {
    const fake = fakeK6();
    process.env.K6_BIN = fake.bin;
    const port = await closedPort();
    const { code, stderr } = await hotline(
      'load',
      'scenarios/stationary-mmc.json',
      '--target',
      `http://127.0.0.1:${port}`,
      '--out',
      join(dir, 'unreachable'),
    );
    expect(code).toBe(2);
    expect(stderr).toContain(
      `--target: cannot reach http://127.0.0.1:${port} (ECONNREFUSED); k6 was not started`,
    );
    expect(existsSync(fake.marker)).toBe(false);
    expect(existsSync(join(dir, 'unreachable'))).toBe(false);
  });

  it('a --target that refuses the token (or needs one) is exit 2 saying so, before k6 starts', async () => {
    const fake = fakeK6();
    process.env.K6_BIN = fake.bin;
    const scenario = loadScenarioFile('scenarios/stationary-mmc.json');
    const mocks = await startMocks(scenario, { port: 0, token: 'the-right-token' });
    try {
      process.env.ACD_TOKEN = 'a-wrong-token';
      const wrong = await hotline(
        'load',
        'scenarios/stationary-mmc.json',
        '--target',
        mocks.url,
        '--token-env',
        'ACD_TOKEN',
        '--out',
        join(dir, 'wrong-token'),
      );
      expect(wrong.code, wrong.stderr).toBe(2);
      expect(wrong.stderr).toContain(
        `error: --token-env: ${mocks.url} refused the token in ACD_TOKEN (HTTP 401 on GET /v1/state); k6 was not started`,
      );
      const none = await hotline('load', 'scenarios/stationary-mmc.json', '--target', mocks.url);
      expect(none.code).toBe(2);
      expect(none.stderr).toContain(`--token-env: ${mocks.url} needs a token (HTTP 401 on GET /v1/state)`);
      expect(existsSync(fake.marker)).toBe(false);
      expect(existsSync(join(dir, 'wrong-token'))).toBe(false);
      // The right token passes the probe.
      await expect(checkReachable(mocks.url, 'the-right-token', 'ACD_TOKEN')).resolves.toBeUndefined();
    } finally {
      await mocks.close();
    }
  });

  it('an --out that cannot be written is exit 2 before the mocks or k6 start', async () => {
    const fake = fakeK6();
    process.env.K6_BIN = fake.bin;
    const file = join(dir, 'an-out-file');
    writeFileSync(file, 'x');
    for (const [out, message] of [
      [file, /^error: --out: is a file, not a folder/],
      [join(file, 'run'), /^error: --out: .*an-out-file is a file, not a folder/],
      // Linux: a folder that cannot be created (Node's recursive mkdir spun forever there).
      ...(existsSync('/proc/self')
        ? [['/proc/hotline-load/run', /^error: --out: cannot write in \/proc/] as const]
        : []),
    ] as const) {
      const { code, stderr } = await hotline('load', 'scenarios/stationary-mmc.json', '--out', out);
      expect(code, stderr).toBe(2);
      expect(stderr).toMatch(message);
    }
    expect(existsSync(fake.marker)).toBe(false);
  });

  it('without k6 v2+ it prints how to install it and exits 2', async () => {
    const empty = mkdtempSync(join(dir, 'empty-'));
    process.env.K6_BIN = join(empty, 'no-such-k6');
    process.env.PATH = empty;
    process.env.HOTLINE_K6_TOOLS_DIR = empty;
    const { code, stderr } = await hotline('load', 'scenarios/stationary-mmc.json', '--to', '01:00');
    expect(code).toBe(2);
    expect(stderr).toContain('No k6 v2+ found');
    expect(stderr).toContain('K6_BIN: ');
    expect(stderr).toContain('npm run setup:k6');
  });

  it('an old k6 is refused with its version', async () => {
    const old = join(dir, 'old-k6');
    writeFileSync(old, "#!/bin/sh\necho 'k6 v0.49.0 (go1.21, linux/amd64)'\n");
    chmodSync(old, 0o755);
    const empty = mkdtempSync(join(dir, 'empty-'));
    process.env.K6_BIN = old;
    process.env.PATH = empty;
    process.env.HOTLINE_K6_TOOLS_DIR = empty;
    const { code, stderr } = await hotline('load', 'scenarios/stationary-mmc.json', '--to', '01:00');
    expect(code).toBe(2);
    expect(stderr).toContain('is k6 v0.49.0, need v2 or newer');
  });
});

describe('hotline load --adapter', () => {
  it('a bad adapter file exits 2 with the field path, before k6 starts', async () => {
    const fake = fakeK6();
    process.env.K6_BIN = fake.bin;
    const file = join(dir, 'bad-adapter.json');
    writeFileSync(file, JSON.stringify({ callsPath: 'calls', request: { callID: 'x' } }));
    const { code, stderr } = await hotline('load', 'scenarios/stationary-mmc.json', '--adapter', file);
    expect(code).toBe(2);
    expect(stderr).toContain(`${file} at /callsPath`);
    expect(stderr).toContain('/request/callID');
    expect(existsSync(fake.marker)).toBe(false);
  });

  it('measures a deployment with another API (paths, API-key header, field and outcome names) through the adapter, real k6', async () => {
    // A stand-in deployment: every call is answered after 100 wall ms (60 model s at 600x), in its
    // own words; it records what it was sent and which callers hung up on it.
    const seen: { path: string; key: unknown; tenant: unknown; body: Record<string, unknown> }[] = [];
    let hungUp = 0;
    let inFlight = 0;
    const server = createHttpServer((req, res) => {
      if (req.url === '/status') return res.end('ok');
      inFlight++;
      res.on('close', () => {
        inFlight--;
      });
      let text = '';
      req.on('data', (chunk) => {
        text += chunk;
      });
      req.on('end', () => {
        seen.push({
          path: req.url ?? '',
          key: req.headers['x-api-key'],
          tenant: req.headers['x-tenant'],
          body: JSON.parse(text),
        });
        const timer = setTimeout(() => {
          res.setHeader('content-type', 'application/json');
          res.end(JSON.stringify({ result: { state: 'CONNECTED', queueMs: 60_000 } }));
        }, 100);
        res.on('close', () => {
          if (!res.writableEnded) {
            hungUp++;
            clearTimeout(timer);
          }
        });
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    process.env.QA_KEY = 's3cret';
    try {
      const out = join(dir, 'adapter-run');
      const { code, stdout, stderr } = await hotline(
        'load',
        'scenarios/stationary-mmc.json',
        '--target',
        `http://127.0.0.1:${port}`,
        '--adapter',
        'scripts/k6/fixtures/adapter-example.json',
        '--token-env',
        'QA_KEY',
        '--time-scale',
        '600',
        '--to',
        '00:30',
        '--quiet',
        '--json',
        '--out',
        out,
      );
      expect([0, 99], stderr).toContain(code);
      // k6 has exited, but this process may not have handled the last closed connections yet.
      await untilTurns(
        () => inFlight === 0,
        () => `${inFlight} calls still open at the deployment`,
      );
      const summary = JSON.parse(stdout);
      const phone = summary.channels.phone;
      expect(seen.length).toBe(phone.offered.mean);
      expect(
        seen.every((s) => s.path === '/api/v2/queue/calls' && s.key === 's3cret' && s.tenant === 'qa'),
      ).toBe(true);
      expect(Object.keys(seen[0]!.body)).toEqual(['reference']);
      // Every caller either heard CONNECTED or hung up on it. Each hang-up the deployment saw is an
      // abandon the client counted; the client may count one more where the reply was already on the
      // wire when its patience ran out (two real timers racing, which a busy machine makes likely).
      expect(phone.answered.mean + phone.abandoned.mean).toBe(phone.offered.mean);
      expect(hungUp).toBeLessThanOrEqual(phone.abandoned.mean);
      expect(hungUp).toBeGreaterThan(0);
      // Measured on the client's clock: nobody waited less than the 60 model s the deployment held them.
      expect(phone.waitP50S.mean).toBeGreaterThanOrEqual(60);
      expect(summary.serverCrossCheck).toMatchObject({ source: 'replies', server: { asaS: 60 } });
      expect(summary.serverCrossCheck.waitGapS.mean).toBeGreaterThanOrEqual(0);
    } finally {
      server.close();
    }
  }, 60_000);
});

describe('hotline load --emit-k6-operator', () => {
  it('writes a TestRun and a ConfigMap with the bundle, without running anything', async () => {
    const out = join(dir, 'k8s');
    const { code, stdout, stderr } = await hotline(
      'load',
      'scenarios/stationary-mmc.json',
      '--target',
      'http://acd.hotline.svc:8080',
      '--segments',
      '3',
      '--emit-k6-operator',
      out,
    );
    expect(code, stderr).toBe(0);
    expect(stdout).toContain('testrun.yaml');
    expect(readFileSync(join(out, 'testrun.yaml'), 'utf8')).toContain('parallelism: 3');
    const map = readFileSync(join(out, 'configmap.yaml'), 'utf8');
    expect(map).toContain('"target": "http://acd.hotline.svc:8080"');
    expect(map).toContain('ramping-arrival-rate');
    expect((await hotline('load', 'scenarios/stationary-mmc.json', '--emit-k6-operator', out)).code).toBe(2);
    const warm = await hotline(
      'load',
      'scenarios/stationary-mmc.json',
      '--target',
      'http://acd.hotline.svc:8080',
      '--from',
      '02:00',
      '--warmup',
      '1h',
      '--emit-k6-operator',
      join(dir, 'k8s-warm'),
    );
    expect(warm.code).toBe(2);
    expect(warm.stderr).toContain('--warmup: not with --emit-k6-operator');
  });
});

describe('hotline load against the mocks (real k6, ~10 s)', () => {
  it('a window that cuts an interval is replayed, and says it has no twin or prediction (not an error after k6)', async () => {
    const { code, stdout, stderr } = await hotline(
      ...['load', 'scenarios/stationary-mmc.json', '--time-scale', '900', '--to', '00:15'],
      ...['--arrivals', 'even', '--quiet', '--out', join(dir, 'cut-window')],
    );
    expect([0, 99], stderr).toContain(code);
    expect(stdout).toMatch(/^replayed \d+ planned calls/m);
    expect(stdout).toContain('no simulated twin or prediction given the mocks');
    expect(stdout).not.toContain("the simulator's twin");
  }, 60_000);

  it('--json --dashboard: exit 0, summary kind k6, run folder like sim plus k6 artifacts', async () => {
    const out = join(dir, 'real-run');
    const { code, stdout, stderr } = await hotline(
      'load',
      'scenarios/stationary-mmc.json',
      '--time-scale',
      '900',
      '--to',
      '01:00',
      '--arrivals',
      'even',
      '--quiet',
      '--json',
      '--dashboard',
      '--out',
      out,
    );
    expect(code, stderr).toBe(0);
    const summary = JSON.parse(stdout);
    expect(summary.kind).toBe('k6');
    expect(summary.channels.phone.offered.mean).toBe(200);
    expect(summary.channels.phone.occupancy).toEqual({ mean: null, ci95: null, n: 0 });
    expect(readdirSync(out).sort()).toEqual([
      'dashboard.html',
      'intervals.csv',
      'junit.xml',
      'k6-config.json',
      'k6-summary.json',
      'load-quality.json',
      'mock-state.json',
      'report.html',
      'run.json',
      'summary.json',
    ]);
    // The load itself, per replayed interval: the 200 calls' requests, split over the two intervals.
    const quality = JSON.parse(readFileSync(join(out, 'load-quality.json'), 'utf8'));
    expect(quality.whole.requests).toBe(200);
    const perInterval = quality.intervals.map((r: { interval: number; requests: number }) => [
      r.interval,
      r.requests,
    ]);
    expect(perInterval.map(([i]: number[]) => i)).toEqual([0, 1]);
    expect(perInterval.reduce((sum: number, [, n]: number[]) => sum + n, 0)).toBe(200);
    // Even arrivals have no planned instants, so no arrival lag (k6 records it for Poisson only).
    expect(quality.whole.arrivalLagMs).toBeNull();
    const run = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8'));
    expect(run).toMatchObject({ kind: 'k6', replications: 1, k6: { target: 'mocks', exitCode: 0 } });
    const csv = readFileSync(join(out, 'intervals.csv'), 'utf8').trim().split('\n');
    expect(csv).toHaveLength(1 + 48);
    expect(csv[1]).toMatch(/^0,2024-01-01,00:00,100,/);
    expect(csv[3]).toMatch(/^2,2024-01-01,01:00,,/);
    expect(readFileSync(join(out, 'junit.xml'), 'utf8')).toContain('failures="0"');
    const k6Summary = JSON.parse(readFileSync(join(out, 'k6-summary.json'), 'utf8'));
    expect(k6Summary.metrics.calls.count).toBe(200);
    expect(summary.window).toEqual({ day: 1, from: '00:00', to: '01:00' });
    expect(stderr).toContain(`report ${join(out, 'report.html')}`);
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain(
      'Per day and window (day 1 00:00-01:00)',
    );

    // Prediction vs measurement: the same window simulated compares cleanly; the whole day does not.
    const predicted = join(dir, 'predicted-window');
    const sim = await hotline(
      'sim',
      'scenarios/stationary-mmc.json',
      '--day',
      '1',
      '--from',
      '00:00',
      '--to',
      '01:00',
      '-r',
      '10',
      '-q',
      '--out',
      predicted,
    );
    expect(sim.code, sim.stderr).toBe(0);
    const same = await hotline('compare', predicted, out, '--out', join(dir, 'c-same.html'));
    expect(same.code, same.stderr).toBe(0);
    expect(same.stdout).toContain('inside the 95% prediction interval of one replication');
    expect(same.stdout).not.toContain('WARNING');
    expect(same.stdout).toMatch(/^offered\s+\S+\s+200\s/m);
    const wholeDay = join(dir, 'predicted-day');
    await hotline('sim', 'scenarios/stationary-mmc.json', '-r', '3', '-q', '--out', wholeDay);
    const mismatch = await hotline('compare', wholeDay, out, '--out', join(dir, 'c-day.html'));
    expect(mismatch.stdout).toContain('WARNING: A covers the whole horizon, B covers day 1 00:00-01:00');
  });
});

describe('hotline load prints the simulated twin of the replay (real k6, ~10 s)', () => {
  it("the twin's figures are hotline sim's replication 0 of the same seed and window", async () => {
    const window = ['--day', '1', '--from', '00:30', '--to', '01:00', '--seed', '3'];
    const load = await hotline(
      'load',
      'scenarios/stationary-mmc.json',
      ...window,
      '--time-scale',
      '900',
      '--quiet',
      '--out',
      join(dir, 'twin-run'),
    );
    expect([0, 99], load.stderr).toContain(load.code);
    // The verdict: every threshold passed, or each failed one with its measured value.
    expect(load.stdout).toMatch(
      load.code === 0
        ? /all \d+ thresholds passed/
        : /exit 99: \d+ of \d+ thresholds failed[\s\S]*failed: \S+ \S+ \(measured /,
    );
    const sim = await hotline('sim', 'scenarios/stationary-mmc.json', ...window, '-r', '1', '--json');
    expect(sim.code, sim.stderr).toBe(0);
    const phone = JSON.parse(sim.stdout).channels.phone;
    const twin = load.stdout.split("the simulator's twin (replication 0 of seed 3")[1];
    expect(twin).toBeDefined();
    const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
    expect(twin).toContain(`offered ${phone.offered.mean}  answered ${phone.answered.mean}`);
    expect(twin).toContain(
      `slOffered ${pct(phone.slOffered.mean)}  abandonRate ${pct(phone.abandonRate.mean)}`,
    );
    // The prediction given the mocks' morning is hotline sim's conditional prediction of the window.
    const given = await hotline(
      'sim',
      'scenarios/stationary-mmc.json',
      ...window,
      '-r',
      '30',
      '--given-replication',
      '0',
      '--json',
    );
    expect(given.code, given.stderr).toBe(0);
    const branches = JSON.parse(given.stdout).channels.phone;
    const conditional = load.stdout.split(
      "the prediction given the mocks' morning (30 branches of replication 0",
    )[1];
    expect(conditional).toBeDefined();
    expect(conditional).toContain(`SL (slOffered) ${pct(branches.slOffered.mean)} [`);
    expect(conditional).toContain(`abandon rate ${pct(branches.abandonRate.mean)} [`);
    // --json carries the same prediction with its figures: the branches' mean and the 95% range of
    // one replay, the CI half-width × √(n + 1) around it (clipped at 0 and 1 for shares).
    const json = await hotline(
      'load',
      'scenarios/stationary-mmc.json',
      ...window,
      '--time-scale',
      '900',
      '--quiet',
      '--json',
      '--out',
      join(dir, 'twin-run-json'),
    );
    expect([0, 99], json.stderr).toContain(json.code);
    const prediction = JSON.parse(json.stdout).conditionalPrediction;
    expect(prediction).toMatchObject({ seed: 3, givenReplication: 0, branches: 30 });
    expect(prediction.window).toEqual({ day: 1, from: '00:30', to: '01:00' });
    const sl = prediction.metrics.find((m: { metric: string }) => m.metric === 'slOffered');
    const half = ((branches.slOffered.ci95[1] - branches.slOffered.ci95[0]) / 2) * Math.sqrt(31);
    expect(sl.mean).toBeCloseTo(branches.slOffered.mean, 9);
    expect(sl.oneReplay95[0]).toBeCloseTo(Math.max(0, branches.slOffered.mean - half), 9);
    expect(sl.oneReplay95[1]).toBeCloseTo(Math.min(1, branches.slOffered.mean + half), 9);
    const measured = JSON.parse(json.stdout).channels.phone.slOffered.mean;
    expect(sl.measured).toBe(measured);
    expect(sl.inside).toBe(Math.abs(measured - branches.slOffered.mean) <= half);
  }, 240_000);
});
