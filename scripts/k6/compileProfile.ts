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
//
// Arrivals. k6 starts the iterations of a stage on an even lattice, which queues far less than the
// Poisson arrivals the simulator draws (a replay against a correct ACD would measure a better service
// level than predicted). With `arrivals: 'poisson'` (the default) the compiler draws the window as
// the simulator does: a Poisson count per interval, and times spread uniformly within it (a Poisson
// process given its counts). Each iteration then sleeps until its own arrival time. An iteration
// cannot start before k6's lattice reaches it, so every arrival is delayed by one lead time: the
// largest lag of the drawn times behind the lattice, plus a margin for k6's scheduling.
// `arrivals: 'even'` keeps the lattice and the expected counts (a steady load, no randomness).
import { InputError } from '../../scenarios/inputError.js';
import type { ScenarioModel } from '../../scenarios/ScenarioModel.js';
import { dayFactors } from '../../sim/arrivals/arrivalRates.js';
import { type ChannelTargets, k6TargetThresholds } from '../../sim/metrics/judgeTargets.js';
import { createStream, type Rng } from '../../sim/rng/createStream.js';
import { buildCallerPlans, type CallerPlan } from './callerPlans.js';
import { type ChatReplayPlan, chatReplayPlan } from './chatSessions.js';
import type { RetrialConfig } from './phoneCalls.js';

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
  /**
   * The day's volume factor (`dailyCv`) the Poisson draw applied: the simulator's for replication 0
   * of the same seed (stream `<channel>.demand`); 1 with `even` arrivals or no `dailyCv`.
   */
  dayFactor: number;
  /** Calls drawn for the covered part (Poisson, mean expected x day factor), or the expected calls rounded with `even` arrivals. */
  drawnCalls: number;
  /** Iterations per timeUnit during the hold. */
  target: number;
  /** Wall milliseconds of the hold stage. */
  wallMs: number;
  /** Iterations k6 starts in this interval: target * wallMs / timeUnitMs. */
  plannedCalls: number;
  /** Whether the phone channel is open (closed intervals are still replayed; callers hear "closed"). */
  open: boolean;
  /** False for an interval of the warm-up (`--warmup`): its calls are sent but not measured. */
  measured: boolean;
}

export interface ReplayProfile {
  scenario: string;
  timeScale: number;
  /** The measured window; `startS` is where the replay starts (earlier by `warmupS`). */
  window: ReplayWindow & { startS: number; endS: number; measuredFromS: number };
  /** Model seconds replayed before the measured window (`--warmup`; 0 without). */
  warmupS: number;
  timeUnitMs: number;
  intervals: ProfileInterval[];
  stages: K6Stage[];
  /**
   * Iteration-number boundaries: iteration n (exec.scenario.iterationInTest) belongs to intervals[k]
   * when cumulative[k] <= n < cumulative[k + 1]. Exact across execution segments.
   */
  cumulative: number[];
  plannedCalls: number;
  arrivals: ArrivalMode;
  /**
   * Wall ms after the scenario start at which iteration n sends its call (`poisson`), lead included;
   * empty with `even` arrivals (each call goes when k6 starts its iteration).
   */
  offsetsMs: number[];
  /** Caller n's draws (class, patience, IVR time, retrials), from the simulator's streams. */
  callers: CallerPlan[];
  /** Delay of every arrival behind the window's clock (0 with `even`); see the header comment. */
  leadMs: number;
  /**
   * Wall ms from the window's start to its first call (lead not included): mocks whose clock starts
   * with that call set it to the window start plus this, compressed. Null when no call is planned.
   */
  firstCallWallMs: number | null;
  /** Predicted calls in flight at the peak (VUs busy), before headroom. */
  peakConcurrency: number;
  preAllocatedVUs: number;
  maxVUs: number;
  /** Wall seconds of the schedule (stages), without the lead. */
  durationS: number;
  /** Wall ms k6 waits for one call before failing it (a caller hangs up earlier, at its patience). */
  requestTimeoutMs: number;
  thresholds: Record<string, string[]>;
  /** Whether the scenario has a phone channel (without one, k6 runs no phone scenario). */
  phone: boolean;
  /** T of the phone service level (0 without phone). */
  slThresholdS: number;
  /** The chat replay (its own arrivals, residents and thresholds); null when the scenario has no chat. */
  chat: (ChatReplayPlan & { thresholds: Record<string, string[]> }) | null;
  /** The scenario's retrials, replayed by the calling VU itself (null: none). */
  retrial: RetrialConfig | null;
}

