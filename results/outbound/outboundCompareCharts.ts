import { metricSpec } from '../../sim/metrics/metricRegistry.js';
import type { AlignedAxis } from '../compare/alignRuns.js';
import { onAxis } from '../compare/alignRuns.js';
import { runLetter } from '../compare/compareRow.js';
import type { LoadedRun } from '../loadRun.js';
import { type ChartSeries, type ChartSpec, compact, PALETTE } from '../report/chartSpec.js';
import { intervalSeries } from '../runMetrics.js';

const CHANNEL = 'outbound';
/** What a campaign comparison asks first: how much was dialled and reached, and at what agent time. */
const METRICS = ['attempts', 'completed', 'outboundShare'] as const;

/**
 * Overlaid per-interval outbound charts on the compare page, one series per run (A = baseline);
 * none when no run has an outbound campaign. A run without one shows as an empty series.
 */
export function outboundCompareCharts(runs: readonly LoadedRun[], axis: AlignedAxis): ChartSpec[] {
  const hasCampaign = runs.some(
    (run) => (run.summary.channels as Record<string, unknown>)[CHANNEL] !== undefined,
  );
  if (!hasCampaign) return [];
  return METRICS.map((metric) => overlay(runs, axis, metric));
}

function overlay(runs: readonly LoadedRun[], axis: AlignedAxis, metric: string): ChartSpec {
  const { band, label, unit } = metricSpec(CHANNEL, metric);
  const series = runs.map((run, r): ChartSeries => {
    const s = intervalSeries(run, metric, CHANNEL);
    const line: ChartSeries = {
      label: `${runLetter(r)} ${run.info.id}`,
      axis: 0,
      color: PALETTE[r % PALETTE.length]!,
      dash: run.info.kind === 'k6',
      values: compact(onAxis(axis, r, s.mean)),
    };
    if (band) line.band = { lo: compact(onAxis(axis, r, s.lo)), hi: compact(onAxis(axis, r, s.hi)) };
    return line;
  });
  return {
    id: `cmp-outbound-${metric}`,
    title: `Outbound: ${label} per interval`,
    note: `Runs placed on A's calendar at the dates and times they cover.${band ? ' Bands: 95% CI.' : ''}`,
    xKind: 'time',
    xLabel: "interval start (A's calendar)",
    x: axis.x,
    ...(axis.focus ? { focus: axis.focus } : {}),
    axes: [{ label: `outbound: ${label}`, unit, side: 'left' }],
    series,
  };
}
