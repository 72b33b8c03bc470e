import swagger from '@fastify/swagger';
import underPressure from '@fastify/under-pressure';
import websocket from '@fastify/websocket';
import Fastify, { type FastifyInstance, type FastifyServerOptions, LogController } from 'fastify';
import { InputError, type InputIssue } from '../scenarios/inputError.js';
import { MAX_TIME_SCALE } from '../scenarios/limits.js';
import type { ScenarioModel } from '../scenarios/ScenarioModel.js';
import type { ChannelName } from '../sim/channels/index.js';
import { createModelClock, type ModelClock } from '../sim/engine/ModelClock.js';
import type { TimerHost } from '../sim/engine/RealtimeDriver.js';
import { installBearerAuth } from './auth.js';
import { ChannelFaults } from './ChannelFaults.js';
import { checkNumberOption } from './checkNumberOption.js';
import { installErrorHandlers } from './errors.js';
import { buildFaults, type FaultOptions } from './faults.js';
import { installHttpFaults } from './installHttpFaults.js';
import { ModelService } from './ModelService.js';
import { REFERENCED_TIMERS } from './referencedTimers.js';
import { registerStatusRoutes } from './routes/statusRoutes.js';
import type { Transport } from './TransportPlugin.js';
import { TRANSPORTS, type TransportOptions, type TransportServices } from './transports.js';

/** Thresholds of @fastify/under-pressure (503 + Retry-After when exceeded); see its README. */
export interface PressureOptions {
  maxEventLoopDelay?: number;
  maxEventLoopUtilization?: number;
  maxHeapUsedBytes?: number;
  maxRssBytes?: number;
  /** Resolves false when the service should refuse requests; needs healthCheckInterval. */
  healthCheck?: () => Promise<boolean>;
  healthCheckInterval?: number;
}

/**
 * The mocks' options: the settings every channel shares, and each transport's own fields
 * (`TransportOptions`: e.g. phone's faults and patience, chat's session limit).
 */
export type MocksOptions = SharedMocksOptions & TransportOptions;

export interface SharedMocksOptions {
  /**
   * Faults every transport injects (the CLI's --latency, --error-rate, --outage), each channel from
   * its own streams; over a channel's scenario faults (phone's `faults`), field by field.
   */
  faults?: FaultOptions;
  /** Model seconds per wall second (default 1). */
  timeScale?: number;
  /** Bearer token required on every route but /health when set. */
  token?: string;
  /** Seed of the model's streams (default 1). */
  seed?: number | string;
  /** Model time (seconds since the start of day 1) at which the clock starts (default 0). */
  startAtS?: number;
  /**
   * When the model clock starts running: when the app is ready (default), or at the first call, so
   * a replay that starts a little after the mocks meets the model time it planned for.
   */
  clockStart?: 'ready' | 'firstCall';
  /**
   * Fast-forward the model from the scenario's start to `startAtS` with the batch driver (its own
   * arrivals, as `hotline sim` replication 0 with the same seed), so a window that starts mid-day
   * starts with the predicted queue, busy agents and pending retrials (default false: empty).
   */
  warmStart?: boolean;
  /** With warmStart: the model's own arrivals stop here (default startAtS; see ModelService's WarmStart). */
  warmStartArrivalsUntilS?: number;
  /** With warmStart: the model's own arrivals start again here (default never; see WarmStart). */
  warmStartArrivalsResumeAtS?: number;
  /**
   * Called with every contact's final outcome as its transport reports it (phone: each call's
   * CallResult, hang-ups included), for reconciling the mocks with a client (`hotline load`).
   */
  onContactEnd?: (channel: ChannelName, result: unknown) => void;
  /** Pino options, or false for no logs (default false). */
  logger?: FastifyServerOptions['logger'];
  /** Log a line per request (off by default: a load test sends thousands). */
  logRequests?: boolean;
  /** Retry-After of every 503, seconds (default 1). */
  retryAfterS?: number;
  /** Largest request body, bytes (default 16 KiB). */
  bodyLimit?: number;
  /** Under-pressure thresholds (default: event-loop delay above 1 s). */
  pressure?: PressureOptions;
  /** Wall clock in ms (tests only; default performance.now). */
  wallNowMs?: () => number;
  /**
   * Timers of the model's real-time driver (default Node's, unref'd) and of injected latency (default
   * Node's): tests only.
   */
  timers?: TimerHost;
}