export type ArrivalMode = 'poisson' | 'even';
export const ARRIVAL_MODES: readonly ArrivalMode[] = ['poisson', 'even'];

export interface CompileOptions {
  /** 'poisson' (default): the simulator's arrival process; 'even': k6's lattice at the expected counts. */
  arrivals?: ArrivalMode;
  /** Seed of the drawn arrivals; the same seed draws the same schedule (default 1). */
  seed?: number | string;
  /**
   * Model seconds replayed before the window (`--warmup`, default 0): for a target that cannot be
   * warm-started, calls are sent from that much earlier so the window meets a queue; only the
   * window's intervals are measured (see results/measuredWindow.ts).
   */
  warmupS?: number;
}

/** Share of calls assumed to fail (blocked, abandoned, closed) when sizing VUs for retrials. */
const RETRY_SIZING_FAILURE_SHARE = 0.1;

/** Margin of the lead for k6 starting an iteration a little after its lattice instant. */
const LEAD_MARGIN_MS = 100;

export const MAX_HTTP_FAILED_RATE = 0.01;

export function compileProfile(
  scenario: ScenarioModel,
  window: ReplayWindow,
  timeScale: number,
  options: CompileOptions = {},
): ReplayProfile {
  const { calendar } = scenario;
  const { phone, chat } = scenario.channels;
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
  const measuredFromS = dayS + fromS;
  const { intervalS } = calendar;
  const warmupS = checkWarmup(options.warmupS ?? 0, measuredFromS, intervalS, window.from);
  const startS = measuredFromS - warmupS;
  const endS = dayS + toS;
  const timeUnitMs = Math.max(1, Math.round((intervalS / timeScale) * 1000));
  const arrivals = options.arrivals ?? 'poisson';
  const seed = options.seed ?? 1;
  // The day's volume as the simulator draws it for replication 0 (the mocks' replication).
  const factorOf = (dailyCv: number, stream: `${string}.${string}`) => {
    const factors = dayFactors(
      calendar.days,
      arrivals === 'poisson' ? dailyCv : 0,
      createStream(seed, stream, 0),
    );
    return (k: number) => factors[Math.floor(k / calendar.intervalsPerDay) % calendar.days]!;
  };
  // Without a phone channel the phone plan is empty: its intervals still time the window.
  const phonePlan = planArrivals(
    (k) => phone?.expectedCalls[k] ?? 0,
    (k) => phone?.open[k] === 1,
    { startS, endS, measuredFromS, intervalS, timeScale, timeUnitMs, arrivals },
    createStream(seed, 'phone.arrivals', 0),
    factorOf(phone?.dailyCv ?? 0, 'phone.demand'),
  );
  const chatPlan =
    chat === undefined
      ? null
      : planArrivals(
          (k) => chat.expectedSessions[k] ?? 0,
          (k) => chat.open[k] === 1 || chat.asynchronous,
          { startS, endS, measuredFromS, intervalS, timeScale, timeUnitMs, arrivals },
          createStream(seed, 'chat.arrivals', 0),
          factorOf(chat.dailyCv, 'chat.demand'),
        );
  // Both channels run in one k6 process from one start: one lead for both keeps their model clocks equal.
  const leadMs = Math.max(phonePlan.leadMs, chatPlan?.leadMs ?? 0);
  for (const plan of [phonePlan, chatPlan]) {
    if (plan === null || plan.leadMs === leadMs) continue;
    plan.offsetsMs = plan.offsetsMs.map((t) => Math.round((t + leadMs - plan.leadMs) * 10) / 10);
    plan.leadMs = leadMs;
  }
  const { intervals, stages, cumulative, planned, durationMs } = phonePlan;
  const schedule = arrivals === 'poisson' ? phonePlan : null;
  const holdMs = expectedHoldMs(scenario, timeScale);
  const peakRatePerMs = Math.max(0, ...intervals.map((i) => i.target / timeUnitMs));
  // Little's law: calls in flight = arrival rate x time a VU holds a call (sleep until its arrival,
  // about the lead on average, then the wait and the reply; a caller who calls again holds it through
  // the retrial delay too).
  const retrial = phone?.retrial ?? null;
  // How many calls fail is what the replay measures; the pool assumes up to RETRY_SIZING_FAILURE_SHARE
  // of them, and maxVUs leaves room for more (k6 reports dropped iterations if even that is short).
  const retryHoldMs = retrial
    ? RETRY_SIZING_FAILURE_SHARE *
      Math.max(retrial.afterBlocked, retrial.afterAbandoned, retrial.afterClosed) *
      (retrial.maxAttempts - 1) *
      ((retrial.delay.mean / timeScale) * 1000 + holdMs)
    : 0;
  const peakConcurrency = peakRatePerMs * (leadMs + holdMs + retryHoldMs);
  const preAllocatedVUs = Math.ceil(peakConcurrency * 1.5) + 5;
  const maxVUs = Math.max(preAllocatedVUs * (retrial ? 3 : 2), preAllocatedVUs + 50);
  const longestPatienceS = Math.max(...(phone?.classes ?? []).map((c) => c.patience.mean));
  // A call never waits longer than its patience; allow a generous tail (10 mean patiences) plus 30 s.
  const requestTimeoutMs = Math.round((10 * longestPatienceS * 1000) / timeScale + 30_000);
  return {
    scenario: scenario.name,
    timeScale,
    window: { ...window, startS, endS, measuredFromS },
    warmupS,
    timeUnitMs,
    intervals,
    stages,
    cumulative,
    plannedCalls: planned,
    arrivals,
    offsetsMs: schedule?.offsetsMs ?? [],
    callers: buildCallerPlans(scenario, planned, schedule?.offsetsMs ?? [], options.seed ?? 1),
    leadMs,
    firstCallWallMs: earliest(phonePlan.firstWallMs, chatPlan?.firstWallMs ?? null),
    peakConcurrency,
    preAllocatedVUs,
    maxVUs,
    durationS: durationMs / 1000,
    requestTimeoutMs: Number.isFinite(requestTimeoutMs) ? requestTimeoutMs : 600_000,
    // One k6 process replays both channels: the chat targets are thresholds of the same run.
    thresholds: {
      ...(phone === undefined ? {} : buildThresholds(phone.targets)),
      ...(chat === undefined ? {} : k6TargetThresholds('chat', chat.targets)),
    },
    phone: phone !== undefined,
    slThresholdS: phone?.targets.thresholdS ?? 0,
    chat:
      chatPlan === null || chat === undefined
        ? null
        : {
            ...chatReplayPlan(chat, chatPlan, timeScale, options.seed ?? 1),
            thresholds: k6TargetThresholds('chat', chat.targets),
          },
    retrial: retrial
      ? {
          afterBlocked: retrial.afterBlocked,
          afterAbandoned: retrial.afterAbandoned,
          afterClosed: retrial.afterClosed,
          maxAttempts: retrial.maxAttempts,
          delay: retrial.delaySpec,
        }
      : null,
  };
}

