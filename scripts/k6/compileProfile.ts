// The profile compiler: scenario + window + time scale -> the k6 `ramping-arrival-rate` schedule.
// Pure and free of k6 imports, so it is unit-tested in Node.
//
// Stage design. Interval k of the window has an expected arrival count N_k (phone.expectedCalls,
// prorated when the window cuts the interval) and lasts W_k = covered model seconds / timeScale of
// wall time. k6's arrival-rate executor starts `target` iterations per `timeUnit`, and `target` must be
// an integer. We choose timeUnit = the compressed length of a full interval (intervalS / timeScale),
// so the target of a full interval is its count itself: target_k = round(N_k) and the stage starts
// exactly target_k iterations; the count is kept within 0.5. A cut interval gets
// target_k = round(N_k * timeUnit / W_k) and starts target_k * W_k / timeUnit iterations, which is
// again within 0.5 of N_k because W_k <= timeUnit. Each interval is two stages: a zero-length jump
// ('0s', which k6 v2 accepts: an instant change of rate) to target_k, then a hold at target_k for W_k;
// one short tail stage after the last hold (see below).
import { InputError } from '../../scenarios/inputError.js';
import type { ScenarioModel, TargetsModel } from '../../scenarios/ScenarioModel.js';

export interface ReplayWindow {
  /** 0-based day of the scenario calendar. */
  day: number;
  /** HH:MM, inclusive. */
  from: string;
  /** HH:MM (24:00 allowed), exclusive. */
  to: string;
}

export interface K6Stage {
  duration: string;
  target: number;
}

export interface ProfileInterval {
  /** Index of the interval over the scenario horizon (the `interval` column of intervals.csv). */
  index: number;
  /** Model seconds of the window inside this interval. */
  modelStartS: number;
  modelEndS: number;
  /** Expected calls in the covered part (fractional, from the scenario). */
  expectedCalls: number;
  /** Iterations per timeUnit during the hold. */
  target: number;
  /** Wall milliseconds of the hold stage. */
  wallMs: number;
  /** Iterations k6 starts in this interval: target * wallMs / timeUnitMs. */
  plannedCalls: number;
  /** Whether the phone channel is open (closed intervals are still replayed; callers hear "closed"). */
  open: boolean;
}

export interface ReplayProfile {
  scenario: string;
  timeScale: number;
  window: ReplayWindow & { startS: number; endS: number };
  timeUnitMs: number;
  intervals: ProfileInterval[];
  stages: K6Stage[];
  /**
   * Iteration-number boundaries: iteration n (exec.scenario.iterationInTest) belongs to intervals[k]
   * when cumulative[k] <= n < cumulative[k + 1]. Exact across execution segments.
   */
  cumulative: number[];
  plannedCalls: number;
  /** Each call waits uniform(0, spreadMs) after k6 starts its iteration (see spreadMs in compileProfile). */
  spreadMs: number;
  /** Predicted calls in flight at the peak (VUs busy), before headroom. */
  peakConcurrency: number;
  preAllocatedVUs: number;
  maxVUs: number;
  /** Wall seconds of the schedule (stages), without the spread tail. */
  durationS: number;
  /** Wall ms k6 waits for one call before failing it. */
  requestTimeoutMs: number;
  thresholds: Record<string, string[]>;
  slThresholdS: number;
}

export interface CompileOptions {
  /**
   * Spread each arrival by a uniform random delay of up to this many wall ms (default: one compressed
   * interval). k6 starts iterations on an even lattice; displacing lattice points by independent
   * uniform delays much longer than the mean gap makes the arrival stream close to Poisson, which is
   * what the simulator draws. Arrivals then land on average spreadMs / 2 later than their interval.
   * 0 keeps the even lattice.
   */
  spreadMs?: number;
}

/** SL variant -> k6 custom Rate metric name. */
export const SL_METRIC = {
  slOffered: 'sl_offered',
  slAnswered: 'sl_answered',
  slExcludingShortAbandons: 'sl_excluding_short_abandons',
} as const;

export const MAX_HTTP_FAILED_RATE = 0.01;

