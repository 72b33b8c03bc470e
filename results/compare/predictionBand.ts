import type { MetricSeries } from '../parseIntervalsCsv.js';

/**
 * Per interval: where one new replication of the prediction lands 95% of the time, and whether the
 * measured value lies there. The prediction's per-interval CI of the mean (intervals.csv, n
 * replications) gives s; the band of one replication is mean ± t·s·√(1 + 1/n) = mean ± half·√(n + 1).
 * intervals.csv does not say in how many replications an interval's metric was defined; using the
 * run's n where it was defined in fewer makes the band wider, never narrower (a conservative band).
 */
export interface PredictionBand {
  lo: Array<number | null>;
  hi: Array<number | null>;
  /** Per interval: true outside the band, false inside, null where either side is undefined. */
  outside: Array<boolean | null>;
  /** Intervals with both a band and a measurement, and how many of them fall outside. */
  judged: number;
  outsideCount: number;
}

export function predictionBand(
  prediction: MetricSeries,
  replications: number,
  measured: ReadonlyArray<number | null>,
): PredictionBand {
  const widen = Math.sqrt(replications + 1);
  const lo: Array<number | null> = [];
  const hi: Array<number | null> = [];
  const outside: Array<boolean | null> = [];
  let judged = 0;
  let outsideCount = 0;
  prediction.mean.forEach((mean, i) => {
    const l = prediction.lo[i];
    const h = prediction.hi[i];
    if (mean === null || l === null || h === null || l === undefined || h === undefined || replications < 2) {
      lo.push(null);
      hi.push(null);
      outside.push(null);
      return;
    }
    const half = ((h - l) / 2) * widen;
    lo.push(mean - half);
    hi.push(mean + half);
    const m = measured[i];
    if (m === null || m === undefined) {
      outside.push(null);
      return;
    }
    const out = m < mean - half || m > mean + half;
    outside.push(out);
    judged++;
    if (out) outsideCount++;
  });
  return { lo, hi, outside, judged, outsideCount };
}

/** P(X >= k) for X ~ Binomial(n, p): how likely k or more intervals outside are by chance alone. */
export function binomialTail(k: number, n: number, p: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  let term = (1 - p) ** n; // P(X = 0)
  let below = 0;
  for (let j = 0; j < k; j++) {
    below += term;
    term *= ((n - j) / (j + 1)) * (p / (1 - p));
  }
  return Math.max(0, Math.min(1, 1 - below));
}