interface PlanSettings {
  startS: number;
  endS: number;
  /** Intervals from here on are measured; those before are the warm-up. */
  measuredFromS: number;
  intervalS: number;
  timeScale: number;
  timeUnitMs: number;
  arrivals: ArrivalMode;
}

/** One channel's arrivals over the window: stages, iteration boundaries and (Poisson) instants. */
export interface ArrivalPlan {
  intervals: ProfileInterval[];
  stages: K6Stage[];
  cumulative: number[];
  planned: number;
  durationMs: number;
  offsetsMs: number[];
  leadMs: number;
  /** Wall ms from the window start to the first arrival (lead not included); null when none. */
  firstWallMs: number | null;
}

function planArrivals(
  expectedAt: (k: number) => number,
  openAt: (k: number) => boolean,
  settings: PlanSettings,
  rng: Rng,
  dayFactorAt: (k: number) => number,
): ArrivalPlan {
  const { startS, endS, measuredFromS, intervalS, timeScale, timeUnitMs, arrivals } = settings;
  const intervals: ProfileInterval[] = [];
  const stages: K6Stage[] = [];
  const cumulative = [0];
  let planned = 0;
  let exactPlanned = 0;
  for (let k = Math.floor(startS / intervalS); k * intervalS < endS; k++) {
    const a = Math.max(startS, k * intervalS);
    const b = Math.min(endS, (k + 1) * intervalS);
    const fraction = (b - a) / intervalS;
    const expected = expectedAt(k) * fraction;
    const dayFactor = dayFactorAt(k);
    const drawn = arrivals === 'poisson' ? samplePoisson(expected * dayFactor, rng) : expected;
    const wallMs = Math.max(1, Math.round(((b - a) / timeScale) * 1000));
    const target = Math.round((drawn * timeUnitMs) / wallMs);
    const plannedCalls = (target * wallMs) / timeUnitMs;
    exactPlanned += plannedCalls;
    planned = Math.floor(exactPlanned + 1e-9);
    cumulative.push(planned);
    intervals.push({
      index: k,
      modelStartS: a,
      modelEndS: b,
      expectedCalls: expected,
      dayFactor,
      drawnCalls: arrivals === 'poisson' ? drawn : Math.round(expected),
      target,
      wallMs,
      plannedCalls,
      open: openAt(k),
      measured: a >= measuredFromS,
    });
    stages.push({ duration: '0s', target }, { duration: `${wallMs}ms`, target });
  }

  // k6 starts iteration n when the integral of the rate reaches n + 1, so the last planned iterations
  // fall on the very end of the last hold, and k6 was seen to skip up to a few of them at high rates
  // (4,581 of 4,584). A tail of ten gaps at the last rate lets every planned iteration start; the
  // script makes the few extra ones no-ops (iteration n >= plannedCalls sends nothing).
  const last = intervals[intervals.length - 1];
  if (last && last.target > 0) {
    stages.push({ duration: `${Math.ceil((10 * timeUnitMs) / last.target)}ms`, target: last.target });
  }
  const durationMs = intervals.reduce((sum, i) => sum + i.wallMs, 0);
  const schedule = arrivals === 'poisson' ? arrivalSchedule(intervals, cumulative, timeUnitMs, rng) : null;
  const leadMs = schedule?.leadMs ?? 0;
  return {
    intervals,
    stages,
    cumulative,
    planned,
    durationMs,
    offsetsMs: schedule?.offsetsMs ?? [],
    leadMs,
    firstWallMs:
      planned === 0
        ? null
        : schedule
          ? schedule.offsetsMs[0]! - leadMs
          : firstLatticeMs(intervals, timeUnitMs),
  };
}

