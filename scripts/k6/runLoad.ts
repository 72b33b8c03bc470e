// `hotline load` as a function: compile the profile, check the target, build the k6 bundle, run k6
// (1 or N execution segments), merge the samples, judge the thresholds and write the run folder.
//
// Exit codes: 0 all thresholds pass; 99 (k6's own code) a threshold is breached; 2 bad input, which
// includes an unreachable --target and a missing k6 (thrown as InputError before anything starts, so CI
// never mistakes a setup problem for a breach); any other non-zero code is k6's own failure code.
//
// SIGINT/SIGTERM while it runs: the signal is forwarded to every k6 process (a second one kills them),
// the mocks are closed (held calls get their shutdown answer, so k6 is not left waiting), the k6
// processes are awaited, the temporary folder is removed, no run folder is written, and runLoad
// throws Interrupted (the CLI exits 130 for SIGINT, 143 for SIGTERM).
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { FaultOptions } from '../../mocks/faults.js';
import type { K6ChannelLevels } from '../../results/K6ChannelResults.js';
import { k6Levels } from '../../results/k6Levels.js';
import { type K6Measurement, readK6Points } from '../../results/k6Points.js';
import { K6_RESULTS } from '../../results/k6Results.js';
import { evaluateThresholds, type ThresholdResult, thresholdsJunit } from '../../results/k6Summary.js';
import { measuredIntervals } from '../../results/measuredWindow.js';
import type { RunSummary } from '../../results/runFormat.js';
import { type SavedK6Run, saveK6Run } from '../../results/saveK6Run.js';
import { targetsAfterReplay } from '../../results/targetsAfterReplay.js';
import { checkRunOutput } from '../../results/writeRunFolder.js';
import { InputError } from '../../scenarios/inputError.js';
import { loadScenarioFile } from '../../scenarios/loadScenario.js';
import type { ScenarioModel } from '../../scenarios/ScenarioModel.js';
import type { ChannelName } from '../../sim/channels/index.js';
import { Interrupted, type SignalWatch, watchSignals } from '../interrupted.js';
import { buildK6Bundle } from './buildK6Bundle.js';
import type { CallAdapter } from './callAdapter.js';
import { type ArrivalMode, compileProfile, type ReplayProfile } from './compileProfile.js';
import type { AnyK6ChannelClient, MockState } from './K6ChannelClient.js';
import { K6_CLIENTS } from './k6Clients.js';
import { orInterrupted } from './orInterrupted.js';
import { CONFIG_FILE_ENV } from './readReplayConfig.js';
import { type ReplayConfig, replayConfig } from './replayConfig.js';
import { planOf, replayedClients } from './replayedClients.js';
import { type ResolvedK6, resolveK6 } from './resolveK6.js';

export const THRESHOLD_EXIT_CODE = 99;

export interface LoadOptions {
  scenarioFile: string;
  /** Base URL of the ACD; without it the mocks are started on a free loopback port. */
  target?: string;
  timeScale: number;
  /** 0-based day of the calendar. */
  day: number;
  from: string;
  to: string;
  tokenEnv?: string;
  segments: number;
  dashboard?: boolean;
  out?: string;
  /** k6 without progress bar and end-of-test summary. */
  quiet?: boolean;
  /** Send k6's stdout to our stderr (stdout is reserved for --json). */
  k6StdoutToStderr?: boolean;
  seed?: number | string;
  /** See CompileOptions.arrivals (default 'poisson'). */
  arrivals?: ArrivalMode;
  /** Model seconds replayed before the window and not measured (`--warmup`; default 0). */
  warmupS?: number;
  toolVersion: string;
  /** How to talk to a target whose API differs from the mocks' contract (`--adapter`, loadAdapter). */
  adapter?: CallAdapter;
  /** Mocks only: injected faults (tests; the scenario's `faults` apply otherwise). */
  mockFaults?: FaultOptions;
  /** Called right before the k6 processes start (tests check it is never called on bad input). */
  onK6Start?: (args: string[][]) => void;
  /** Where SIGINT/SIGTERM come from (default: this process; tests pass an EventEmitter). */
  signalSource?: NodeJS.EventEmitter;
}

/** After the first signal, how long k6 gets to stop on its own before it is killed. */
const K6_STOP_GRACE_MS = 15_000;
const CLEANED_UP = 'k6 stopped and awaited, mocks closed, temporary files removed; no run written';

