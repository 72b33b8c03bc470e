import { metricOf } from '../runMetrics.js';
import { type Comparison, compareMetric } from './compareRuns.js';
import type { FailRule } from './failOnRules.js';
import { relativeChangeInterval } from './relativeChangeInterval.js';
import { resolveRuleChannel } from './resolveRuleChannel.js';

/**
 * How a rule was judged: 'interval' (the 95% interval of the change must lie wholly beyond the
 * threshold), or 'point' (the point estimate: `--strict`, or no interval could be estimated).
 */
export type GateMethod = 'interval' | 'point';

export interface RuleOutcome {
  rule: FailRule;
  baseline: string;
  candidate: string;
  /** candidate − baseline, or its ratio to the baseline for relative rules; null if undefined. */
  change: number | null;
  /** The 95% interval of the change (same scale as `change`); null when none could be estimated. */
  changeCi95: [number, number] | null;
  method: GateMethod;
  failed: boolean;
  message: string;
}

export interface GateOptions {
  /** Judge the point estimate, as before: any change past the threshold fails, noise included. */
  strict?: boolean;
}

/**
 * Checks every rule on one comparison (A = baseline, B = candidate). By default a rule fails only
 * when the whole 95% interval of the change lies beyond its threshold: a noisy run does not fail CI
 * by chance (the A/A false-alarm rate is in `npm run bench -- --only gate`). The interval is the
 * comparison's own (paired with common random numbers, Welch, or the prediction interval of one
 * replication for a measured run). A relative rule is judged on the interval of B/A − 1, which
 * carries the baseline's own noise too (relativeChangeInterval: delta method; paired runs keep their
 * covariance).
 * A rule that cannot be evaluated (the metric is undefined in a run) fails: a gate that silently
 * passes on missing data gates nothing.
 */
export function evaluateGate(
  comparison: Comparison,
  rules: readonly FailRule[],
  options: GateOptions = {},
): RuleOutcome[] {
  return rules.map((rule) => evaluateRule(comparison, rule, options));
}

function evaluateRule(comparison: Comparison, rule: FailRule, options: GateOptions): RuleOutcome {
  const channel = resolveRuleChannel(comparison, rule);
  const base = metricOf(comparison.a.summary.channels[channel], rule.metric).mean;
  const cand = metricOf(comparison.b.summary.channels[channel], rule.metric).mean;
  const ids = { baseline: comparison.a.info.id, candidate: comparison.b.info.id };
  const change = changeOf(base, cand, rule.relative);
  if (change === null) {
    return {
      rule,
      ...ids,
      change,
      changeCi95: null,
      method: 'point',
      failed: true,
      message: `${rule.metric} is undefined in a run, cannot check`,
    };
  }
  const changeCi95 = rule.relative
    ? relativeChangeInterval(comparison, channel, rule.metric)
    : differenceInterval(comparison, rule, channel);
  const method: GateMethod = options.strict || changeCi95 === null ? 'point' : 'interval';
  const beyond = (x: number) => (rule.op === '<' ? x < rule.threshold : x > rule.threshold);
  // The end of the interval nearest the threshold decides: all of it must be past the threshold.
  const failed =
    method === 'point' ? beyond(change) : beyond(rule.op === '<' ? changeCi95![1] : changeCi95![0]);
  const show = (x: number) =>
    rule.relative
      ? `${x > 0 ? '+' : ''}${(x * 100).toFixed(1)}%`
      : `${x > 0 ? '+' : ''}${Number(x.toPrecision(4))}`;
  const interval = changeCi95 ? `, 95% interval [${show(changeCi95[0])}, ${show(changeCi95[1])}]` : '';
  const how =
    method === 'interval'
      ? `judged on the interval (${comparison.method}${rule.relative ? ', ratio by the delta method' : ''})`
      : options.strict
        ? 'judged on the point estimate (--strict)'
        : 'judged on the point estimate (no interval: one replication on a side)';
  return {
    rule,
    ...ids,
    change,
    changeCi95,
    method,
    failed,
    message: `${rule.metric} changed by ${show(change)}${interval} (${short(base)} -> ${short(cand)}); rule ${rule.text}, ${how}`,
  };
}

function differenceInterval(
  comparison: Comparison,
  rule: FailRule,
  channel: string,
): [number, number] | null {
  const row =
    comparison.rows.find((r) => r.channel === channel && r.metric === rule.metric) ??
    compareMetric(comparison.a, comparison.b, channel, rule.metric, comparison.method, comparison.spread);
  return row.difference.ci95;
}

function changeOf(base: number | null, cand: number | null, relative: boolean): number | null {
  if (base === null || cand === null) return null;
  if (!relative) return cand - base;
  if (base === 0) return cand === 0 ? 0 : cand > 0 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
  return (cand - base) / Math.abs(base);
}

const short = (x: number | null) => (x === null ? 'n/a' : String(Number(x.toPrecision(4))));