function earliest(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  return b === null ? a : Math.min(a, b);
}

/** A Poisson count with mean `mean`: unit-rate exponential gaps counted until they pass the mean. */
export function samplePoisson(mean: number, rng: Rng): number {
  let count = 0;
  let t = -Math.log(1 - rng());
  while (t < mean) {
    count++;
    t += -Math.log(1 - rng());
  }
  return count;
}

/**
 * Arrival instants of every iteration: within interval k, sorted uniform times over its hold (a
 * Poisson process given the count), then all shifted by the lead, the largest lag of an arrival behind
 * the instant k6 starts its iteration. k6 starts iteration n when the integral of the rate reaches
 * n + 1, which is where `lattice` comes from.
 */
function arrivalSchedule(
  intervals: readonly ProfileInterval[],
  cumulative: readonly number[],
  timeUnitMs: number,
  rng: Rng,
): { offsetsMs: number[]; leadMs: number } {
  const times: number[] = [];
  let lag = 0;
  let wallStart = 0;
  let exactBefore = 0;
  intervals.forEach((interval, k) => {
    const rate = interval.target / timeUnitMs;
    const count = cumulative[k + 1]! - cumulative[k]!;
    const uniforms = Array.from({ length: count }, () => rng()).sort((x, y) => x - y);
    uniforms.forEach((u, j) => {
      const n = cumulative[k]! + j;
      const at = wallStart + u * interval.wallMs;
      const lattice = rate > 0 ? wallStart + (n + 1 - exactBefore) / rate : wallStart;
      lag = Math.max(lag, lattice - at);
      times.push(at);
    });
    wallStart += interval.wallMs;
    exactBefore += interval.plannedCalls;
  });
  const leadMs = Math.ceil(lag + LEAD_MARGIN_MS);
  return { offsetsMs: times.map((t) => Math.round((t + leadMs) * 10) / 10), leadMs };
}

