import type { MetricUnit } from './formatMetric.js';

/**
 * A chart as data: the page script turns each spec into uPlot options, so reports and comparisons
 * share one renderer and the Node side never builds JavaScript by string concatenation.
 */
export interface ChartSpec {
  id: string;
  title: string;
  /** One line under the title saying how to read the chart (what capacity means, etc.). */
  note?: string;
  /** 'time': x is unix seconds shown as calendar time (UTC = the scenario's wall clock). */
  xKind: 'time' | 'number';
  xLabel: string;
  x: number[];
  /** For 'number' charts: a label per x value, used as the only ticks. */
  xTickLabels?: string[];
  axes: ChartAxis[];
  series: ChartSeries[];
  /** 'time' charts: the x range the chart opens zoomed to (the window compared); the whole span is one click away. */
  focus?: [number, number];
}

export interface ChartAxis {
  label: string;
  unit: MetricUnit;
  side: 'left' | 'right';
}

export interface ChartSeries {
  label: string;
  /** Index into `axes`. */
  axis: number;
  values: Array<number | null>;
  color: string;
  dash?: boolean;
  /** 95% CI drawn as a shaded band around the series. */
  band?: { lo: Array<number | null>; hi: Array<number | null> };
  /** What the band is, in the legend (default "95% CI"). */
  bandLabel?: string;
  /** 'points': markers only, no line (a measurement on top of a prediction); 'band': the band only. */
  draw?: 'line' | 'points' | 'band';
  /** Marker size in pixels for 'points'. */
  pointSize?: number;
}

/** Colour-blind-safe palette (Okabe-Ito), in the order runs and series take them. */
export const PALETTE = [
  '#0072B2',
  '#D55E00',
  '#009E73',
  '#CC79A7',
  '#E69F00',
  '#56B4E9',
  '#000000',
  '#F0E442',
];

/** Rounds to 4 significant digits: enough for a chart, and keeps a 7-day report small. */
export function compact(values: ReadonlyArray<number | null>): Array<number | null> {
  return values.map((v) => (v === null || !Number.isFinite(v) ? null : Number(v.toPrecision(4))));
}
