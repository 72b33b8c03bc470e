// Measured phone metrics of a k6 replay, in the result format of `hotline sim` (kind 'k6'): the same
// metric names per run, day and interval. A measured value is `mean`; `ci95` is a Wilson score
// interval for proportions (calls treated as independent trials, which they are not quite: waits in a
// queue are correlated, so the interval is optimistic) and null otherwise; `n` is the number of calls
// in the denominator (1 for counts: one measurement). Metrics k6 cannot see (occupancy, queue length,
// agents...: the metrics whose spec has `k6: null`) are null with n = 0, empty cells in intervals.csv.
import type { ScenarioModel } from '../scenarios/ScenarioModel.js';
import type { PhoneMetric } from '../sim/channels/phone/PhoneMetrics.js';
import type { K6Stat } from '../sim/metrics/MetricSpec.js';
import { channelMetrics, metricNames } from '../sim/metrics/metricRegistry.js';
import { serviceLevelDenominator } from '../sim/metrics/serviceLevel.js';
import type { MetricSummary } from '../sim/replications/summarizeReplications.js';
import type { K6Measurement, MeasuredCall, MeasuredSession } from './k6Points.js';

type PhoneSummary = Record<PhoneMetric, MetricSummary>;

/** One measured channel at run, day and interval levels, like the simulator's summary. */
export interface K6ChannelLevels<S = Record<string, MetricSummary>> {
  run: S;
  days: S[];
  /** One per scenario interval over the whole calendar; all null outside the replayed window. */
  intervals: S[];
}

export type K6PhoneSummary = K6ChannelLevels<PhoneSummary>;

const Z95 = 1.959963984540054;

export function wilson(successes: number, trials: number): [number, number] | null {
  if (trials <= 0) return null;
  const p = successes / trials;
  const z2 = Z95 * Z95;
  const denominator = 1 + z2 / trials;
  const center = (p + z2 / (2 * trials)) / denominator;
  const half = (Z95 * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials))) / denominator;
  return [Math.max(0, center - half), Math.min(1, center + half)];
}

const NONE: MetricSummary = { mean: null, ci95: null, n: 0 };
const count = (value: number): MetricSummary => ({ mean: value, ci95: null, n: 1 });
const proportion = (successes: number, trials: number): MetricSummary =>
  trials > 0 ? { mean: successes / trials, ci95: wilson(successes, trials), n: trials } : NONE;

function quantileOf(sorted: readonly number[], q: number): MetricSummary {
  if (sorted.length === 0) return NONE;
  const position = q * (sorted.length - 1);
  const lo = Math.floor(position);
  const hi = Math.ceil(position);
  const value = sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (position - lo);
  return { mean: value, ci95: null, n: sorted.length };
}

/** Phone metrics of a set of measured calls (one interval, day or the whole window). */
export function measurePhone(calls: readonly MeasuredCall[], thresholdS: number): PhoneSummary {
  let answered = 0;
  let abandoned = 0;
  let blocked = 0;
  let closed = 0;
  let selfServed = 0;
  let retrials = 0;
  let answeredWithinT = 0;
  let abandonedAfterT = 0;
  let waitSum = 0;
  const waits: number[] = [];
  for (const call of calls) {
    if (call.retrial) retrials++;
    if (call.outcome === 'answered') {
      answered++;
      waitSum += call.waitS;
      waits.push(call.waitS);
      if (call.waitS <= thresholdS) answeredWithinT++;
    } else if (call.outcome === 'abandoned') {
      abandoned++;
      if (call.waitS > thresholdS) abandonedAfterT++;
    } else if (call.outcome === 'blocked') blocked++;
    else if (call.outcome === 'closed') closed++;
    else if (call.outcome === 'selfServed') selfServed++;
  }
  waits.sort((a, b) => a - b);
  const offered = calls.length;
  const counts = { answeredWithinT, answered, abandoned, abandonedAfterT };
  const out = {} as PhoneSummary;
  for (const spec of channelMetrics('phone')) {
    out[spec.name] =
      spec.serviceLevel === null
        ? NONE
        : proportion(answeredWithinT, serviceLevelDenominator(spec.serviceLevel, counts));
  }
  Object.assign(out, {
    offered: count(offered),
    answered: count(answered),
    abandoned: count(abandoned),
    blocked: count(blocked),
    closed: count(closed),
    selfServed: count(selfServed),
    retrials: count(retrials),
    asaS: answered > 0 ? { mean: waitSum / answered, ci95: null, n: answered } : NONE,
    waitP50S: quantileOf(waits, 0.5),
    waitP80S: quantileOf(waits, 0.8),
    waitP90S: quantileOf(waits, 0.9),
    waitP95S: quantileOf(waits, 0.95),
    waitP99S: quantileOf(waits, 0.99),
    maxWaitS: answered > 0 ? { mean: waits[waits.length - 1]!, ci95: null, n: answered } : NONE,
    abandonRate: proportion(abandoned, answered + abandoned),
    blockRate: proportion(blocked, offered - closed),
  } satisfies Partial<PhoneSummary>);
  return out;
}

