// One channel's arrivals over a replay window, as k6's `ramping-arrival-rate` stages and (Poisson
// mode) the instants of every iteration. Shared by the channels' profile parts (scripts/k6/<channel>/);
// pure and free of k6 imports. compileProfile.ts explains the stage design and the lead.
import type { CalendarModel } from '../../scenarios/ScenarioModel.js';
import { dayFactors } from '../../sim/arrivals/arrivalRates.js';
import type { ChannelName } from '../../sim/channels/index.js';
import { createStream, type Rng } from '../../sim/rng/createStream.js';
import type { ArrivalMode } from './compileProfile.js';

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
  /** Expected contacts in the covered part (fractional, from the scenario). */
  expectedCalls: number;
  /**
   * The day's volume factor (`dailyCv`) the Poisson draw applied: the simulator's for replication 0
   * of the same seed (stream `<channel>.demand`); 1 with `even` arrivals or no `dailyCv`.
   */
  dayFactor: number;
  /** Contacts drawn for the covered part (Poisson, mean expected x day factor), or the expected rounded with `even` arrivals. */
  drawnCalls: number;
  /** Iterations per timeUnit during the hold. */
  target: number;
  /** Wall milliseconds of the hold stage. */
  wallMs: number;
  /** Iterations k6 starts in this interval: target * wallMs / timeUnitMs. */
  plannedCalls: number;
  /** Whether the channel is open (closed intervals are still replayed; callers hear "closed"). */
  open: boolean;
  /** False for an interval of the warm-up (`--warmup`): its contacts are sent but not measured. */
  measured: boolean;
}

/** What every channel's arrivals share: the window, the clock and the draw. */
export interface ArrivalSettings {
  calendar: CalendarModel;
  startS: number;
  endS: number;
  /** Intervals from here on are measured; those before are the warm-up. */
  measuredFromS: number;
  timeScale: number;
  timeUnitMs: number;
  arrivals: ArrivalMode;
  seed: number | string;
}

/** A channel's demand as its profile part reads it from the scenario model. */
export interface ChannelDemand {
  /** Names its streams: `<channel>.arrivals`, `<channel>.demand` (the simulator's, replication 0). */
  channel: ChannelName;
  /** Expected contacts of scenario interval k. */
  expectedAt(k: number): number;
  openAt(k: number): boolean;
  dailyCv: number;
}

/** One channel's arrivals over the window: stages, iteration boundaries and (Poisson) instants. */
export interface ArrivalPlan {
  intervals: ProfileInterval[];
  stages: K6Stage[];
  /**
   * Iteration-number boundaries: iteration n (exec.scenario.iterationInTest) belongs to intervals[k]
   * when cumulative[k] <= n < cumulative[k + 1]. Exact across execution segments.
   */
  cumulative: number[];
  planned: number;
  durationMs: number;
  /** Wall ms after the scenario start of each iteration's arrival (lead included); empty with `even`. */
  offsetsMs: number[];
  leadMs: number;
  /** Wall ms from the window start to the first arrival (lead not included); null when none. */
  firstWallMs: number | null;
}

/** One interval of the window on the wall clock: the same for every channel of a replay. */
export type WindowInterval = Pick<
  ProfileInterval,
  'index' | 'modelStartS' | 'modelEndS' | 'wallMs' | 'measured'
>;

/** The window's intervals (cut at its ends), each compressed to wall ms by the time scale. */
export function windowIntervals(settings: ArrivalSettings): WindowInterval[] {
  const { calendar, startS, endS, measuredFromS, timeScale } = settings;
  const { intervalS } = calendar;
  const out: WindowInterval[] = [];
  for (let k = Math.floor(startS / intervalS); k * intervalS < endS; k++) {
    const a = Math.max(startS, k * intervalS);
    const b = Math.min(endS, (k + 1) * intervalS);
    const wallMs = Math.max(1, Math.round(((b - a) / timeScale) * 1000));
    out.push({ index: k, modelStartS: a, modelEndS: b, wallMs, measured: a >= measuredFromS });
  }
  return out;
}

/** Margin of the lead for k6 starting an iteration a little after its lattice instant. */
const LEAD_MARGIN_MS = 100;

/** A channel's arrivals over the window, drawn from its own streams as the simulator draws them. */
export function planArrivals(demand: ChannelDemand, settings: ArrivalSettings): ArrivalPlan {
  const { calendar, timeUnitMs, arrivals, seed } = settings;
  const { intervalS } = calendar;
  const rng = createStream(seed, `${demand.channel}.arrivals`, 0);
  // The day's volume as the simulator draws it for replication 0 (the mocks' replication).
  const factors = dayFactors(
    calendar.days,
    arrivals === 'poisson' ? demand.dailyCv : 0,
    createStream(seed, `${demand.channel}.demand`, 0),
  );
  const dayFactorAt = (k: number) => factors[Math.floor(k / calendar.intervalsPerDay) % calendar.days]!;
  const intervals: ProfileInterval[] = [];
  const stages: K6Stage[] = [];
  const cumulative = [0];
  let planned = 0;
  let exactPlanned = 0;
  for (const { index: k, modelStartS: a, modelEndS: b, wallMs, measured } of windowIntervals(settings)) {
    const fraction = (b - a) / intervalS;
    const expected = demand.expectedAt(k) * fraction;
    const dayFactor = dayFactorAt(k);
    const drawn = arrivals === 'poisson' ? samplePoisson(expected * dayFactor, rng) : expected;
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
      open: demand.openAt(k),
      measured,
    });
    stages.push({ duration: '0s', target }, { duration: `${wallMs}ms`, target });
  }

  // k6 starts iteration n when the integral of the rate reaches n + 1, so the last planned iterations
  // fall on the very end of the last hold, and k6 was seen to skip up to a few of them at high rates
  // (4,581 of 4,584). A tail of ten gaps at the last rate lets every planned iteration start; the
  // script makes the few extra ones no-ops (iteration n >= the planned count sends nothing).
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

/**
 * The plan delayed to a longer lead: every channel of a replay runs in one k6 process from one start,
 * so one common lead (the largest) keeps their model clocks equal.
 */
export function withLead(plan: ArrivalPlan, leadMs: number): ArrivalPlan {
  if (plan.leadMs === leadMs) return plan;
  return {
    ...plan,
    offsetsMs: plan.offsetsMs.map((t) => Math.round((t + leadMs - plan.leadMs) * 10) / 10),
    leadMs,
  };
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
