// The one verdict on a channel's targets. `hotline sim`'s verdict line, the report header and the
// k6 thresholds of `hotline load` all come from targetChecks(), so they cannot disagree: the same
// figures pass or fail the same targets everywhere, with the same (inclusive) comparisons.
import { channelDeclaration, metricSpec, serviceLevelMetrics } from './metricRegistry.js';

/** A channel's targets as the scenario model and summary.json carry them. */
export interface ChannelTargets {
  /** The service-level metric the goal applies to, e.g. 'slOffered'. */
  readonly variant: string;
  /** T of the service level, seconds. */
  readonly thresholdS: number;
  /** Goal of the service level, a share. */
  readonly goal: number;
  readonly maxAbandonRate: number | null;
  readonly maxAsaS: number | null;
}

export type TargetName = 'serviceLevel' | 'maxAbandonRate' | 'maxAsa';

/** One target as a comparison of one metric with a limit: passes when `value op limit`. */
export interface TargetCheck {
  readonly target: TargetName;
  readonly metric: string;
  readonly op: '>=' | '<=';
  readonly limit: number;
}

export type TargetStatus = 'pass' | 'fail' | 'n/a';

export interface TargetOutcome extends TargetCheck {
  /** The measured or predicted figure; null when undefined (no contacts to judge). */
  readonly value: number | null;
  readonly status: TargetStatus;
}

export interface TargetVerdict {
  /** 'met': every target passes; 'missed': at least one fails; 'n/a': none fails but some lack a figure. */
  readonly verdict: 'met' | 'missed' | 'n/a';
  readonly outcomes: TargetOutcome[];
}

/** Figures by metric name, e.g. a run's summary (`{slOffered: {mean, ci95, n}, ...}`). */
export type TargetFigures = Readonly<Partial<Record<string, { readonly mean: number | null }>>>;

/** The channel's targets as checks, service level first; absent limits give no check. */
export function targetChecks(channel: string, targets: ChannelTargets): TargetCheck[] {
  const declaration = channelDeclaration(channel);
  if (!serviceLevelMetrics(channel).some((spec) => spec.name === targets.variant)) {
    throw new RangeError(`channel "${channel}" has no service-level metric "${targets.variant}"`);
  }
  const checks: TargetCheck[] = [
    { target: 'serviceLevel', metric: targets.variant, op: '>=', limit: targets.goal },
  ];
  if (targets.maxAbandonRate !== null) {
    checks.push({
      target: 'maxAbandonRate',
      metric: declaration.targetMetrics.abandonRate,
      op: '<=',
      limit: targets.maxAbandonRate,
    });
  }
  if (targets.maxAsaS !== null) {
    checks.push({
      target: 'maxAsa',
      metric: declaration.targetMetrics.asa,
      op: '<=',
      limit: targets.maxAsaS,
    });
  }
  return checks;
}

/** Judges figures against a channel's targets: per target pass, fail or n/a, and the verdict. */
export function judgeTargets(
  channel: string,
  targets: ChannelTargets,
  figures: TargetFigures,
): TargetVerdict {
  const outcomes = targetChecks(channel, targets).map((check): TargetOutcome => {
    const value = figures[check.metric]?.mean ?? null;
    const status: TargetStatus = value === null ? 'n/a' : passes(value, check) ? 'pass' : 'fail';
    return { ...check, value, status };
  });
  const verdict = outcomes.some((o) => o.status === 'fail')
    ? 'missed'
    : outcomes.every((o) => o.status === 'pass')
      ? 'met'
      : 'n/a';
  return { verdict, outcomes };
}

/** Figures with their 95% confidence intervals (a simulated summary). */
export type TargetFiguresWithCi = Readonly<
  Partial<Record<string, { readonly mean: number | null; readonly ci95?: readonly [number, number] | null }>>
>;

/**
 * True when a target is missed beyond the noise of the replications: its whole 95% confidence
 * interval lies on the wrong side of the limit. A plan tuned so the mean just meets a goal has about
 * half of its marginal intervals' means below it on fresh draws; those are noise, these are not.
 * A figure without a CI (one replication) counts by its mean alone.
 */
export function missedBeyondNoise(
  channel: string,
  targets: ChannelTargets,
  figures: TargetFiguresWithCi,
): boolean {
  return targetChecks(channel, targets).some((check) => {
    const figure = figures[check.metric];
    if (figure?.mean === null || figure?.mean === undefined) return false;
    const nearest = figure.ci95 ? (check.op === '>=' ? figure.ci95[1] : figure.ci95[0]) : figure.mean;
    return !passes(nearest, check);
  });
}

function passes(value: number, check: TargetCheck): boolean {
  return check.op === '>=' ? value >= check.limit : value <= check.limit;
}

/**
 * The same checks as k6 thresholds (`{sl_offered: ['rate>=0.8'], ...}`), on the k6 metrics the
 * registry names. Throws if a target's metric has no k6 source: a replay could not judge it.
 */
export function k6TargetThresholds(channel: string, targets: ChannelTargets): Record<string, string[]> {
  const thresholds: Record<string, string[]> = {};
  for (const check of targetChecks(channel, targets)) {
    const source = metricSpec(channel, check.metric).k6;
    if (!source) throw new RangeError(`${channel} metric ${check.metric} has a target but no k6 source`);
    const expressions = thresholds[source.metric] ?? [];
    expressions.push(`${source.stat}${check.op}${check.limit}`);
    thresholds[source.metric] = expressions;
  }
  return thresholds;
}
