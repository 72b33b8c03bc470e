import { formatValue } from '../../results/report/formatMetric.js';
import { metricSpec } from '../../sim/metrics/metricRegistry.js';
import type { ConditionalPrediction } from './conditionalPrediction.js';

/** `hotline load`'s text of the prediction given the mocks' morning: the same figures as `--json`'s. */
export function conditionalPredictionLines(prediction: ConditionalPrediction): string[] {
  const lines = [
    `  the prediction given the mocks' morning (${prediction.branches} branches of replication ${prediction.givenReplication} from ${prediction.window.from}; 95% range of one replay):`,
  ];
  const channels = [...new Set(prediction.metrics.map((m) => m.channel))];
  for (const channel of channels) {
    const parts = prediction.metrics
      .filter((m) => m.channel === channel)
      .map((m) => {
        const spec = metricSpec(m.channel, m.metric);
        const show = (v: number) => formatValue(v, spec.unit);
        if (m.mean === null || m.oneReplay95 === null) return `${spec.label} -`;
        const verdict = m.inside === null ? '' : m.inside ? ' (replay inside)' : ' (replay OUTSIDE)';
        return `${spec.label} ${show(m.mean)} [${show(m.oneReplay95[0])} to ${show(m.oneReplay95[1])}]${verdict}`;
      });
    lines.push(`  ${channels.length > 1 ? `${channel}: ` : ''}${parts.join('  ')}`);
  }
  return lines;
}