/** One channel's metrics keyed by the registry's names (chat's, in a k6 run). */
export type ChannelSummary = Record<string, MetricSummary>;

export type K6ChatSummary = K6ChannelLevels<ChannelSummary>;

/**
 * Chat metrics of a set of measured sessions and replies, with the simulator's definitions: answered
 * = sessions that got a first reply; first-response SLs by the one SL formula on (answered within T,
 * answered, abandoned, abandoned after T); abandonRate = abandoned / (answered + abandoned).
 */
export function measureChat(
  sessions: readonly MeasuredSession[],
  replies: readonly number[],
  thresholdS: number,
): ChannelSummary {
  let answered = 0;
  let answeredWithinT = 0;
  let abandoned = 0;
  let abandonedAfterT = 0;
  let firstSum = 0;
  const firsts: number[] = [];
  const byOutcome: Record<string, number> = { closed: 0, completed: 0, left: 0 };
  for (const session of sessions) {
    if (session.answered) {
      answered++;
      firstSum += session.waitS;
      firsts.push(session.waitS);
      if (session.waitS <= thresholdS) answeredWithinT++;
    } else if (session.outcome === 'abandoned') {
      abandoned++;
      if (session.waitS > thresholdS) abandonedAfterT++;
    }
    if (session.outcome in byOutcome) byOutcome[session.outcome]!++;
  }
  firsts.sort((a, b) => a - b);
  const sortedReplies = [...replies].sort((a, b) => a - b);
  const counts = { answeredWithinT, answered, abandoned, abandonedAfterT };
  const out: ChannelSummary = {};
  for (const spec of channelMetrics('chat')) {
    out[spec.name] =
      spec.serviceLevel === null
        ? NONE
        : proportion(answeredWithinT, serviceLevelDenominator(spec.serviceLevel, counts));
  }
  Object.assign(out, {
    offered: count(sessions.length),
    answered: count(answered),
    abandoned: count(abandoned),
    closed: count(byOutcome.closed!),
    completed: count(byOutcome.completed!),
    leftAfterFirstReply: count(byOutcome.left!),
    firstResponseMeanS: answered > 0 ? { mean: firstSum / answered, ci95: null, n: answered } : NONE,
    firstResponseP50S: quantileOf(firsts, 0.5),
    firstResponseP90S: quantileOf(firsts, 0.9),
    firstResponseP95S: quantileOf(firsts, 0.95),
    maxFirstResponseS: answered > 0 ? { mean: firsts[firsts.length - 1]!, ci95: null, n: answered } : NONE,
    replyMeanS:
      replies.length > 0
        ? { mean: replies.reduce((a, b) => a + b, 0) / replies.length, ci95: null, n: replies.length }
        : NONE,
    replyP90S: quantileOf(sortedReplies, 0.9),
    abandonRate: proportion(abandoned, answered + abandoned),
  });
  return out;
}

/** Chat at run, day and interval levels over the calendar; null when the replay had no chat. */
export function buildK6ChatSummary(
  scenario: ScenarioModel,
  measurement: K6Measurement,
  windowIntervals: readonly number[],
): K6ChatSummary | null {
  const chat = scenario.channels.chat;
  if (chat === undefined) return null;
  const { intervalsPerDay, days } = scenario.calendar;
  const thresholdS = chat.targets.thresholdS;
  const sessions = measurement.chatSessions ?? [];
  const replies = measurement.chatReplies ?? [];
  const inWindow = new Set(windowIntervals);
  const empty: ChannelSummary = Object.fromEntries(metricNames('chat').map((m) => [m, NONE]));
  const measure = (keep: (interval: number) => boolean) =>
    measureChat(
      sessions.filter((s) => keep(s.interval)),
      replies.filter((r) => keep(r.interval)).map((r) => r.s),
      thresholdS,
    );
  const intervals = Array.from({ length: intervalsPerDay * days }, (_, i) =>
    inWindow.has(i) ? measure((k) => k === i) : empty,
  );
  const dayList = Array.from({ length: days }, (_, d) =>
    windowIntervals.some((i) => Math.floor(i / intervalsPerDay) === d)
      ? measure((k) => Math.floor(k / intervalsPerDay) === d)
      : empty,
  );
  return { run: measure(() => true), days: dayList, intervals };
}

