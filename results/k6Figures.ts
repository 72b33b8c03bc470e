// The measured figures of a k6 replay, shared by every channel's k6 summary: a count is one
// measurement; a proportion carries a Wilson score interval (contacts treated as independent trials,
// which queued contacts are not quite, so the interval is optimistic); a time has no interval.
import type { MetricSummary } from '../sim/replications/summarizeReplications.js';

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

/** A metric k6 cannot see (or without a sample): null with n = 0, an empty cell in intervals.csv. */
export const NO_FIGURE: MetricSummary = { mean: null, ci95: null, n: 0 };

export const countFigure = (value: number): MetricSummary => ({ mean: value, ci95: null, n: 1 });

export const proportionFigure = (successes: number, trials: number): MetricSummary =>
  trials > 0 ? { mean: successes / trials, ci95: wilson(successes, trials), n: trials } : NO_FIGURE;

/** The mean of `n` values summing to `sum`, or no figure without values. */
export const meanFigure = (sum: number, n: number): MetricSummary =>
  n > 0 ? { mean: sum / n, ci95: null, n } : NO_FIGURE;

/** The q-quantile of sorted values, linear between order statistics. */
export function quantileFigure(sorted: readonly number[], q: number): MetricSummary {
  if (sorted.length === 0) return NO_FIGURE;
  const position = q * (sorted.length - 1);
  const lo = Math.floor(position);
  const hi = Math.ceil(position);
  const value = sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (position - lo);
  return { mean: value, ci95: null, n: sorted.length };
}
