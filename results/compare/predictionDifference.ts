import type { MetricValue } from '../runMetrics.js';
import type { Difference } from './differenceCi.js';

/**
 * Half-width of the 95% prediction interval of ONE new replication: t·s·√(1 + 1/n), which is the
 * half-width of the CI of the mean (t·s/√n) times √(n + 1). Null without a CI (one replication).
 */
export function predictionHalfWidth(prediction: MetricValue): number | null {
  if (!prediction.ci95 || prediction.mean === null || prediction.n < 2) return null;
  return ((prediction.ci95[1] - prediction.ci95[0]) / 2) * Math.sqrt(prediction.n + 1);
}

/**
 * B − A where one side is a prediction (n sim replications) and the other ONE measured run (a k6
 * replay is one sample path of the same process). The interval is the measurement minus the
 * prediction interval of one replication, so it carries the between-replication spread:
 * (measured − mean) ± t·s·√(1 + 1/n), signed as B − A.
 *
 * The measured run's own sampling (its Wilson interval, calls taken as independent trials) is NOT
 * added: a replication's spread already contains the sampling noise of one path, so adding it would
 * count it twice. That makes the interval contain 0 exactly when the measurement lies inside the
 * prediction interval: the difference interval and "inside prediction" cannot contradict each other.
 */
export function predictionDifference(
  prediction: MetricValue,
  measured: MetricValue,
  predictionIs: 'A' | 'B',
): Difference {
  if (prediction.mean === null || measured.mean === null) return { value: null, ci95: null };
  const sign = predictionIs === 'A' ? 1 : -1;
  const value = sign * (measured.mean - prediction.mean);
  const half = predictionHalfWidth(prediction);
  return { value, ci95: half === null ? null : [value - half, value + half] };
}

/** Whether the measurement lies inside the prediction interval of one replication; null if unknown. */
export function insidePredictionInterval(prediction: MetricValue, measured: MetricValue): boolean | null {
  const { ci95 } = predictionDifference(prediction, measured, 'A');
  return ci95 === null ? null : ci95[0] <= 0 && ci95[1] >= 0;
}