/** Run, day and interval levels over the scenario calendar, like the simulator's summary; null without phone. */
export function buildK6PhoneSummary(
  scenario: ScenarioModel,
  measurement: K6Measurement,
  windowIntervals: readonly number[],
): K6PhoneSummary | null {
  const phone = scenario.channels.phone;
  if (phone === undefined) return null;
  const { intervalsPerDay, days } = scenario.calendar;
  const thresholdS = phone.targets.thresholdS;
  const total = intervalsPerDay * days;
  const byInterval: MeasuredCall[][] = Array.from({ length: total }, () => []);
  for (const call of measurement.calls) byInterval[call.interval]?.push(call);
  const inWindow = new Set(windowIntervals);
  const empty = measurePhone([], thresholdS);
  for (const metric of metricNames('phone')) empty[metric] = NONE;
  const intervals = byInterval.map((calls, i) => (inWindow.has(i) ? measurePhone(calls, thresholdS) : empty));
  const dayList = Array.from({ length: days }, (_, d) => {
    const touched = windowIntervals.some((i) => Math.floor(i / intervalsPerDay) === d);
    if (!touched) return empty;
    return measurePhone(
      measurement.calls.filter((c) => Math.floor(c.interval / intervalsPerDay) === d),
      thresholdS,
    );
  });
  return { run: measurePhone(measurement.calls, thresholdS), days: dayList, intervals };
}

export interface ThresholdResult {
  metric: string;
  expression: string;
  /** The aggregate the expression tests (rate, avg, count, max, p(N)); null when there was no sample. */
  value: number | null;
  ok: boolean;
}

/**
 * Re-evaluates the thresholds of the replay on the merged samples of all k6 processes (k6 itself
 * only judges its own segment). A metric's k6 name and aggregate come from the registry (MetricSpec.k6);
 * understands rate, avg, count, max and p(N) with <, <=, >, >=, ==, !=. A threshold on a metric
 * without samples passes, as in k6.
 */
export function evaluateThresholds(
  thresholds: Record<string, string[]>,
  measurement: K6Measurement,
  thresholdS: number,
  /** The chat first-response threshold when the replay had chat. */
  chatThresholdS?: number,
): ThresholdResult[] {
  const run = measurePhone(measurement.calls, thresholdS);
  const values: Record<string, Partial<Record<K6Stat, number | null>>> = {
    // Calls with no usable outcome; a hang-up is an outcome (abandoned), not an error.
    call_errors: {
      rate:
        measurement.calls.length > 0
          ? measurement.calls.filter((c) => c.outcome === 'error').length / measurement.calls.length
          : null,
    },
    http_req_failed: {
      rate: measurement.httpRequests > 0 ? measurement.httpFailed / measurement.httpRequests : null,
    },
    dropped_iterations: { count: measurement.droppedIterations },
  };
  for (const spec of channelMetrics('phone')) {
    if (!spec.k6) continue;
    values[spec.k6.metric] ??= {};
    values[spec.k6.metric]![spec.k6.stat] = run[spec.name].mean;
  }
  if (chatThresholdS !== undefined) {
    const chatRun = measureChat(
      measurement.chatSessions ?? [],
      (measurement.chatReplies ?? []).map((r) => r.s),
      chatThresholdS,
    );
    for (const spec of channelMetrics('chat')) {
      if (!spec.k6) continue;
      values[spec.k6.metric] ??= {};
      values[spec.k6.metric]![spec.k6.stat] ??= chatRun[spec.name]?.mean ?? null;
    }
  }
  const results: ThresholdResult[] = [];
  for (const [metric, expressions] of Object.entries(thresholds)) {
    for (const expression of expressions) {
      const m = /^\s*(rate|avg|count|max|p\([0-9.]+\))\s*(<=|>=|==|!=|<|>)\s*(-?[0-9.eE+-]+)\s*$/.exec(
        expression,
      );
      if (!m) throw new Error(`cannot evaluate threshold ${metric}: ${expression}`);
      const value = values[metric]?.[m[1] as K6Stat] ?? null;
      results.push({ metric, expression, value, ok: value === null || compare(value, m[2]!, Number(m[3])) });
    }
  }
  return results;
}

function compare(a: number, op: string, b: number): boolean {
  switch (op) {
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    case '>=':
      return a >= b;
    case '==':
      return a === b;
    default:
      return a !== b;
  }
}

/** JUnit XML with one test case per threshold, for CI. */
export function thresholdsJunit(suite: string, results: readonly ThresholdResult[]): string {
  const failures = results.filter((r) => !r.ok).length;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${xml(suite)}" tests="${results.length}" failures="${failures}">`,
    `  <testsuite name="${xml(suite)}" tests="${results.length}" failures="${failures}">`,
  ];
  for (const r of results) {
    const name = xml(`${r.metric}: ${r.expression}`);
    const shown = r.value === null ? 'no samples' : String(Number(r.value.toPrecision(6)));
    if (r.ok) lines.push(`    <testcase classname="thresholds" name="${name}"/>`);
    else {
      lines.push(`    <testcase classname="thresholds" name="${name}">`);
      lines.push(`      <failure message="${xml(`${r.metric} ${r.expression} failed: value ${shown}`)}"/>`);
      lines.push('    </testcase>');
    }
  }
  lines.push('  </testsuite>', '</testsuites>');
  return `${lines.join('\n')}\n`;
}

function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
