// Overloads of `hotline mocks`: an outage window (every call 503 + Retry-After, none entering the
// model), an error rate (500s, the rest answered), and the pending-call limit (10,000 calls held
// open, the surplus refused with 503 + Retry-After). Every call gets exactly one answer: none lost,
// none hanging; the model's count of offered calls equals the calls it accepted.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startMocks } from './mocksServer.js';
import type { CaseResult } from './ProbeCase.js';
import { tinyScenario } from './tinyScenario.js';

/** The mocks' limit of calls held open at once (mocks/phone/phoneTransport.ts). */
const PENDING_LIMIT = 10_000;

interface CallAnswer {
  status: number;
  retryAfter: string | null;
  body: string;
}

export interface OverloadContext {
  cli: string;
  env: NodeJS.ProcessEnv;
  fixturesDir: string;
  tiny: string;
}

/** Runs the overload cases one after another (each is a burst of its own). */
export async function runOverloadCases(
  context: OverloadContext,
  progress: (r: CaseResult) => void,
): Promise<CaseResult[]> {
  const results: CaseResult[] = [];
  const record = (r: CaseResult) => {
    results.push(r);
    progress(r);
  };
  record(await outageCase(context));
  record(await errorRateCase(context));
  const held = heldScenario(context);
  for (const calls of [10_050, 10_300]) record(await pendingLimitCase(context, held, calls));
  return results;
}

async function outageCase(context: OverloadContext): Promise<CaseResult> {
  const name = 'outage: 300 calls during --outage 00:00-23:59';
  const server = await startMocks(
    context.cli,
    [context.tiny, '--port', '0', '-q', '--outage', '00:00-23:59'],
    context.env,
    'overload',
    `${name} (server stop)`,
  );
  const answers = await burst(server.url, 300);
  const problems = answers.flatMap((a, i) =>
    a.status === 503 && a.retryAfter
      ? []
      : [`call ${i}: ${a.status} retry-after ${a.retryAfter} ${a.body.slice(0, 100)}`],
  );
  const offered = await offeredCalls(server.url);
  if (offered !== 0)
    problems.push(`the model counts ${offered} offered calls; refused calls must not enter it`);
  const stop = await server.stop();
  return {
    category: 'overload',
    name,
    commandLine: 'hotline mocks tiny.json --outage 00:00-23:59 + 300 POST /v1/calls',
    problems: [...problems.slice(0, 5), ...stop.problems],
  };
}

async function errorRateCase(context: OverloadContext): Promise<CaseResult> {
  const name = 'error rate 0.5: 400 calls';
  const server = await startMocks(
    context.cli,
    [context.tiny, '--port', '0', '-q', '--error-rate', '0.5', '--time-scale', '600'],
    context.env,
    'overload',
    name,
  );
  const answers = await burst(server.url, 400);
  const problems: string[] = [];
  const ok = answers.filter((a) => a.status === 200).length;
  const failed = answers.filter((a) => a.status === 500).length;
  if (ok + failed !== answers.length) problems.push(`statuses other than 200/500: ${statusTally(answers)}`);
  if (failed === 0 || ok === 0) problems.push(`with --error-rate 0.5: ${ok} answered, ${failed} failed`);
  const offered = await offeredCalls(server.url);
  if (offered !== ok) problems.push(`the model counts ${offered} offered calls, ${ok} were accepted`);
  const stop = await server.stop();
  return {
    category: 'overload',
    name,
    commandLine: 'hotline mocks tiny.json --error-rate 0.5 + 400 POST /v1/calls',
    problems: [...problems, ...stop.problems],
  };
}

async function pendingLimitCase(
  context: OverloadContext,
  scenario: string,
  calls: number,
): Promise<CaseResult> {
  const name = `capacity: ${calls.toLocaleString('en-US')} calls held open (limit 10,000)`;
  const server = await startMocks(
    context.cli,
    [scenario, '--port', '0', '-q'],
    context.env,
    'overload',
    name,
  );
  // In waves, each accepted before the next: 10,000 connects at once overflow the listen backlog of a
  // loaded machine (connect timeouts on the client, not the mock's refusal).
  const pending = waves(server.url, calls);
  // The held calls end only when the server stops (a held call then gets "abandoned", reason shutdown).
  await waitForAnswers(pending, server.url);
  const stop = await server.stop();
  const answers = await pending;
  const problems: string[] = [];
  const refused = answers.filter((a) => a.status === 503);
  const ended = answers.filter((a) => a.status === 200);
  if (refused.some((a) => !a.retryAfter)) problems.push('a 503 without Retry-After');
  const lost = answers.find((a) => a.status === 0);
  if (lost) problems.push(`first lost call: ${lost.body.slice(0, 200)}`);
  if (refused.length + ended.length !== calls)
    problems.push(`answers: ${statusTally(answers)} for ${calls} calls`);
  // The one agent answers the first call at once (a held call is answered at answer time), so the
  // limit then holds 10,000 more: exactly the rest are refused.
  const over = calls - PENDING_LIMIT - 1;
  if (refused.length !== over) problems.push(`${refused.length} refused; ${over} are over the limit`);
  return {
    category: 'overload',
    name,
    commandLine: `hotline mocks held.json + ${calls} concurrent POST /v1/calls`,
    problems: [...problems, ...stop.problems],
  };
}