export interface LoadResult {
  exitCode: number;
  saved: SavedK6Run;
  summary: RunSummary;
  profile: ReplayProfile;
  k6: ResolvedK6;
  /** GET /v1/state of the mocks after the replay; null against an external target. */
  mockState: unknown;
  /**
   * Every contact's final outcome as the mocks' transports reported it, by channel (phone: each
   * call's CallResult, hang-ups included); null against an external target.
   */
  mockContacts: Partial<Record<ChannelName, unknown[]>> | null;
  /** The merged k6 samples, call by call. */
  measurement: K6Measurement;
  /** Every threshold re-judged on the merged samples, then the targets judged after the replay. */
  thresholds: ThresholdResult[];
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const startedAt = new Date();
  const started = performance.now();
  const scenario = loadScenarioFile(options.scenarioFile);
  const profile = compileProfile(
    scenario,
    { day: options.day, from: options.from, to: options.to },
    options.timeScale,
    { arrivals: options.arrivals, seed: options.seed ?? 1, warmupS: options.warmupS },
  );
  const token = readToken(options.tokenEnv);
  if (!Number.isInteger(options.segments) || options.segments < 1) {
    throw new InputError(undefined, [
      { path: '--segments', message: 'expected a whole number of at least 1', value: options.segments },
    ]);
  }
  checkRunOutput(options.out); // before minutes of replay, not after
  const signals = watchSignals(options.signalSource);
  try {
    return await replay(options, scenario, profile, token, signals, startedAt, started);
  } finally {
    signals.dispose();
  }
}

