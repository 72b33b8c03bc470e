// The mocks under load from the real k6, each in its own process on loopback: throughput with ample
// agents and zero handle time (every call answered at once), then the latency the mock adds at half
// the target rate. Bounded: 5 s and 10 s of load against 127.0.0.1 only.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveK6 } from '../k6/resolveK6.js';
import { benchLine, formatCount } from './benchLine.js';
import { startBenchMock } from './benchMock.js';

const TARGET_RATE = 10_000;

export async function mocksBench(repo: string): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'hotline-bench-mocks-'));
  const scenario = ampleScenario(repo, work);
  const k6 = await resolveK6();
  const mock = await startBenchMock(repo, scenario);
  try {
    const max = runK6(k6.path, work, 'max', closedLoopScript(mock.url));
    benchLine(
      'mocks: answered calls/s, 64 k6 VUs back to back (5 s)',
      `${formatCount(max.rate)} calls/s, ${formatCount(max.count)} calls, failed ${max.failed} (target >= ${formatCount(TARGET_RATE)})`,
    );
    // A short run at the same rate first, so neither process is measured while still warming up.
    runK6(k6.path, work, 'warm-up', openLoopScript(mock.url, TARGET_RATE / 2, 3));
    const before = await responseBuckets(mock.url);
    const half = runK6(k6.path, work, 'half', openLoopScript(mock.url, TARGET_RATE / 2, 10));
    const after = await responseBuckets(mock.url);
    const serverP99 = quantileBound(before, after, 0.99);
    benchLine(
      `mocks: latency at ${formatCount(TARGET_RATE / 2)} calls/s (10 s open loop, after 3 s warm-up)`,
      `server-side p99 <= ${serverP99} ms (mock's histogram); seen by k6 on the same 2 cores: p50 ${half.p50.toFixed(2)} ms, ` +
        `p99 ${half.p99.toFixed(2)} ms; dropped ${half.dropped}, failed ${half.failed} (target p99 <= 5 ms)`,
    );
  } finally {
    await mock.stop();
  }
}

/** stationary-mmc with agents to spare and no talk time: every call is answered at once. */
function ampleScenario(repo: string, work: string): string {
  const file = JSON.parse(readFileSync(join(repo, 'scenarios', 'stationary-mmc.json'), 'utf8'));
  delete file.$schema;
  file.channels.phone.talkTime = '0s';
  file.channels.phone.patience = '1h';
  file.agents.groups[0].staffing = { kind: 'constant', agents: 100_000 };
  const path = join(work, 'ample.json');
  writeFileSync(path, JSON.stringify(file));
  return path;
}

const PREAMBLE = `import http from 'k6/http';
const body = JSON.stringify({});
const params = { headers: { 'content-type': 'application/json' } };`;

export function closedLoopScript(url: string): string {
  return `${PREAMBLE}
export const options = { scenarios: { s: { executor: 'constant-vus', vus: 64, duration: '5s' } } };
export default function () { http.post('${url}/v1/calls', body, params); }`;
}

export function openLoopScript(url: string, rate: number, seconds: number): string {
  return `${PREAMBLE}
export const options = { scenarios: { s: { executor: 'constant-arrival-rate', rate: ${rate}, timeUnit: '1s',
  duration: '${seconds}s', preAllocatedVUs: 200, maxVUs: 400 } }, summaryTrendStats: ['avg', 'p(50)', 'p(99)', 'max'] };
export default function () { http.post('${url}/v1/calls', body, params); }`;
}

/** Cumulative bucket counts of hotline_call_response_seconds, by upper bound in seconds. */
async function responseBuckets(url: string): Promise<Map<number, number>> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const buckets = new Map<number, number>();
  for (const match of text.matchAll(
    /^hotline_call_response_seconds_bucket\{le="([^"]+)"\} ([0-9.e+-]+)$/gm,
  )) {
    buckets.set(match[1] === '+Inf' ? Number.POSITIVE_INFINITY : Number(match[1]), Number(match[2]));
  }
  return buckets;
}

/** Upper bound (ms) of the bucket holding the q-quantile of the responses between two scrapes. */
function quantileBound(before: Map<number, number>, after: Map<number, number>, q: number): string {
  const bounds = [...after.keys()].sort((a, b) => a - b);
  const total = after.get(Number.POSITIVE_INFINITY)! - (before.get(Number.POSITIVE_INFINITY) ?? 0);
  const bound = bounds.find((b) => after.get(b)! - (before.get(b) ?? 0) >= q * total);
  return bound === undefined || bound === Number.POSITIVE_INFINITY ? 'inf' : String(bound * 1000);
}

export interface K6Figures {
  rate: number;
  count: number;
  failed: number;
  dropped: number;
  p50: number;
  p99: number;
}

function runK6(k6: string, work: string, name: string, script: string): K6Figures {
  const file = join(work, `${name}.js`);
  const summary = join(work, `${name}-summary.json`);
  writeFileSync(file, script);
  const result = spawnSync(k6, ['run', '--no-usage-report', '--quiet', '--summary-export', summary, file], {
    env: { ...process.env, K6_AUTO_EXTENSION_RESOLUTION: 'false' },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`k6 failed (${result.status}): ${result.stderr}`);
  return k6Figures(summary);
}

/** The figures of a k6 --summary-export file. */
export function k6Figures(summary: string): K6Figures {
  const metrics = JSON.parse(readFileSync(summary, 'utf8')).metrics;
  return {
    rate: metrics.http_reqs.rate,
    count: metrics.http_reqs.count,
    failed: metrics.http_req_failed.passes ?? 0,
    dropped: metrics.dropped_iterations?.count ?? 0,
    p50: metrics.http_req_duration['p(50)'] ?? metrics.http_req_duration.med,
    p99: metrics.http_req_duration['p(99)'] ?? Number.NaN,
  };
}
