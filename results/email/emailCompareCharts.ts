import { metricSpec } from '../../sim/metrics/metricRegistry.js';
import type { AlignedAxis } from '../compare/alignRuns.js';
import { onAxis } from '../compare/alignRuns.js';
import { runLetter } from '../compare/compareRow.js';
import type { LoadedRun } from '../loadRun.js';
import { type ChartSeries, type ChartSpec, compact, PALETTE } from '../report/chartSpec.js';
import { intervalSeries, slVariant } from '../runMetrics.js';

/**
 * Overlaid per-interval e-mail charts on the compare page, one series per run that has e-mail (A =
 * baseline): the working-hours service level, the backlog, the working response time, e-mails
 * received and the share of agent time on e-mail. None when no run has e-mail.
 */
export function emailCompareCharts(runs: readonly LoadedRun[], axis: AlignedAxis): ChartSpec[] {
  const withEmail = runs.some((run) => (run.summary.channels as Record<string, unknown>).email !== undefined);
  if (!withEmail) return [];
  const metrics = [
    slVariant(runs[0]!, 'email'),
    'backlogAtEnd',
    'responseMeanWorkingH',
    'offered',
    'emailShareOfAgentTime',
  ];
  return metrics.map((metric) => overlay(runs, axis, metric));
}

function overlay(runs: readonly LoadedRun[], axis: AlignedAxis, metric: string): ChartSpec {
  const { band, label, unit } = metricSpec('email', metric);
  const series = runs.map((run, r): ChartSeries => {
    const s = intervalSeries(run, metric, 'email');
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
    id: `cmp-email-${metric}`,
    title: `E-mail: ${label} per interval`,
    note: `Runs placed on A's calendar at the dates and times they cover.${band ? ' Bands: 95% CI.' : ''}`,
    xKind: 'time',
    xLabel: "interval start (A's calendar)",
    x: axis.x,
    ...(axis.focus ? { focus: axis.focus } : {}),
    axes: [{ label, unit, side: 'left' }],
    series,
  };
}
