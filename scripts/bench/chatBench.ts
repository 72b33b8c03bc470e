// Chat WebSockets under load on loopback: the mocks (`hotline mocks`, its own process) hold at least
// 2,000 sessions at once from a client process (Node + ws), each one writing again half a second
// after every reply. The agents answer in exactly 2 s of model time (time scale 1); whatever the
// client waits beyond that is latency the mock (and the loopback) adds. Bounded: about 25 s.
// Measured: replies to messages sent from 1 s after the last session opened; the opening phase
// (2,500 WebSocket handshakes on both processes in 2.5 s) is reported apart: on a loaded box its
// backlog lasted seconds past the fixed 3 s warm-up this bench used before.
// HOTLINE_BENCH_CHAT_SPREAD=1 makes the think time uniform 0.25-0.75 s (same mean): with a fixed
// 0.5 s a hiccup lines the sessions up, and they then write within a few ms of each other every
// 2.5 s (seen at load average 12: 1,315 replies in one second, ~100 in the next ones). Residents
// are not in lock-step; on this shared box the spread halved p50 but p99 was noise either way.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchLine, formatCount } from './benchLine.js';
import { startBenchMock } from './benchMock.js';

const SESSIONS = Number(process.env.HOTLINE_BENCH_CHAT_SESSIONS ?? 2500);
const SPREAD = process.env.HOTLINE_BENCH_CHAT_SPREAD === '1';
const REPLY_MS = 2000;
/** A folder: the mocks run with `node --cpu-prof` and write their profile there (profiling, not timing). */
const PROFILE_DIR = process.env.HOTLINE_BENCH_CHAT_PROFILE;

export async function chatBench(repo: string): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'hotline-bench-chat-'));
  const scenario = chatScenario(repo, work);
  const profile = PROFILE_DIR === undefined ? [] : ['--cpu-prof', '--cpu-prof-dir', PROFILE_DIR];
  const mock = await startBenchMock(repo, scenario, ['--time-scale', '1'], profile);
  try {
    const client = join(work, 'chat-client.mjs');
    writeFileSync(client, clientScript(join(repo, 'node_modules', 'ws', 'wrapper.mjs')));
    const args = [client, mock.url, String(SESSIONS), String(REPLY_MS), SPREAD ? '250' : '0'];
    const result = spawnSync(process.execPath, args, {
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
    });
    if (result.status !== 0) throw new Error(`chat bench client failed: ${result.stderr}`);
    const f = JSON.parse(result.stdout) as {
      /** The mock's /metrics when the measured phase began (its lateness histogram then). */
      metricsAtStart: string;
      peakOpen: number;
      serverPeakOpen: number;
      replies: number;
      errors: number;
      p50: number;
      p99: number;
      max: number;
      seconds: number;
      measuredS: number;
      openingReplies: number;
      openingP99: number;
    };
    // The mock's own share from the measured phase's start on (replies still owed from the opening
    // phase's backlog that go out then are in it: the client counts those under the opening phase).
    const before = latenessBuckets(f.metricsAtStart);
    const after = latenessBuckets(await scrape(mock.url));
    const serverP50 = quantileBound(before, after, 0.5);
    const serverP99 = quantileBound(before, after, 0.99);
    const load = loadavg()
      .map((l) => l.toFixed(1))
      .join(' ');
    benchLine(
      `mocks: chat WebSockets, ${formatCount(SESSIONS)} sessions at once (${f.seconds} s${SPREAD ? ', think time 0.25-0.75 s' : ''})`,
      `open at once ${formatCount(f.peakOpen)} (mock's /v1/state ${formatCount(f.serverPeakOpen)}), ` +
        `${formatCount(f.replies)} replies, errors ${f.errors}; added latency p50 ${f.p50.toFixed(2)} ms, ` +
        `p99 ${f.p99.toFixed(2)} ms, max ${f.max.toFixed(2)} ms seen by the client over the last ${f.measuredS} s ` +
        `(opening phase apart: ${formatCount(f.openingReplies)} replies, p99 ${f.openingP99.toFixed(0)} ms); mock's reply lateness ` +
        `from the same instant p50 <= ${serverP50} ms, p99 <= ${serverP99} ms (its histogram); load average ${load} ` +
        `(target >= 2,000 sessions, p99 <= 10 ms)`,
    );
  } finally {
    await mock.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

/** The mock's /metrics text, or '' when the scrape fails (the figure is then n/a, the bench goes on). */
async function scrape(url: string): Promise<string> {
  try {
    return await (await fetch(`${url}/metrics`)).text();
  } catch {
    return '';
  }
}

/** Cumulative bucket counts of hotline_chat_reply_lateness_seconds in a /metrics text, by upper bound in seconds. */
function latenessBuckets(text: string): Map<number, number> {
  const buckets = new Map<number, number>();
  for (const match of text.matchAll(
    /^hotline_chat_reply_lateness_seconds_bucket\{le="([^"]+)"\} ([0-9.e+-]+)$/gm,
  )) {
    buckets.set(match[1] === '+Inf' ? Number.POSITIVE_INFINITY : Number(match[1]), Number(match[2]));
  }
  return buckets;
}

