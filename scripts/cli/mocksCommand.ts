import type { Command } from 'commander';
import { checkLatency, type FaultOptions } from '../../mocks/faults.js';
import { CALLEE_MODES, type CalleeMode } from '../../mocks/outbound/OutboundService.js';
import type { PatienceSource } from '../../mocks/phone/callTypes.js';
import type { ServerOptions } from '../../mocks/server.js';
import { tryParseClock, tryParseDuration } from '../../scenarios/duration.js';
import { InputError, type InputIssue } from '../../scenarios/inputError.js';
import { MAX_TIME_SCALE } from '../../scenarios/limits.js';
import { loadScenarioFile } from '../../scenarios/loadScenario.js';
import type { ScenarioModel } from '../../scenarios/ScenarioModel.js';
import type { DistributionSpec } from '../../scenarios/scenarioSchema.js';
import { seedValue, wholeNumber } from './optionParsers.js';
import { printNotices } from './printNotices.js';

export interface MocksFlags {
  port: number;
  host: string;
  timeScale: number;
  token?: string;
  seed: number | string;
  start?: number;
  day: number;
  errorRate?: number;
  latency?: DistributionSpec;
  outage?: { from: string; to: string };
  quiet?: boolean;
  logLevel: LogLevel;
  allowRemote?: boolean;
  patience: PatienceSource;
  /** Who answers the outbound campaign's dials (absent: the model, as 'model'). */
  callees?: CalleeMode;
  warmStart?: boolean;
}

/** The status routes every run serves, after the routes of the channels a scenario has. */
const ROUTES = [
  'GET  /v1/state   JSON snapshot of the model (queues, agents, outcomes)',
  'GET  /metrics    Prometheus metrics',
  'GET  /health     liveness (no token)',
  'GET  /openapi.json',
];

export function registerMocksCommand(program: Command): void {
  program
    .command('mocks')
    .description(
      "Serve the scenario's channels in real time: calls over HTTP, chat over WebSocket (for k6 replays and manual tests).",
    )
    .argument('<scenario>', 'scenario file (JSON)')
    .option('-p, --port <port>', 'port; 0 picks a free one', wholeNumber('--port', 0, 65_535), 8080)
    .option('--host <host>', 'interface to listen on', '127.0.0.1')
    .option('--allow-remote', 'allow a non-loopback --host (the project only loads loopback)')
    .option(
      '-x, --time-scale <n>',
      'model seconds per wall second',
      positiveNumber('--time-scale', MAX_TIME_SCALE),
      1,
    )
    .option('--token <token>', 'require "Authorization: Bearer <token>" (all routes but /health)')
    .option('-s, --seed <seed>', "seed of the ACD's random streams", seedValue, 1)
    .option('--start <HH:MM>', 'model clock starts at this time of day (default 00:00)', clockValue)
    .option(
      '--day <n>',
      'model clock starts on this day of the calendar (1 = first)',
      wholeNumber('--day', 1, 366),
      1,
    )
    .option(
      '--warm-start',
      "fast-forward the model from the scenario's start to --day/--start with its own contacts (as hotline sim), so the clock starts with the predicted queue, busy agents and retrials",
    )
    .option('--error-rate <r>', 'share of calls answered 500 (0 to 1)', shareValue('--error-rate'))
    .option(
      '--latency <spec>',
      'wall-clock delay before each call response: "50ms" or a JSON distribution',
      latencyValue,
    )
    .option(
      '--outage <HH:MM-HH:MM>',
      'answer 503 to calls in this window of model time, every day',
      outageValue,
    )
    .option(
      '--log-level <level>',
      'pino log level on stderr: info logs every request, warn only problems',
      logLevelValue,
      'warn',
    )
    .option(
      '--patience <source>',
      "who ends a queued call that sent no patienceS: scenario (the class's patience) or client (only the caller hanging up)",
      patienceValue,
      'scenario',
    )
    .option(
      '--callees <source>',
      "who answers the outbound campaign's dials: model (draws each outcome) or client (dials ring until a client claims them: POST /v1/outbound/ringing/claim)",
      calleesValue,
    )
    .option('-q, --quiet', 'print only the URL; no logs')
    .addHelpText(
      'after',
      `
Examples:
  hotline mocks scenarios/stationary-mmc.json
  hotline mocks scenarios/line-122.json --port 0 --time-scale 60 --day 1 --start 08:00
  hotline mocks scenarios/covid-hotline.json --day 1 --start 09:00 --warm-start --time-scale 60
  hotline mocks scenarios/covid-hotline.json --token secret --error-rate 0.01 \\
      --latency '{"kind":"exponential","mean":"50ms"}' --outage 12:00-12:30

Model time = start + wall time elapsed x time scale. Without --warm-start the model starts empty at
--day/--start; with it, the model has run the day so far with its own callers (replication 0 of
hotline sim with the same --seed), whose outcomes and retrials go on inside the model. A held call that is still waiting when the
mocks stop (Ctrl-C, SIGTERM) gets the outcome "abandoned" with "reason": "shutdown".`,
    )
    .action(async (file: string, flags: MocksFlags) => {
      const scenario = loadScenarioFile(file);
      printNotices(file, scenario);
      const options = mocksServerOptions(scenario, flags);
      // fastify and its plug-ins load here, not when the CLI starts (the other commands need none).
      const { startMocks } = await import('../../mocks/server.js');
      const mocks = await startMocks(scenario, { ...options, handleSignals: true }).catch(
        (error: NodeJS.ErrnoException) => {
          throw listenError(error, flags);
        },
      );
      process.stdout.write(`${mocks.url}\n`);
      if (flags.quiet) return;
      const { clock, faultDescriptions } = mocks.app.hotline;
      const routes = [...mocks.app.hotline.routes, ...ROUTES];
      const lines = [
        `hotline mocks: ${scenario.name}, ${clock.timeScale} model s per wall s, model clock from ${describeStart(clock.startAtS)}${flags.warmStart ? ' (warm start: the model ran from day 1 00:00 with its own contacts)' : ''}`,
        ...routes.map((r) => `  ${r}`),
        ...faultDescriptions.map((d) => `  fault: ${d}`),
        flags.token ? '  auth: bearer token required' : '  auth: none',
        'Ctrl-C to stop.',
      ];
      process.stdout.write(`${lines.join('\n')}\n`);
    });
}