export function compileProfile(
  scenario: ScenarioModel,
  window: ReplayWindow,
  timeScale: number,
  options: CompileOptions = {},
): ReplayProfile {
  const { calendar, phone } = scenario;
  if (!Number.isFinite(timeScale) || timeScale <= 0) {
    throw new InputError(undefined, [
      { path: '--time-scale', message: 'expected a positive number', value: timeScale },
    ]);
  }
  if (!Number.isInteger(window.day) || window.day < 0 || window.day >= calendar.days) {
    throw new InputError(undefined, [
      {
        path: '--day',
        message: 'day outside the scenario calendar',
        value: window.day + 1,
        allowed: `1 to ${calendar.days}`,
      },
    ]);
  }
  const fromS = parseClock(window.from, '--from');
  const toS = parseClock(window.to, '--to');
  if (toS <= fromS) {
    throw new InputError(undefined, [
      { path: '--to', message: 'must be later than --from', value: `${window.from}-${window.to}` },
    ]);
  }
  const dayS = window.day * 86_400;
  const startS = dayS + fromS;
  const endS = dayS + toS;
  const { intervalS } = calendar;
  const timeUnitMs = Math.max(1, Math.round((intervalS / timeScale) * 1000));
  const spreadMs = Math.max(0, Math.round(options.spreadMs ?? timeUnitMs));

  const intervals: ProfileInterval[] = [];
  const stages: K6Stage[] = [];
  const cumulative = [0];
  let planned = 0;
  let exactPlanned = 0;
  for (let k = Math.floor(startS / intervalS); k * intervalS < endS; k++) {
    const a = Math.max(startS, k * intervalS);
    const b = Math.min(endS, (k + 1) * intervalS);
    const fraction = (b - a) / intervalS;
    const expected = (phone.expectedCalls[k] ?? 0) * fraction;
    const wallMs = Math.max(1, Math.round(((b - a) / timeScale) * 1000));
    const target = Math.round((expected * timeUnitMs) / wallMs);
    const plannedCalls = (target * wallMs) / timeUnitMs;
    exactPlanned += plannedCalls;
    planned = Math.floor(exactPlanned + 1e-9);
    cumulative.push(planned);
    intervals.push({
      index: k,
      modelStartS: a,
      modelEndS: b,
      expectedCalls: expected,
      target,
      wallMs,
      plannedCalls,
      open: phone.open[k] === 1,
    });
    stages.push({ duration: '0s', target }, { duration: `${wallMs}ms`, target });
  }

  // k6 starts iteration n when the integral of the rate reaches n + 1, so the last planned iteration
  // falls exactly on the end of the last hold and k6 may skip it; a tail of half a gap at the last
  // rate (integral +0.5, so no extra iteration) lets it start.
  const last = intervals[intervals.length - 1];
  if (last && last.target > 0) {
    stages.push({ duration: `${Math.ceil(timeUnitMs / (2 * last.target))}ms`, target: last.target });
  }
  const durationMs = intervals.reduce((sum, i) => sum + i.wallMs, 0);
  const holdMs = expectedHoldMs(scenario, timeScale);
  const peakRatePerMs = Math.max(0, ...intervals.map((i) => i.target / timeUnitMs));
  // Little's law: calls in flight = arrival rate x time a VU holds a call (spread delay + wait + talk-free reply).
  const peakConcurrency = peakRatePerMs * (spreadMs / 2 + holdMs);
  const preAllocatedVUs = Math.ceil(peakConcurrency * 1.5) + 5;
  const maxVUs = Math.max(preAllocatedVUs * 2, preAllocatedVUs + 50);
  const longestPatienceS = Math.max(...phone.classes.map((c) => c.patience.mean));
  // A call never waits longer than its patience; allow a generous tail (10 mean patiences) plus 30 s.
  const requestTimeoutMs = Math.round((10 * longestPatienceS * 1000) / timeScale + 30_000);
  return {
    scenario: scenario.name,
    timeScale,
    window: { ...window, startS, endS },
    timeUnitMs,
    intervals,
    stages,
    cumulative,
    plannedCalls: planned,
    spreadMs,
    peakConcurrency,
    preAllocatedVUs,
    maxVUs,
    durationS: durationMs / 1000,
    requestTimeoutMs: Number.isFinite(requestTimeoutMs) ? requestTimeoutMs : 600_000,
    thresholds: buildThresholds(phone.targets),
    slThresholdS: phone.targets.thresholdS,
  };
}

/**
 * Expected wall ms a request is held: the caller's wait, compressed. Bounded above by the mean
 * patience (nobody waits longer than they are willing to) plus the IVR time, plus 50 ms of HTTP.
 */
function expectedHoldMs(scenario: ScenarioModel, timeScale: number): number {
  const { phone } = scenario;
  const patienceS = Math.max(...phone.classes.map((c) => c.patience.mean));
  const waitS = Number.isFinite(patienceS) ? patienceS : 600;
  const ivrS = phone.ivr?.time.mean ?? 0;
  return ((waitS + ivrS) / timeScale) * 1000 + 50;
}

/** k6 thresholds from the scenario's targets; the names match the custom metrics of phoneReplay.ts. */
export function buildThresholds(targets: TargetsModel): Record<string, string[]> {
  const thresholds: Record<string, string[]> = {
    [SL_METRIC[targets.variant]]: [`rate>=${targets.goal}`],
  };
  if (targets.maxAbandonRate !== null) thresholds.abandon_rate = [`rate<=${targets.maxAbandonRate}`];
  if (targets.maxAsaS !== null) thresholds.asa_s = [`avg<=${targets.maxAsaS}`];
  thresholds.http_req_failed = [`rate<${MAX_HTTP_FAILED_RATE}`];
  thresholds.dropped_iterations = ['count==0'];
  return thresholds;
}

/** 'HH:MM' -> seconds since midnight; '24:00' allowed. */
export function parseClock(text: string, flag: string): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(text);
  const seconds = m ? Number(m[1]) * 3600 + Number(m[2]) * 60 : Number.NaN;
  if (!m || Number(m[2]) > 59 || seconds > 86_400) {
    throw new InputError(undefined, [
      { path: flag, message: 'expected a time of day', value: text, allowed: '00:00 to 24:00' },
    ]);
  }
  return seconds;
}
