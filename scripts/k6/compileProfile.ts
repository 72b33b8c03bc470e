// The profile compiler: scenario + window + time scale -> the k6 `ramping-arrival-rate` schedule of
// every channel the scenario has. Pure and free of k6 imports, so it is unit-tested in Node. This file
// keeps what the channels share (the window, the warm-up, the clock, the ONE common lead); each
// channel's client (k6Clients.ts) plans its own arrivals (planArrivals.ts) and finishes its own plan.
//
// Stage design (planArrivals.ts). Interval k of a channel has an expected arrival count N_k (its demand,
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
import type { AnyK6ChannelClient } from './K6ChannelClient.js';
import { K6_CLIENTS, type ReplayPlans } from './k6Clients.js';
import {
  type ArrivalPlan,
  type ArrivalSettings,
  planArrivals,
  type WindowInterval,
  windowIntervals,
  withLead,
} from './planArrivals.js';

export interface ReplayWindow {
  /** 0-based day of the scenario calendar. */
  day: number;
  /** HH:MM, inclusive. */
  from: string;
  /** HH:MM (24:00 allowed), exclusive. */
  to: string;
}

export interface ReplayProfile {
  scenario: string;
  timeScale: number;
  /** The measured window; `startS` is where the replay starts (earlier by `warmupS`). */
  window: ReplayWindow & { startS: number; endS: number; measuredFromS: number };
  /** Model seconds replayed before the measured window (`--warmup`; 0 without). */
  warmupS: number;
  timeUnitMs: number;
  /** The window's intervals on the wall clock (every channel's plan has one interval per entry). */
  intervals: WindowInterval[];
  arrivals: ArrivalMode;
  /** Delay of every arrival behind the window's clock, the same for every channel (0 with `even`). */
  leadMs: number;
  /**
   * Wall ms from the window's start to its first contact of any channel (lead not included): mocks
   * whose clock starts with that contact set it to the window start plus this, compressed. Null when
   * nothing is planned.
   */
  firstCallWallMs: number | null;
  /** Wall seconds of the schedule (stages), without the lead. */
  durationS: number;
  /** Every replayed channel's thresholds: one k6 process replays them all. */
  thresholds: Record<string, string[]>;
  /** Each replayed channel's plan, keyed by channel (absent: the scenario lacks it). */
  channels: ReplayPlans;
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
   * warm-started, contacts are sent from that much earlier so the window meets a queue; only the
   * window's intervals are measured (see results/measuredWindow.ts).
   */
  warmupS?: number;
}

export function compileProfile(
  scenario: ScenarioModel,
  window: ReplayWindow,
  timeScale: number,
  options: CompileOptions = {},
): ReplayProfile {
  const { calendar } = scenario;
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
  const arrivals = options.arrivals ?? 'poisson';
  const settings: ArrivalSettings = {
    calendar,
    startS,
    endS,
    measuredFromS,
    timeScale,
    timeUnitMs: Math.max(1, Math.round((intervalS / timeScale) * 1000)),
    arrivals,
    seed: options.seed ?? 1,
  };
  const drawn: [AnyK6ChannelClient, ArrivalPlan][] = [];
  for (const client of K6_CLIENTS as readonly AnyK6ChannelClient[]) {
    const demand = client.demand(scenario);
    if (demand !== null) drawn.push([client, planArrivals(demand, settings)]);
  }
  // Every channel runs in one k6 process from one start: one lead for all keeps their model clocks equal.
  const leadMs = Math.max(0, ...drawn.map(([, p]) => p.leadMs));
  const channels: Record<string, unknown> = {};
  let thresholds: Record<string, string[]> = {};
  for (const [client, plan] of drawn) {
    const channelPlan = client.plan(scenario, withLead(plan, leadMs), { settings, leadMs });
    channels[client.channel] = channelPlan;
    thresholds = { ...thresholds, ...channelPlan.thresholds };
  }
  const intervals = windowIntervals(settings);
  return {
    scenario: scenario.name,
    timeScale,
    window: { ...window, startS, endS, measuredFromS },
    warmupS,
    timeUnitMs: settings.timeUnitMs,
    intervals,
    arrivals,
    leadMs,
    firstCallWallMs: earliest(drawn.map(([, p]) => p.firstWallMs)),
    durationS: intervals.reduce((sum, i) => sum + i.wallMs, 0) / 1000,
    thresholds,
    channels: channels as ReplayPlans,
  };
}

function earliest(times: readonly (number | null)[]): number | null {
  const known = times.filter((t): t is number => t !== null);
  return known.length === 0 ? null : Math.min(...known);
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
