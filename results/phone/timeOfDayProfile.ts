import type { LoadedRun } from '../loadRun.js';
import { type ChartSeries, type ChartSpec, compact, PALETTE } from '../report/chartSpec.js';
import { formatValue } from '../report/formatMetric.js';
import { intervalSeries, slVariant } from '../runMetrics.js';

const BLACK = '#000000';
const DAY_COLORS = PALETTE.filter((c) => c !== BLACK);

/**
 * The service level by time of day, one line per day and their call-weighted mean: the view a
 * planner reads a week in ("every evening at 18:00 we miss"), where the week-long chart is spiky.
 */
export function timeOfDayProfile(run: LoadedRun): ChartSpec {
  const variant = slVariant(run, 'phone');
  const { goal } = run.summary.targets.phone!;
  const sl = intervalSeries(run, variant, 'phone').mean;
  const handled = handledPerInterval(run);
  const perDay = run.info.intervalMinutes > 0 ? (24 * 60) / run.info.intervalMinutes : 48;
  const days = Math.ceil(sl.length / perDay);
  const x = Array.from({ length: perDay }, (_, s) => (s * run.info.intervalMinutes) / 60);
  const dayLines: ChartSeries[] = Array.from({ length: days }, (_, d) => ({
    label: `${run.summary.days.phone?.[d]?.weekday ?? 'day'} ${run.intervals.date[d * perDay] ?? ''}`.trim(),
    axis: 0,
    color: DAY_COLORS[d % DAY_COLORS.length]!,
    dash: true,
    values: compact(sl.slice(d * perDay, (d + 1) * perDay)),
  }));
  const weighted = x.map((_, s) => {
    let sum = 0;
    let weight = 0;
    for (let d = 0; d < days; d++) {
      const v = sl[d * perDay + s];
      const w = handled[d * perDay + s] ?? 0;
      if (v !== null && v !== undefined && w > 0) {
        sum += v * w;
        weight += w;
      }
    }
    return weight > 0 ? sum / weight : null;
  });
  return {
    id: 'time-of-day',
    title: `Service level (${variant}) by time of day`,
    note:
      'Each day of the run on one 24-hour axis (dashed), and all days together weighted by their calls (black). ' +
      `Target ${formatValue(goal, 'share')}.`,
    xKind: 'number',
    xLabel: 'hour of day (interval start)',
    x,
    axes: [{ label: variant, unit: 'share', side: 'left' }],
    series: [
      { label: 'all days', axis: 0, color: BLACK, values: compact(weighted) },
      ...dayLines,
      {
        label: `target ${formatValue(goal, 'share')}`,
        axis: 0,
        color: BLACK,
        dash: true,
        values: x.map(() => goal),
      },
    ],
  };
}

/** Answered + abandoned per interval (the denominator of slOffered), as weights. */
function handledPerInterval(run: LoadedRun): Array<number | null> {
  const answered = intervalSeries(run, 'answered', 'phone').mean;
  const abandoned = intervalSeries(run, 'abandoned', 'phone').mean;
  return answered.map((a, i) => (a === null ? null : a + (abandoned[i] ?? 0)));
}
