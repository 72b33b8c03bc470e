import { prometheusGauge } from './prometheusGauge.js';

/**
 * The mocks' state in Prometheus text exposition format (version 0.0.4): the model clock, then each
 * transport's lines (in the transports' list order).
 */
export function metricsText(
  clock: { modelTimeS: number; interval: number },
  transportLines: readonly (readonly string[])[],
): string {
  const lines = [
    ...prometheusGauge(
      'hotline_model_time_seconds',
      'Model time, seconds since the start of day 1.',
      round(clock.modelTimeS),
    ),
    ...prometheusGauge('hotline_interval', 'Interval index of the model time.', clock.interval),
    ...transportLines.flat(),
  ];
  return `${lines.join('\n')}\n`;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