/** Flags -> server options, with the checks that need the scenario (day) or several flags (host). */
export function mocksServerOptions(scenario: ScenarioModel, flags: MocksFlags): ServerOptions {
  if (!flags.allowRemote && !isLoopback(flags.host)) {
    throw new InputError(undefined, [
      {
        path: '--host',
        message: 'refusing to listen beyond this machine without --allow-remote',
        value: flags.host,
        allowed: '127.0.0.1, ::1, localhost',
      },
    ]);
  }
  if (flags.day > scenario.calendar.days) {
    throw new InputError(undefined, [
      {
        path: '--day',
        message: 'past the scenario calendar',
        value: flags.day,
        allowed: `1 to ${scenario.calendar.days}`,
      },
    ]);
  }
  const faults: FaultOptions = {};
  if (flags.errorRate !== undefined) faults.errorRate = flags.errorRate;
  if (flags.latency !== undefined) faults.addedLatency = flags.latency;
  if (flags.outage !== undefined) faults.outage = flags.outage;
  return {
    host: flags.host,
    port: flags.port,
    timeScale: flags.timeScale,
    token: flags.token,
    seed: flags.seed,
    startAtS: (flags.day - 1) * 86_400 + (flags.start ?? 0),
    warmStart: flags.warmStart === true,
    faults,
    patience: flags.patience,
    ...(flags.callees === undefined ? {} : { callees: flags.callees }),
    logger: flags.quiet ? false : { level: flags.logLevel, stream: process.stderr },
    logRequests: !flags.quiet && ['info', 'debug', 'trace'].includes(flags.logLevel),
  };
}

function patienceValue(raw: string): PatienceSource {
  if (raw === 'scenario' || raw === 'client') return raw;
  throw new InputError(undefined, [
    { path: '--patience', message: 'unknown patience source', value: raw, allowed: 'scenario, client' },
  ]);
}

function calleesValue(raw: string): CalleeMode {
  const mode = CALLEE_MODES.find((m) => m === raw);
  if (mode !== undefined) return mode;
  throw new InputError(undefined, [
    { path: '--callees', message: 'unknown callee source', value: raw, allowed: CALLEE_MODES.join(', ') },
  ]);
}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