/** A scenario whose single agent never frees up and whose callers never give up: every call is held. */
function heldScenario(context: OverloadContext): string {
  const file = join(context.fixturesDir, 'held.json');
  const scenario = tinyScenario() as { agents: unknown; channels: { phone: Record<string, unknown> } };
  scenario.agents = {
    groups: [{ name: 'one', skills: ['phone'], staffing: { kind: 'constant', agents: 1 } }],
  };
  const phone = scenario.channels.phone;
  phone.talkTime = { kind: 'deterministic', value: '300d' };
  phone.patience = { kind: 'deterministic', value: '300d' };
  phone.demand = { callsPerDay: 1, intradayShape: new Array(24).fill(1) };
  delete phone.afterCallWork;
  delete phone.retrial;
  delete phone.trunkLines;
  writeFileSync(file, JSON.stringify(scenario));
  return file;
}

const WAVE = 500;

/** `calls` held calls sent WAVE at a time, each wave once the mock holds the previous ones (or 10 s). */
async function waves(url: string, calls: number): Promise<CallAnswer[]> {
  const all: Promise<CallAnswer[]>[] = [];
  for (let sent = 0; sent < calls; sent += WAVE) {
    all.push(burst(url, Math.min(WAVE, calls - sent), sent));
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200));
      const state = (await fetchState(url)) as { pendingCalls?: number } | undefined;
      if ((state?.pendingCalls ?? 0) >= Math.min(sent + WAVE, PENDING_LIMIT) - 1) break;
    }
  }
  return (await Promise.all(all)).flat();
}

async function burst(url: string, calls: number, first = 0): Promise<CallAnswer[]> {
  return Promise.all(
    Array.from({ length: calls }, async (_, n): Promise<CallAnswer> => {
      const i = first + n;
      try {
        const response = await fetch(`${url}/v1/calls`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ callId: `probe-${i}` }),
          signal: AbortSignal.timeout(300_000),
        });
        return {
          status: response.status,
          retryAfter: response.headers.get('retry-after'),
          body: await response.text(),
        };
      } catch (error) {
        return { status: 0, retryAfter: null, body: String(error) };
      }
    }),
  );
}

/** Waits until the server holds its limit of calls (or the burst has ended), at most a minute. */
async function waitForAnswers(pending: Promise<CallAnswer[]>, url: string): Promise<void> {
  let done = false;
  void pending.then(() => {
    done = true;
  });
  const deadline = Date.now() + 60_000;
  while (!done && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 1000));
    const state = await fetchState(url);
    if (state && JSON.stringify(state).includes('"pendingCalls":10000')) break;
  }
  await new Promise((r) => setTimeout(r, 2000));
}

async function fetchState(url: string): Promise<unknown> {
  try {
    return await (await fetch(`${url}/v1/state`, { signal: AbortSignal.timeout(10_000) })).json();
  } catch {
    return undefined;
  }
}

/** The clients' calls the model has seen: ended (by outcome) plus still held. */
async function offeredCalls(url: string): Promise<number | undefined> {
  const state = (await fetchState(url)) as
    | { calls?: Record<string, number>; pendingCalls?: number }
    | undefined;
  if (!state?.calls) return undefined;
  return Object.values(state.calls).reduce((sum, n) => sum + n, 0) + (state.pendingCalls ?? 0);
}

function statusTally(answers: CallAnswer[]): string {
  const tally = new Map<number, number>();
  for (const a of answers) tally.set(a.status, (tally.get(a.status) ?? 0) + 1);
  return [...tally].map(([s, n]) => `${s}: ${n}`).join(', ');
}