/** What the app carries besides routes, for the server entry and for tests. */
export interface MocksRuntime {
  /** The one model run (shared agent pool) and its real-time driver, under every channel. */
  readonly model: ModelService;
  /** The transports' services by channel, for the channels the scenario has (e.g. `transports.phone`). */
  readonly transports: TransportServices;
  readonly clock: ModelClock;
  /** The routes of the channels the scenario has, a line each (the CLI banner). */
  readonly routes: readonly string[];
  /** The faults injected, a line each with the channels that inject it (the CLI banner). */
  readonly faultDescriptions: readonly string[];
  /** Each channel's faults and their counts, in the transports' list order. */
  readonly faults: readonly ChannelFaults[];
}

declare module 'fastify' {
  interface FastifyInstance {
    hotline: MocksRuntime;
  }
}

const DEFAULTS = {
  timeScale: 1,
  seed: 1,
  startAtS: 0,
  retryAfterS: 1,
  bodyLimit: 16 * 1024,
} as const;

/**
 * The mocks as a fastify app, not listening (fastify's buildApp lesson: tests use `inject`). The
 * model clock starts when the app is ready (listen, or the first inject). `app.close()` ends every held call first (outcome "abandoned", reason
 * "shutdown"), so no request is left hanging. Bad options throw an InputError.
 */
export async function buildMocks(
  scenario: ScenarioModel,
  options: MocksOptions = {},
): Promise<FastifyInstance> {
  const settings = checkOptions(options);
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: settings.bodyLimit,
    // Unknown fields are errors (a typo must not be silently ignored) and "5" is not a number.
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false } },
    // A load test sends thousands of requests; per-request log lines would drown the useful ones.
    logController: new LogController({ disableRequestLogging: options.logRequests !== true }),
  });
  installErrorHandlers(app, settings.retryAfterS);
  await app.register(underPressure, {
    maxEventLoopDelay: 1000,
    ...options.pressure,
    retryAfter: settings.retryAfterS,
  });
  await app.register(swagger, {
    openapi: {
      info: { title: `hotline mocks: ${scenario.name}`, version: '1' },
      components: { securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer' } } },
      security: settings.token === undefined ? [] : [{ bearerAuth: [] }],
    },
  });
  if (settings.token !== undefined) installBearerAuth(app, settings.token);

  const clock = createModelClock(settings.startAtS, settings.timeScale, options.wallNowMs);
  const warmStart =
    options.warmStart === true
      ? {
          ownArrivalsUntilS: options.warmStartArrivalsUntilS,
          ownArrivalsResumeAtS: options.warmStartArrivalsResumeAtS,
        }
      : null;
  const model = new ModelService(scenario, clock, settings.seed, options.timers, warmStart);
  // Registered before the routes (its README); at close, every open session hears its outcome
  // (a closed frame) before its socket is closed.
  await app.register(websocket, {
    options: { maxPayload: settings.bodyLimit },
    preClose: async function (this: FastifyInstance) {
      model.shutdown();
      for (const client of this.websocketServer.clients) client.close(1001, 'mock shutting down');
      await new Promise<void>((resolve) => this.websocketServer.close(() => resolve()));
    },
  });
  // @fastify/websocket answers a refused upgrade (401...) on the raw socket, which nothing then
  // ends: end it, or the client's connection stays held and the server cannot close.
  app.addHook('onResponse', async (request, reply) => {
    if (request.headers.upgrade !== undefined && reply.statusCode >= 400) request.raw.socket?.end();
  });
  const closing = new AbortController();
  let started = false;
  /** With clockStart 'firstCall': the first contact of any channel starts the model clock. */
  const firstContact = () => {
    if (started || options.clockStart !== 'firstCall') return;
    started = true;
    clock.start();
    model.driver.rearm(); // timers armed while the clock stood still would fire late
  };
  if (options.clockStart !== 'firstCall') app.addHook('onReady', async () => clock.start());
  // preClose runs while the server still has its connections: held calls get their outcome and
  // their responses go out before the server stops.
  app.addHook('preClose', async () => {
    model.shutdown();
    closing.abort();
  });

  // A POST without a body is a contact with nothing chosen: validate it as {}.
  app.addHook('preValidation', async (request) => {
    if (request.method === 'POST' && (request.body === undefined || request.body === null)) request.body = {};
  });
  const transports: Transport<unknown>[] = [];
  const channelFaults: ChannelFaults[] = [];
  const services: Record<string, unknown> = {};
  for (const plugin of TRANSPORTS) {
    if (scenario.channels[plugin.channel] === undefined) continue;
    const faults = new ChannelFaults(
      plugin.channel,
      buildFaults(
        { ...plugin.scenarioFaults?.(scenario), ...definedOnly(options.faults ?? {}) },
        settings.seed,
        plugin.channel,
      ),
      () => clock.nowS(),
      options.timers ?? REFERENCED_TIMERS,
      closing.signal,
    );
    channelFaults.push(faults);
    // Its own scope: the transport's hooks, and the faults applied to its HTTP routes, stop there.
    await app.register(async (scope) => {
      if (plugin.faultsOnFrames !== true) installHttpFaults(scope, faults, settings.retryAfterS);
      const transport: Transport<unknown> = plugin.build({
        app: scope,
        model,
        clock,
        options,
        seed: settings.seed,
        faults,
        retryAfterS: settings.retryAfterS,
        clockStartsAtFirstContact: options.clockStart === 'firstCall',
        firstContact,
        contactEnded: (result) => options.onContactEnd?.(plugin.channel, result),
      });
      transports.push(transport);
      services[plugin.channel] = transport.service;
    });
  }
  app.decorate('hotline', {
    model,
    transports: services as TransportServices,
    clock,
    routes: transports.flatMap((t) => t.routes),
    faultDescriptions: describeFaults(channelFaults),
    faults: channelFaults,
  });
  registerStatusRoutes(
    app,
    model,
    { scenario: scenario.name, timeScale: settings.timeScale },
    transports,
    channelFaults,
    // Every transport's fields, present or not: the state's schema does not depend on the scenario.
    Object.assign({}, ...TRANSPORTS.map((plugin) => plugin.stateProperties)),
  );
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  return app;
}