async function replay(
  options: LoadOptions,
  scenario: ScenarioModel,
  profile: ReplayProfile,
  token: string | undefined,
  signals: SignalWatch,
  startedAt: Date,
  started: number,
): Promise<LoadResult> {
  const stopIfInterrupted = () => {
    if (signals.signal) throw new Interrupted(signals.signal, CLEANED_UP);
  };
  if (options.target !== undefined)
    await checkReachable(
      options.target,
      options.adapter ? undefined : token,
      options.tokenEnv,
      options.adapter?.healthPath,
    );
  const k6 = await resolveK6().catch((error: Error) => {
    throw new InputError(undefined, error.message);
  });
  const bundle = await orInterrupted(buildK6Bundle(), signals, CLEANED_UP);
  const seed = options.seed ?? 1;
  stopIfInterrupted();

  const work = mkdtempSync(join(tmpdir(), 'hotline-k6-'));
  let mocks: { url: string; close(): Promise<void> } | undefined;
  const children: ChildProcess[] = [];
  let killTimer: NodeJS.Timeout | undefined;
  signals.onSignal((signal, count) => {
    // First signal: k6 stops gracefully; a repeat (or k6 ignoring it) kills.
    for (const child of children) child.kill(count > 1 ? 'SIGKILL' : signal);
    void mocks?.close();
    killTimer ??= setTimeout(() => {
      for (const child of children) child.kill('SIGKILL');
    }, K6_STOP_GRACE_MS).unref();
  });
  const mockContacts: Partial<Record<ChannelName, unknown[]>> = {};
  try {
    if (options.target === undefined) {
      const { startMocks } = await import('../../mocks/server.js');
      const windowStartS = profile.window.startS % (scenario.calendar.days * 86_400);
      mocks = await startMocks(scenario, {
        host: '127.0.0.1',
        port: 0,
        timeScale: options.timeScale,
        seed,
        startAtS: mockStartS(scenario, profile),
        clockStart: 'firstCall',
        // The window starts with the simulator's state at its start (queue, busy agents, retrials
        // of the morning's callers), not empty: the same day the prediction measures it in.
        warmStart: true,
        // The model's own contacts stop at the window's start (the clock starts at the first k6
        // call) and start again at its end, so the grace after it (e-mails still being answered)
        // has the simulator's load, not an idle pool.
        warmStartArrivalsUntilS: windowStartS,
        warmStartArrivalsResumeAtS: windowStartS + (profile.window.endS - profile.window.startS),
        token,
        // The caller is the client: k6 hangs up at its patience, the mocks invent none.
        patience: 'client',
        // The people the outbound campaign calls are k6's callees: the model's dials ring for them.
        callees: 'client',
        faults: options.mockFaults,
        onContactEnd: (channel, result) => {
          mockContacts[channel] ??= [];
          mockContacts[channel].push(result);
        },
      });
    }
    const target = options.target ?? mocks!.url;
    const runId = `${scenario.name}-${startedAt.getTime().toString(36)}`;
    const config = replayConfig(profile, target, options.tokenEnv ?? null, runId, options.adapter);
    const configFile = join(work, 'k6-config.json');
    writeFileSync(configFile, JSON.stringify(config));
    // Every client's plans file, an empty list for a channel not replayed (k6's init may open it).
    for (const client of K6_CLIENTS as readonly AnyK6ChannelClient[])
      writeFileSync(
        join(work, client.planFile.localName),
        JSON.stringify(client.plans(planOf(profile, client))),
      );
    const segments = options.segments;
    const argsList = Array.from({ length: segments }, (_, i) =>
      k6Args(bundle.file, configFile, work, i, segments, options.quiet === true || i > 0),
    );
    stopIfInterrupted();
    options.onK6Start?.(argsList);
    const runs = argsList.map((args, i) =>
      startK6(k6.path, args, k6Env(work, i === 0 && options.dashboard === true), {
        stdoutToStderr: options.k6StdoutToStderr === true,
        showOutput: i === 0 && options.quiet !== true,
      }),
    );
    children.push(...runs.map((run) => run.child));
    const codes = await Promise.all(runs.map((run) => run.exited));
    stopIfInterrupted();
    let mockState: unknown = null;
    if (mocks) {
      mockState = await settledMockState(mocks.url, token, profile);
      await mocks.close();
      mocks = undefined;
    }

    // The counting rule (a warm-up's contacts are sent, not measured) is applied once, when reading:
    // the window's intervals, which every replayed channel's plan has.
    const replayed = replayedClients(profile);
    const isMeasured = measuredIntervals(replayed.flatMap(([, plan]) => plan.intervals));
    const measurement = await readK6Points(
      argsList.map((_, i) => join(work, `points-${i}.json.gz`)).filter((f) => existsSync(f)),
      isMeasured,
    );
    // Every channel's measured levels and SL threshold, for the channels the scenario has (list order).
    const channels: Record<string, K6ChannelLevels> = {};
    const thresholdsS: Record<string, number> = {};
    for (const results of K6_RESULTS) {
      const plan = replayed.find(([client]) => client.channel === results.channel)?.[1];
      const window = (plan?.intervals ?? []).filter((i) => i.measured).map((i) => i.index);
      const levels = k6Levels(results, scenario, measurement, window);
      if (levels === null) continue;
      channels[results.channel] = levels;
      thresholdsS[results.channel] = results.thresholdS(scenario)!;
    }
    // k6's thresholds re-judged on the merged samples, then the targets k6 had no metric for.
    const thresholds = [
      ...evaluateThresholds(profile.thresholds, measurement, thresholdsS),
      ...targetsAfterReplay(scenario, channels),
    ];
    // The cross-check of the channel that has one (the ACD's self-report of its calls), with the
    // mocks' record of its contacts (none against a target).
    const crossCheck = replayed
      .map(([client, plan]) =>
        client.crossCheck?.(
          plan,
          measurement,
          options.target === undefined ? (mockContacts[client.channel] ?? []) : null,
          profile.warmupS > 0,
        ),
      )
      .find((check) => check !== undefined);
    const failure = codes.find((c) => c !== 0 && c !== THRESHOLD_EXIT_CODE);
    // k6 judged its thresholds on every call, a warm-up's included; then only the re-judgement counts.
    const k6Breached = profile.warmupS === 0 && codes.includes(THRESHOLD_EXIT_CODE);
    const breached = k6Breached || thresholds.some((t) => !t.ok);
    const exitCode = failure ?? (breached ? THRESHOLD_EXIT_CODE : 0);

    const artifacts = collectArtifacts(work, segments, config, mockState);
    artifacts['junit.xml'] = thresholdsJunit(`hotline load ${scenario.name}`, thresholds);
    if (measurement.quality) artifacts['load-quality.json'] = `${JSON.stringify(measurement.quality)}\n`;
    const saved = saveK6Run(
      {
        scenario,
        file: options.scenarioFile,
        seed,
        channels,
        info: {
          version: k6.version,
          target: options.target ?? 'mocks',
          timeScale: options.timeScale,
          window: { day: options.day, from: options.from, to: options.to },
          segments,
          planned: Object.fromEntries(
            replayed.map(([client, plan]) => [client.channel, client.planned(plan)]),
          ),
          exitCode,
          thresholds,
        },
        startedAt,
        durationMs: performance.now() - started,
        toolVersion: options.toolVersion,
        crossCheck,
        artifacts,
      },
      options.out,
    );
    return {
      exitCode,
      saved,
      summary: saved.summary,
      profile,
      k6,
      mockState,
      mockContacts: options.target === undefined ? mockContacts : null,
      measurement,
      thresholds,
    };
  } finally {
    // Never leave a k6 behind, whatever went wrong (they are awaited above unless spawning threw).
    for (const child of children)
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    if (killTimer) clearTimeout(killTimer);
    await mocks?.close();
    rmSync(work, { recursive: true, force: true });
  }
}

