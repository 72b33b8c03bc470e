// How much runs of the same scenario (different seeds) disagree, interval by interval and over the
// window: what tells whether one-replication sim runs are a fair stand-in for real k6 replays in the
// gate bench (the k6 runs carry timing noise the simulator does not draw).
import { sampleStandardDeviation } from 'simple-statistics';

/** Each run's values for the same intervals of the window, in order; null: no contact there. */
export type RunIntervals = ReadonlyArray<ReadonlyArray<number | null>>;

export interface SpreadAcrossRuns {
  /** Root mean square over the intervals of the SD across runs of the interval's value. */
  perIntervalSd: number | null;
  /** Root mean square over the runs of the SD of a run's own interval values (batch means' spread). */
  withinRunSd: number | null;
}

const finite = (xs: ReadonlyArray<number | null>) =>
  xs.filter((x): x is number => x !== null && Number.isFinite(x));

/** Root mean square of SDs (variances average, SDs do not); null without any SD. */
function rmsSd(groups: ReadonlyArray<ReadonlyArray<number | null>>): number | null {
  const variances = groups
    .map(finite)
    .filter((g) => g.length >= 2)
    .map((g) => sampleStandardDeviation(g) ** 2);
  if (variances.length === 0) return null;
  return Math.sqrt(variances.reduce((s, v) => s + v, 0) / variances.length);
}

export function spreadAcrossRuns(runs: RunIntervals): SpreadAcrossRuns {
  const width = Math.max(0, ...runs.map((r) => r.length));
  const columns = Array.from({ length: width }, (_, k) => runs.map((r) => r[k] ?? null));
  return { perIntervalSd: rmsSd(columns), withinRunSd: rmsSd(runs) };
}

/** SD across runs of one figure per run (their run-level values); null below two values. */
export function sdAcrossRuns(values: ReadonlyArray<number | null>): number | null {
  const xs = finite(values);
  return xs.length >= 2 ? sampleStandardDeviation(xs) : null;
}