/** Upper bound (ms) of the bucket holding the q-quantile between two scrapes. */
function quantileBound(before: Map<number, number>, after: Map<number, number>, q: number): string {
  // A scrape that failed (e.g. refused with under-pressure's 503) has no histogram.
  if (before.size === 0 || after.size === 0) return 'n/a (scrape failed)';
  const bounds = [...after.keys()].sort((a, b) => a - b);
  const total = (after.get(Number.POSITIVE_INFINITY) ?? 0) - (before.get(Number.POSITIVE_INFINITY) ?? 0);
  const bound = bounds.find((b) => after.get(b)! - (before.get(b) ?? 0) >= q * total);
  return bound === undefined || bound === Number.POSITIVE_INFINITY ? 'inf' : String(bound * 1000);
}

/** stationary-mmc plus a chat desk with a slot for every session and replies of exactly 2 s. */
function chatScenario(repo: string, work: string): string {
  const file = JSON.parse(readFileSync(join(repo, 'scenarios', 'stationary-mmc.json'), 'utf8'));
  delete file.$schema;
  file.agents.groups.push({
    name: 'chat-desk',
    skills: ['chat'],
    maxChats: 1,
    staffing: { kind: 'constant', agents: SESSIONS + 100 },
  });
  file.channels.chat = {
    hours: '24/7',
    demand: { sessionsPerDay: 1000, intradayShape: Array(48).fill(1) },
    messages: 1,
    replyTime: `${REPLY_MS / 1000}s`,
    patience: '1h',
    targets: { firstResponse: { variant: 'slOffered', threshold: '60s', goal: 0.8 } },
  };
  const path = join(work, 'chat.json');
  writeFileSync(path, JSON.stringify(file));
  return path;
}

/** The client process: opens the sessions over 2.5 s, keeps them talking for 20 s, prints figures. */
function clientScript(wsModule: string): string {
  return `import { WebSocket } from ${JSON.stringify(wsModule)};
const [url, sessionsText, replyText, spreadText] = process.argv.slice(2);
const sessions = Number(sessionsText), replyMs = Number(replyText), spreadMs = Number(spreadText);
// The think time: 500 ms +- spreadMs, uniform, from a seeded generator (same run, same draws).
let seed = 12345;
const think = () => { seed = (Math.imul(seed, 1103515245) + 12345) >>> 0; return 500 - spreadMs + (2 * spreadMs * seed) / 2 ** 32; };
const added = [], opening = [];
let allOpenAt = Number.POSITIVE_INFINITY;
let metricsAtStart = '';
let open = 0, peakOpen = 0, serverPeakOpen = 0, errors = 0, stopping = false;
const sockets = [];
const startedAt = performance.now();
function session(i) {
  const ws = new WebSocket(url.replace('http', 'ws') + '/v1/chat');
  sockets.push(ws);
  let sentAt = 0;
  ws.on('open', () => { sentAt = performance.now(); ws.send(JSON.stringify({ type: 'open', sessionId: 'b' + i })); });
  ws.on('message', (data) => {
    const frame = JSON.parse(String(data));
    if (frame.type === 'opened') { open++; peakOpen = Math.max(peakOpen, open); if (open === sessions) { allOpenAt = performance.now(); setTimeout(() => fetch(url + '/metrics').then((r) => r.text()).then((t) => { metricsAtStart = t; }, () => {}), 1000); } return; }
    if (frame.type === 'reply') {
      // Measured once every session is open (plus 1 s for the handshakes' backlog); before, apart.
      (sentAt > allOpenAt + 1000 ? added : opening).push(performance.now() - sentAt - replyMs);
      setTimeout(() => { if (!stopping) { sentAt = performance.now(); ws.send('{"type":"message"}'); } }, think());
      return;
    }
    if (frame.type === 'error') errors++;
    if (frame.type === 'closed') open--;
  });
  ws.on('error', () => { errors++; });
}
for (let i = 0; i < sessions; i++) setTimeout(() => session(i), (i * 2500) / sessions);
const poll = setInterval(async () => {
  const state = await (await fetch(url + '/v1/state')).json().catch(() => null);
  if (state && state.chat) serverPeakOpen = Math.max(serverPeakOpen, state.chat.open);
}, 1000);
setTimeout(() => {
  stopping = true;
  clearInterval(poll);
  for (const ws of sockets) ws.close();
  added.sort((a, b) => a - b);
  opening.sort((a, b) => a - b);
  const q = (xs, p) => xs.length === 0 ? NaN : xs[Math.min(xs.length - 1, Math.floor(p * xs.length))];
  process.stdout.write(JSON.stringify({ metricsAtStart, peakOpen, serverPeakOpen, replies: added.length, errors,
    p50: q(added, 0.5), p99: q(added, 0.99), max: added.at(-1) ?? NaN, seconds: 20,
    measuredS: Math.round((performance.now() - allOpenAt - 1000) / 100) / 10,
    openingReplies: opening.length, openingP99: q(opening, 0.99) }));
  setTimeout(() => process.exit(0), 200);
}, 20000);
`;
}