/** Execution segment i of n, as k6 writes fractions: 0, 1/3, 2/3, 1. */
function fraction(i: number, n: number): string {
  if (i === 0) return '0';
  if (i === n) return '1';
  return `${i}/${n}`;
}

export function segmentArgs(i: number, n: number): string[] {
  if (n === 1) return [];
  const sequence = Array.from({ length: n + 1 }, (_, j) => fraction(j, n)).join(',');
  return [
    '--execution-segment',
    `${fraction(i, n)}:${fraction(i + 1, n)}`,
    '--execution-segment-sequence',
    sequence,
  ];
}

function k6Args(
  script: string,
  configFile: string,
  work: string,
  i: number,
  n: number,
  quiet: boolean,
): string[] {
  return [
    'run',
    '--no-usage-report',
    '-e',
    `${CONFIG_FILE_ENV}=${configFile}`,
    ...K6_CLIENTS.flatMap((client) => [
      '-e',
      `${client.planFile.env}=${join(work, client.planFile.localName)}`,
    ]),
    '--out',
    `json=${join(work, `points-${i}.json.gz`)}`,
    '--summary-export',
    join(work, `k6-summary-${i}.json`),
    ...segmentArgs(i, n),
    ...(quiet ? ['--quiet'] : []),
    script,
  ];
}

function k6Env(work: string, dashboard: boolean): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, K6_AUTO_EXTENSION_RESOLUTION: 'false' };
  if (dashboard) {
    env.K6_WEB_DASHBOARD = 'true';
    env.K6_WEB_DASHBOARD_EXPORT = join(work, 'dashboard.html');
    env.K6_WEB_DASHBOARD_PERIOD = '1s';
    env.K6_WEB_DASHBOARD_PORT = '-1';
  }
  return env;
}

function startK6(
  bin: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  io: { stdoutToStderr: boolean; showOutput: boolean },
): { child: ChildProcess; exited: Promise<number> } {
  const child = spawn(bin, args, {
    env,
    // Its own process group: a Ctrl-C in the terminal reaches hotline, which forwards it (once).
    detached: true,
    stdio: ['ignore', io.showOutput && !io.stdoutToStderr ? 'inherit' : 'pipe', 'pipe'],
    windowsHide: true,
  });
  // k6 warns about every request that ends in an error; a caller hanging up (the request timeout
  // at its patience) is a measured outcome, not a problem, so those lines are dropped.
  createInterface({ input: child.stderr!, crlfDelay: Number.POSITIVE_INFINITY }).on('line', (line) => {
    if (!isHangUpWarning(line)) process.stderr.write(`${line}\n`);
  });
  if (child.stdout) {
    if (io.showOutput) child.stdout.pipe(process.stderr, { end: false });
    else child.stdout.resume();
  }
  const exited = new Promise<number>((resolve, reject) => {
    child.on('error', (error) => {
      reject(error);
    });
    child.on('close', (code, signal) => {
      resolve(code ?? (signal ? 128 + 15 : 1));
    });
  });
  return { child, exited };
}

/** k6's per-request warning for a request that timed out: the caller hanging up. */
export function isHangUpWarning(line: string): boolean {
  return line.includes('msg="Request Failed"') && line.includes('request timeout');
}

function collectArtifacts(
  work: string,
  segments: number,
  config: ReplayConfig,
  mockState: unknown,
): Record<string, string> {
  const artifacts: Record<string, string> = {};
  for (let i = 0; i < segments; i++) {
    const file = join(work, `k6-summary-${i}.json`);
    const name = segments === 1 ? 'k6-summary.json' : `k6-summary-${i}.json`;
    if (existsSync(file)) artifacts[name] = readFileSync(file, 'utf8');
  }
  const dashboard = join(work, 'dashboard.html');
  if (existsSync(dashboard)) artifacts['dashboard.html'] = readFileSync(dashboard, 'utf8');
  artifacts['k6-config.json'] = `${JSON.stringify(config, null, 2)}\n`;
  if (mockState !== null) artifacts['mock-state.json'] = `${JSON.stringify(mockState, null, 2)}\n`;
  return artifacts;
}

