import { tryParseClock, tryParseDuration } from '../scenarios/duration.js';
import { InputError, type InputIssue } from '../scenarios/inputError.js';
import { DistributionSpec } from '../scenarios/scenarioSchema.js';
import { validateAgainst } from '../scenarios/validateScenario.js';
import type { ChannelName } from '../sim/channels/index.js';
import { buildDistribution } from '../sim/distributions/buildDistribution.js';
import type { Distribution } from '../sim/distributions/Distribution.js';
import { createStream, type Rng, type StreamSource } from '../sim/rng/createStream.js';

/** A window of model time: "HH:MM" strings repeat every day (from > to spans midnight); numbers are
 * model seconds since the start of day 1 and happen once. */
export interface OutageWindow {
  from: string | number;
  to: string | number;
}

/**
 * The faults a transport injects (README "hotline mocks" says how each channel applies them): the
 * same options for every channel, each channel drawing from its own streams.
 */
export interface FaultOptions {
  /** Wall-clock delay added before each response or frame (NOT compressed by timeScale). */
  addedLatency?: DistributionSpec;
  /** Share of requests or client frames refused with an injected error, 0..1. */
  errorRate?: number;
  /** Requests and frames are refused as an outage during this window of model time. */
  outage?: OutageWindow;
}

export interface Faults {
  /** Wall milliseconds to wait before responding. */
  latencyMs(): number;
  /** True when this request should fail with an injected error (draws only with an error rate). */
  injectError(): boolean;
  /** Whether any latency is configured (without, latencyMs is always 0 and draws nothing). */
  readonly hasLatency: boolean;
  inOutage(modelTimeS: number): boolean;
  /** Whether an outage window is configured (without, inOutage is always false). */
  readonly hasOutage: boolean;
  /** One line per active fault, for the CLI banner. */
  readonly descriptions: string[];
}

const DAY_S = 86_400;
/**
 * The longest added latency: a fixed value, a uniform max or an empirical value, or the mean of an
 * unbounded distribution, may not exceed it, and each draw is capped at it. (Beyond 2^31 ms Node's
 * timers fire after 1 ms, so "30d" used to become no latency at all.)
 */
export const MAX_LATENCY_S = 600;

/**
 * Checks and builds the faults of one channel's transport; bad options throw an InputError naming
 * the option. Each channel draws from its own streams, so one channel's traffic never shifts
 * another's faults.
 */
export function buildFaults(
  options: FaultOptions = {},
  seed: number | string = 1,
  channel: ChannelName = 'phone',
): Faults {
  const issues: InputIssue[] = [];
  const latency = buildLatency(options.addedLatency, issues);
  const errorRate = checkErrorRate(options.errorRate, issues);
  const outage = buildOutage(options.outage, issues);
  if (issues.length > 0) throw new InputError(undefined, issues);
  // Own streams (same naming as sim/rng/createStream), so faults never shift the model's draws.
  const latencyRng = faultStream(seed, channel, 'latency');
  const errorRng = faultStream(seed, channel, 'errors');
  const descriptions: string[] = [];
  if (latency) descriptions.push(`added latency: ${latency.describe()} (wall clock)`);
  if (errorRate > 0) descriptions.push(`error rate: ${errorRate}`);
  if (options.outage)
    descriptions.push(`outage: ${options.outage.from} to ${options.outage.to} (model time)`);
  return {
    latencyMs: () => (latency ? Math.min(latency.sample(latencyRng), MAX_LATENCY_S) * 1000 : 0),
    injectError: () => errorRate > 0 && errorRng() < errorRate,
    inOutage: outage,
    hasLatency: latency !== null,
    hasOutage: options.outage !== undefined,
    descriptions,
  };
}

function faultStream(seed: number | string, channel: ChannelName, fault: 'latency' | 'errors'): Rng {
  // Phone keeps the names it had when it was the only channel with faults: same seed, same draws.
  const source: StreamSource = channel === 'phone' ? `mocks.${fault}` : `mocks.${channel}.${fault}`;
  return createStream(seed, source, 0);
}

/**
 * Checks an added-latency spec as the scenario's distributions are checked (readable issues at
 * `path`), plus the latency bound; the CLI calls it with '--latency'.
 */
export function checkLatency(spec: unknown, path: string, issues: InputIssue[]): Distribution | null {
  const before = issues.length;
  const schemaIssues = validateAgainst(DistributionSpec, spec, path);
  if (schemaIssues.length > 0) {
    issues.push(...schemaIssues);
    return null;
  }
  const valid = spec as DistributionSpec;
  const distribution = buildDistribution(valid, path, issues);
  if (issues.length > before) return null;
  const longest = longestLatencyS(valid, distribution);
  if (!(longest <= MAX_LATENCY_S)) {
    issues.push({
      path,
      message: `latency too long: ${typeof valid === 'string' ? valid : distribution.describe()} (longer latencies are not delivered)`,
      value: spec,
      allowed: `at most ${MAX_LATENCY_S / 60}m (fixed value, uniform max, empirical values, or the mean of the others)`,
    });
    return null;
  }
  return distribution;
}

function longestLatencyS(spec: DistributionSpec, distribution: Distribution): number {
  const seconds = (text: string) => tryParseDuration(text) ?? Number.POSITIVE_INFINITY;
  if (typeof spec === 'string') return seconds(spec);
  switch (spec.kind) {
    case 'deterministic':
      return seconds(spec.value);
    case 'uniform':
      return seconds(spec.max);
    case 'empirical':
      return spec.values.reduce((longest, value) => Math.max(longest, seconds(value)), 0);
    default:
      return distribution.mean;
  }
}

function buildLatency(spec: unknown, issues: InputIssue[]): Distribution | null {
  if (spec === undefined) return null;
  return checkLatency(spec, 'addedLatency', issues);
}

function checkErrorRate(rate: unknown, issues: InputIssue[]): number {
  if (rate === undefined) return 0;
  if (typeof rate !== 'number' || !(rate >= 0 && rate <= 1)) {
    issues.push({ path: 'errorRate', message: 'expected a share', value: rate, allowed: '0 to 1' });
    return 0;
  }
  return rate;
}

function buildOutage(window: OutageWindow | undefined, issues: InputIssue[]): (t: number) => boolean {
  const never = () => false;
  if (window === undefined) return never;
  const { from, to } = window;
  if (typeof from === 'number' && typeof to === 'number') {
    if (!(Number.isFinite(from) && Number.isFinite(to) && from >= 0 && to > from)) {
      issues.push({ path: 'outage', message: 'expected 0 <= from < to (model seconds)', value: window });
      return never;
    }
    return (t) => t >= from && t < to;
  }
  const fromS = typeof from === 'string' ? tryParseClock(from) : undefined;
  const toS = typeof to === 'string' ? tryParseClock(to) : undefined;
  if (fromS === undefined || toS === undefined || fromS === toS) {
    issues.push({
      path: 'outage',
      message: 'expected two different times of day, or two numbers of model seconds',
      value: window,
      allowed: '{"from": "HH:MM", "to": "HH:MM"} or {"from": 3600, "to": 7200}',
    });
    return never;
  }
  return (t) => {
    const clock = ((t % DAY_S) + DAY_S) % DAY_S;
    return fromS < toS ? clock >= fromS && clock < toS : clock >= fromS || clock < toS;
  };
}
