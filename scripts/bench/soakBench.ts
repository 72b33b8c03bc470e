// The mocks soaked: half of their measured capacity for 30 minutes (default), from the real k6 on
// loopback, with the mocks in this process so their memory and event-loop lag can be read directly.
// Every call holds an agent for an exponential talk time (mean 20 s, time scale 1) and the pool is
// sized for 50% occupancy, so the model's calendar and agent pool carry a steady load of held calls,
// not only the HTTP path. Prints a sample per period (RSS, heap after a full GC, lag percentiles,
// busy agents) and a summary: heap growth per 10 minutes (least squares over the samples after the
// warm-up of five talk times) and the lag p99 over the whole soak. Bounded by --soak-duration; 127.0.0.1 only.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type IntervalHistogram, monitorEventLoopDelay } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { type RunningMocks, startMocks } from '../../mocks/server.js';
import { loadScenarioText } from '../../scenarios/loadScenario.js';
import { resolveK6 } from '../k6/resolveK6.js';
import { benchLine, formatCount } from './benchLine.js';
import { closedLoopScript, type K6Figures, k6Figures, openLoopScript } from './mocksBench.js';
import { soakOptions } from './soakOptions.js';

const TALK_S = 20;
const LAG_RESOLUTION_MS = 10;
/** Five mean talk times: the number of held calls is within 1% of its steady state. */
const WARM_UP_S = 5 * TALK_S;
const MB = 1024 * 1024;

interface Sample {
  atS: number;
  rssMb: number;
  heapMb: number;
}

export async function soakBench(repo: string, argv: readonly string[]): Promise<void> {
  let options: ReturnType<typeof soakOptions>;
  try {
    options = soakOptions(argv);
  } catch (error) {
    process.stderr.write(`error: ${(error as Error).message}\n`);
    process.exitCode = 2;
    return;
  }
  const work = mkdtempSync(join(tmpdir(), 'hotline-bench-soak-'));
  const k6 = (await resolveK6()).path;
  const gc = exposeGc();
  const rate = options.rate ?? Math.max(1, Math.floor((await capacity(repo, k6, work)) / 2));
  const agents = Math.ceil(2 * rate * TALK_S); // busy on average: rate x talk = half of them
  const mocks = await startMocks(soakScenario(repo, agents), { port: 0, host: '127.0.0.1' });
  const lag = monitorEventLoopDelay({ resolution: LAG_RESOLUTION_MS });
  // One monitor reset per sample, one over the whole soak (an ELD histogram cannot be added to another).
  const whole = monitorEventLoopDelay({ resolution: LAG_RESOLUTION_MS });
  const samples: Sample[] = [];
  const started = performance.now();
  const sample = async () => {
    gc();
    const memory = process.memoryUsage();
    const state = (await (await fetch(`${mocks.url}/v1/state`)).json()) as {
      agentsBusy: number;
      queueLength: number;
    };
    const s: Sample = {
      atS: (performance.now() - started) / 1000,
      rssMb: memory.rss / MB,
      heapMb: memory.heapUsed / MB,
    };
    samples.push(s);
    process.stdout.write(
      `soak   t=${s.atS.toFixed(0).padStart(5)} s  rss ${s.rssMb.toFixed(1)} MB  heap ${s.heapMb.toFixed(1)} MB  ` +
        `lag p50 ${lagMs(lag, 50)} p99 ${lagMs(lag, 99)} max ${lagMs(lag, 100)} ms  ` +
        `agents busy ${formatCount(state.agentsBusy)}  queue ${state.queueLength}\n`,
    );
    lag.reset();
  };
  try {
    process.stdout.write(
      `soak   ${formatCount(rate)} calls/s for ${options.durationS} s against ${mocks.url}: ${formatCount(agents)} agents, ` +
        `talk exp(${TALK_S} s), time scale 1 (50% occupancy)\n`,
    );
    lag.enable();
    whole.enable();
    const load = runK6Async(k6, work, 'soak', openLoopScript(mocks.url, rate, options.durationS));
    let sampling = Promise.resolve();
    const timer = setInterval(() => {
      sampling = sampling.then(sample);
    }, options.everyS * 1000);
    const figures = await load.finally(() => clearInterval(timer));
    await sampling;
    if (samples.length === 0) await sample(); // a soak shorter than one period (after the load: no fit)
    lag.disable();
    whole.disable();
    summarize(options.durationS, rate, samples, whole, figures);
  } finally {
    await mocks.close();
  }
}

