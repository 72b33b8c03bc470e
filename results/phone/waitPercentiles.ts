/** The wait percentiles every run summary carries, with the metric that holds each. */
export const WAIT_PERCENTILES = [
  [50, 'waitP50S'],
  [80, 'waitP80S'],
  [90, 'waitP90S'],
  [95, 'waitP95S'],
  [99, 'waitP99S'],
] as const;

/** -log10(1 - p): p50, p90 and p99 sit at 0.3, 1 and 2, so the tail gets room instead of 1/10 of it. */
export function tailPosition(percentile: number): number {
  return Number((-Math.log10(1 - percentile / 100)).toFixed(4));
}
