import { metricOf } from '../runMetrics.js';
import type { Comparison } from './compareRuns.js';
import type { FailRule } from './failOnRules.js';

export interface RuleOutcome {
  rule: FailRule;
  baseline: string;
  candidate: string;
  /** candidate − baseline, or its ratio to the baseline for relative rules; null if undefined. */
  change: number | null;
  failed: boolean;
  message: string;
}

/**
 * Checks every rule on one comparison (A = baseline, B = candidate) against the point estimate of
 * the change: the gate must be reproducible, and with common random numbers the point estimate of
 * a same-seed comparison is already free of sampling noise. A rule that cannot be evaluated (the
 * metric is undefined in a run) fails: a gate that silently passes on missing data gates nothing.
 */
export function evaluateGate(comparison: Comparison, rules: readonly FailRule[]): RuleOutcome[] {
  return rules.map((rule) => evaluateRule(comparison, rule));
}

function evaluateRule(comparison: Comparison, rule: FailRule): RuleOutcome {
  const base = metricOf(comparison.a.summary.channels.phone, rule.metric).mean;
  const cand = metricOf(comparison.b.summary.channels.phone, rule.metric).mean;
  const ids = { baseline: comparison.a.info.id, candidate: comparison.b.info.id };
  const change = changeOf(base, cand, rule.relative);
  if (change === null) {
    return {
      rule,
      ...ids,
      change,
      failed: true,
      message: `${rule.metric} is undefined in a run, cannot check`,
    };
  }
  const failed = rule.op === '<' ? change < rule.threshold : change > rule.threshold;
  const shown = rule.relative ? `${(change * 100).toFixed(1)}%` : String(Number(change.toPrecision(4)));
  return {
    rule,
    ...ids,
    change,
    failed,
    message: `${rule.metric} changed by ${change > 0 ? '+' : ''}${shown} (${short(base)} -> ${short(cand)}); rule ${rule.text}`,
  };
}

function changeOf(base: number | null, cand: number | null, relative: boolean): number | null {
  if (base === null || cand === null) return null;
  if (!relative) return cand - base;
  if (base === 0) return cand === 0 ? 0 : cand > 0 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
  return (cand - base) / Math.abs(base);
}

const short = (x: number | null) => (x === null ? 'n/a' : String(Number(x.toPrecision(4))));