function readToken(tokenEnv: string | undefined): string | undefined {
  if (tokenEnv === undefined) return undefined;
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(tokenEnv)) {
    throw new InputError(undefined, [
      { path: '--token-env', message: 'expected an environment variable name', value: tokenEnv },
    ]);
  }
  const token = process.env[tokenEnv];
  if (!token) {
    throw new InputError(undefined, [
      { path: '--token-env', message: `environment variable ${tokenEnv} is not set or empty` },
    ]);
  }
  return token;
}

/**
 * Fails with a clear InputError (exit 2) when the target does not answer HTTP at all, or refuses the
 * token: GET /v1/state with the token (what the mocks and the ACD API guard) answering 401 or 403
 * means every call of the replay would be refused too, so k6 is not started. Other answers (200,
 * 404 where a deployment has no such route) say nothing against the token and are accepted. With an
 * adapter (another API) only its health path is probed.
 */
export async function checkReachable(
  target: string,
  token?: string,
  tokenEnv?: string,
  healthPath = '/health',
  timeoutMs = 5000,
): Promise<void> {
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    throw new InputError(undefined, [{ path: '--target', message: 'not a URL', value: target }]);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new InputError(undefined, [
      { path: '--target', message: 'expected an http or https URL', value: target },
    ]);
  }
  const base = url.href.endsWith('/') ? url : new URL(`${url.href}/`);
  const get = async (path: string, headers: Record<string, string> = {}) => {
    try {
      const response = await fetch(new URL(path, base), { headers, signal: AbortSignal.timeout(timeoutMs) });
      await response.body?.cancel();
      return response.status;
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      const reason =
        (error as Error).name === 'TimeoutError'
          ? `no answer within ${timeoutMs / 1000} s`
          : (cause ?? (error as Error).message);
      throw new InputError(undefined, [
        { path: '--target', message: `cannot reach ${target} (${reason}); k6 was not started` },
      ]);
    }
  };
  // Any HTTP answer (even 401 or 404) means something listens; /health needs no token on the mocks.
  await get(healthPath.slice(1));
  if (healthPath !== '/health') return; // another API: its auth is the adapter's business
  const status = await get('v1/state', token ? { Authorization: `Bearer ${token}` } : {});
  if (status === 401 || status === 403) {
    throw new InputError(undefined, [
      token
        ? {
            path: '--token-env',
            message: `${target} refused the token in ${tokenEnv ?? 'the token variable'} (HTTP ${status} on GET /v1/state); k6 was not started`,
            allowed: 'the bearer token the target expects',
          }
        : {
            path: '--token-env',
            message: `${target} needs a token (HTTP ${status} on GET /v1/state); k6 was not started`,
            allowed: 'the name of an environment variable holding the bearer token',
          },
    ]);
  }
}

/**
 * Model time where the mocks' clock starts, which it does with the first call: the window start
 * plus the planned instant of that call, so k6's start-up time shifts nothing.
 */
function mockStartS(scenario: ScenarioModel, profile: ReplayProfile): number {
  const horizonS = scenario.calendar.days * 86_400;
  const startS = profile.window.startS + ((profile.firstCallWallMs ?? 0) / 1000) * profile.timeScale;
  return startS % horizonS;
}

/**
 * The mocks' state once k6 is gone. k6's exit closes its connections, and the mocks (in this process)
 * may not have handled every close yet: a caller who hung up at the very end would be missing from
 * the counts (and a chat socket closed at the end from the chat block). So the state is read again
 * until no replayed channel's client sees its contacts held, for at most about a second.
 */
async function settledMockState(
  url: string,
  token: string | undefined,
  profile: ReplayProfile,
): Promise<unknown> {
  const read = () =>
    fetch(`${url}/v1/state`, { headers: token ? { Authorization: `Bearer ${token}` } : {} })
      .then((r) => r.json() as Promise<MockState>)
      .catch(() => null);
  const clients = (K6_CLIENTS as readonly AnyK6ChannelClient[]).filter(
    (client) => planOf(profile, client) !== undefined,
  );
  const held = (state: MockState) => clients.some((client) => client.holdsContacts(state));
  let state = await read();
  for (let tries = 0; tries < 100 && state !== null && held(state); tries++) {
    await new Promise((resolve) => setTimeout(resolve, 10));
    state = await read();
  }
  return state;
}