interface Settings {
  timeScale: number;
  token: string | undefined;
  seed: number | string;
  startAtS: number;
  retryAfterS: number;
  bodyLimit: number;
}

function checkOptions(options: MocksOptions): Settings {
  const s: Settings = { ...DEFAULTS, token: options.token };
  const issues: InputIssue[] = [];
  // Above MAX_TIME_SCALE the model outruns the event loop (at 1e12 /health stopped answering).
  if (options.timeScale !== undefined && !(options.timeScale > 0 && options.timeScale <= MAX_TIME_SCALE)) {
    issues.push({
      path: 'timeScale',
      message: 'expected a number > 0',
      value: options.timeScale,
      allowed: `0 < N <= ${MAX_TIME_SCALE}`,
    });
  } else if (options.timeScale !== undefined) s.timeScale = options.timeScale;
  s.startAtS = checkNumberOption('startAtS', options.startAtS, 0, false, issues) ?? s.startAtS;
  s.retryAfterS = checkNumberOption('retryAfterS', options.retryAfterS, 0, true, issues) ?? s.retryAfterS;
  s.bodyLimit = checkNumberOption('bodyLimit', options.bodyLimit, 64, true, issues) ?? s.bodyLimit;
  if (options.seed !== undefined) s.seed = options.seed;
  if (options.token !== undefined && !/^[\x21-\x7e]{1,512}$/.test(options.token)) {
    issues.push({ path: 'token', message: 'expected 1 to 512 printable characters without spaces' });
  }
  // The flags' faults are checked whatever channels the scenario has: a bad flag is bad input.
  try {
    buildFaults(definedOnly(options.faults ?? {}));
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    issues.push(...error.issues);
  }
  for (const plugin of TRANSPORTS) plugin.checkOptions(options, issues);
  if (issues.length > 0) throw new InputError(undefined, issues);
  return s;
}

/** The options given, without fields set to undefined (which would hide a scenario's fault). */
function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** A line per distinct fault, with the channels that inject it: "error rate: 0.1 on phone, chat". */
function describeFaults(faults: readonly ChannelFaults[]): string[] {
  const channelsOf = new Map<string, string[]>();
  for (const channel of faults)
    for (const line of channel.descriptions)
      channelsOf.set(line, [...(channelsOf.get(line) ?? []), channel.channel]);
  return [...channelsOf].map(([line, channels]) => `${line} on ${channels.join(', ')}`);
}