/** A port or host that cannot be listened on is bad input naming the flag, not an internal error. */
function listenError(error: NodeJS.ErrnoException, flags: MocksFlags): Error {
  switch (error.code) {
    case 'EADDRINUSE':
      return new InputError(undefined, [
        {
          path: '--port',
          message: `port ${flags.port} is already in use on ${flags.host}`,
          value: flags.port,
          allowed: 'a free port, or 0 to pick one',
        },
      ]);
    case 'EACCES':
      return new InputError(undefined, [
        {
          path: '--port',
          message: `not allowed to listen on port ${flags.port} (ports below 1024 need privileges)`,
          value: flags.port,
          allowed: '1024 to 65535, or 0 to pick one',
        },
      ]);
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new InputError(undefined, [
        { path: '--host', message: `cannot listen on ${flags.host} (${error.code})`, value: flags.host },
      ]);
    default:
      return error;
  }
}

function positiveNumber(flag: string, max: number) {
  return (raw: string): number => {
    const value = Number(raw);
    if (!/^[0-9]+(\.[0-9]+)?$/.test(raw) || !(value > 0 && value <= max)) {
      throw new InputError(undefined, [
        {
          path: flag,
          message: `expected a number greater than 0 and at most ${max}`,
          value: raw,
          allowed: `0 < N <= ${max}`,
        },
      ]);
    }
    return value;
  };
}

function shareValue(flag: string) {
  return (raw: string): number => {
    const value = Number(raw);
    if (!/^[0-9]+(\.[0-9]+)?$/.test(raw) || value > 1) {
      throw new InputError(undefined, [
        { path: flag, message: 'expected a share', value: raw, allowed: '0 to 1' },
      ]);
    }
    return value;
  };
}

function clockValue(raw: string): number {
  const seconds = tryParseClock(raw);
  if (seconds === undefined || seconds >= 86_400) {
    throw new InputError(undefined, [
      { path: '--start', message: 'expected a time of day', value: raw, allowed: '00:00 to 23:59' },
    ]);
  }
  return seconds;
}

function outageValue(raw: string): { from: string; to: string } {
  const match = /^([0-9]{2}:[0-9]{2})-([0-9]{2}:[0-9]{2})$/.exec(raw);
  const from = match?.[1];
  const to = match?.[2];
  if (!from || !to || tryParseClock(from) === undefined || tryParseClock(to) === undefined || from === to) {
    throw new InputError(undefined, [
      {
        path: '--outage',
        message: 'expected a window of two different times of day',
        value: raw,
        allowed: 'HH:MM-HH:MM',
      },
    ]);
  }
  return { from, to };
}

/**
 * A duration ("50ms") is a constant delay; anything starting with "{" is a JSON distribution. Checked
 * here (bounds included), so a problem names --latency.
 */
function latencyValue(raw: string): DistributionSpec {
  let spec: unknown;
  if (tryParseDuration(raw) !== undefined) spec = raw;
  else if (raw.trimStart().startsWith('{')) {
    try {
      spec = JSON.parse(raw);
    } catch {
      // reported below
    }
  }
  if (spec !== undefined) {
    const issues: InputIssue[] = [];
    checkLatency(spec, '--latency', issues);
    if (issues.length > 0) throw new InputError(undefined, issues);
    return spec as DistributionSpec;
  }
  throw new InputError(undefined, [
    {
      path: '--latency',
      message: 'expected a duration or a JSON distribution',
      value: raw,
      allowed: '"50ms" or \'{"kind":"exponential","mean":"50ms"}\'',
    },
  ]);
}

function describeStart(startAtS: number): string {
  const day = Math.floor(startAtS / 86_400) + 1;
  const clock = startAtS % 86_400;
  const hh = String(Math.floor(clock / 3600)).padStart(2, '0');
  const mm = String(Math.floor((clock % 3600) / 60)).padStart(2, '0');
  return `day ${day} ${hh}:${mm}`;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace'] as const;
type LogLevel = (typeof LOG_LEVELS)[number];

function logLevelValue(raw: string): LogLevel {
  if ((LOG_LEVELS as readonly string[]).includes(raw)) return raw as LogLevel;
  throw new InputError(undefined, [
    { path: '--log-level', message: 'unknown log level', value: raw, allowed: LOG_LEVELS.join(', ') },
  ]);
}