/** When k6 starts iteration 0 (the integral of the rate reaches 1), in wall ms from the window start. */
function firstLatticeMs(intervals: readonly ProfileInterval[], timeUnitMs: number): number | null {
  let wallStart = 0;
  for (const interval of intervals) {
    if (interval.plannedCalls >= 1) return wallStart + timeUnitMs / interval.target;
    wallStart += interval.wallMs;
  }
  return null;
}

/**
 * Expected wall ms a request is held: the caller's wait, compressed. Bounded above by the mean
 * patience (nobody waits longer than they are willing to) plus the IVR time, plus 50 ms of HTTP.
 */
function expectedHoldMs(scenario: ScenarioModel, timeScale: number): number {
  const { phone } = scenario.channels;
  if (phone === undefined) return 0;
  const patienceS = Math.max(...phone.classes.map((c) => c.patience.mean));
  const waitS = Number.isFinite(patienceS) ? patienceS : 600;
  const ivrS = phone.ivr?.time.mean ?? 0;
  return ((waitS + ivrS) / timeScale) * 1000 + 50;
}

/** k6 thresholds: the scenario's targets as judgeTargets checks them (k6TargetThresholds), plus transport health. */
export function buildThresholds(targets: ChannelTargets): Record<string, string[]> {
  const thresholds = k6TargetThresholds('phone', targets);
  // Hang-ups are timed-out requests, so k6's http_req_failed counts them; call_errors does not.
  thresholds.call_errors = [`rate<${MAX_HTTP_FAILED_RATE}`];
  thresholds.dropped_iterations = ['count==0'];
  return thresholds;
}

/**
 * A warm-up must be a finite duration that stays within the scenario (from day 1 00:00), and the
 * window it leads into must start on an interval boundary: measured calls are told from warm-up
 * calls by their interval, so no interval may hold both.
 */
function checkWarmup(warmupS: number, measuredFromS: number, intervalS: number, from: string): number {
  if (!Number.isFinite(warmupS) || warmupS < 0) {
    throw new InputError(undefined, [
      {
        path: '--warmup',
        message: 'expected a duration of 0 or more',
        value: warmupS,
        allowed: 'e.g. 30m, 2h',
      },
    ]);
  }
  if (warmupS === 0) return 0;
  if (warmupS > measuredFromS) {
    throw new InputError(undefined, [
      {
        path: '--warmup',
        message: "reaches before the scenario's start (day 1 00:00)",
        value: `${warmupS}s`,
        allowed: `at most ${measuredFromS}s before this window`,
      },
    ]);
  }
  if (measuredFromS % intervalS !== 0) {
    throw new InputError(undefined, [
      {
        path: '--from',
        message: 'with --warmup the window must start on an interval boundary',
        value: from,
        allowed: `a multiple of ${intervalS / 60} minutes`,
      },
    ]);
  }
  return warmupS;
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