function summarize(
  durationS: number,
  rate: number,
  samples: Sample[],
  whole: IntervalHistogram,
  k6: K6Figures,
) {
  // The held calls build up over a few talk times; fit the heap over what comes after, when enough does.
  const settled = samples.filter((s) => s.atS >= WARM_UP_S);
  const steady = settled.length >= 3 ? settled : samples.length > 2 ? samples.slice(1) : samples;
  const per10 = (pick: (s: Sample) => number) => {
    const slope = leastSquaresSlope(steady.map((s) => [s.atS, pick(s)]));
    return `${slope >= 0 ? '+' : ''}${(slope * 600).toFixed(2)} MB/10 min`;
  };
  benchLine(
    `soak: mocks at half capacity (${formatCount(rate)} calls/s, ${Math.round(durationS / 60)} min)`,
    `heap ${per10((s) => s.heapMb)} (after GC, ${steady.length} samples, t ${steady[0]!.atS.toFixed(0)}-${steady.at(-1)!.atS.toFixed(0)} s: ` +
      `${steady[0]!.heapMb.toFixed(1)} -> ${steady.at(-1)!.heapMb.toFixed(1)} MB), ` +
      `rss ${per10((s) => s.rssMb)}, event-loop lag p99 ${lagMs(whole, 99)} ms (max ${lagMs(whole, 100)} ms); ` +
      `k6: ${formatCount(k6.count)} calls, failed ${k6.failed}, dropped ${k6.dropped}, p99 ${k6.p99.toFixed(2)} ms`,
  );
}

/** Lateness of the lag timer beyond its resolution, in ms (percentile 100 = max). */
function lagMs(histogram: { percentile(p: number): number; max: number; count: number }, p: number): string {
  if (histogram.count === 0) return '-';
  const ns = p === 100 ? histogram.max : histogram.percentile(p);
  return Math.max(0, ns / 1e6 - LAG_RESOLUTION_MS).toFixed(1);
}

function leastSquaresSlope(points: Array<[number, number]>): number {
  if (points.length < 2) return 0;
  const n = points.length;
  const mx = points.reduce((a, [x]) => a + x, 0) / n;
  const my = points.reduce((a, [, y]) => a + y, 0) / n;
  const sxy = points.reduce((a, [x, y]) => a + (x - mx) * (y - my), 0);
  const sxx = points.reduce((a, [x]) => a + (x - mx) ** 2, 0);
  return sxx === 0 ? 0 : sxy / sxx;
}

/** Half of what: answered calls/s of the mocks (this process) under 64 k6 VUs back to back, 5 s. */
async function capacity(repo: string, k6: string, work: string): Promise<number> {
  const mocks: RunningMocks = await startMocks(soakScenario(repo, 100_000, 0), {
    port: 0,
    host: '127.0.0.1',
  });
  try {
    const max = await runK6Async(k6, work, 'capacity', closedLoopScript(mocks.url));
    process.stdout.write(
      `soak   capacity: ${formatCount(max.rate)} answered calls/s (64 VUs back to back, 5 s)\n`,
    );
    return max.rate;
  } finally {
    await mocks.close();
  }
}

/** stationary-mmc, 24/7, with `agents` agents and exponential talk of `talkS` (0: none). */
function soakScenario(repo: string, agents: number, talkS = TALK_S) {
  const file = JSON.parse(readFileSync(join(repo, 'scenarios', 'stationary-mmc.json'), 'utf8'));
  delete file.$schema;
  file.channels.phone.talkTime = talkS === 0 ? '0s' : { kind: 'exponential', mean: `${talkS}s` };
  file.channels.phone.patience = '1h';
  file.agents.groups[0].staffing = { kind: 'constant', agents };
  return loadScenarioText(JSON.stringify(file), 'soak.json');
}

/** k6 in its own process, awaited without blocking this one (the mocks under test live here). */
function runK6Async(k6: string, work: string, name: string, script: string): Promise<K6Figures> {
  const file = join(work, `${name}.js`);
  const summary = join(work, `${name}-summary.json`);
  writeFileSync(file, script);
  const child = spawn(k6, ['run', '--no-usage-report', '--quiet', '--summary-export', summary, file], {
    env: { ...process.env, K6_AUTO_EXTENSION_RESOLUTION: 'false' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  return new Promise((resolve, reject) =>
    child.on('exit', (code) =>
      code === 0
        ? resolve(k6Figures(summary))
        : reject(new Error(`k6 failed (${code}): ${stderr.slice(-2000)}`)),
    ),
  );
}

/** A full GC before each sample, so the heap figure is what is retained, not garbage not yet collected. */
function exposeGc(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}
