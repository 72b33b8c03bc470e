/**
 * A clock that runs only in working hours: how many working seconds lie between two model instants,
 * and which instant lies N working seconds after another. Pure and immutable.
 *
 * Working time is a set of disjoint spans [start, end) of model seconds within one period (the
 * scenario's horizon, days x 86,400 s); past the period it repeats, as a cyclic run (the mocks)
 * repeats the scenario. Model time has no daylight saving: every day is 86,400 s.
 *
 * W(t), the working seconds in [0, t), is continuous and non-decreasing; both questions are read from
 * it: between(a, b) = W(b) - W(a), and after(t, w) is the earliest u with W(u) = W(t) + w (so a span's
 * end, 18:00, rather than the next opening, when the time runs out exactly at closing).
 */
export class WorkingHoursClock {
  /** Span bounds, [start0, end0, start1, end1, ...], sorted, disjoint and not touching. */
  private readonly bounds: Float64Array;
  /** Working seconds before span i within the period. */
  private readonly before: Float64Array;
  /** Working seconds in one period. */
  readonly perPeriodS: number;

  constructor(
    spans: readonly (readonly [number, number])[],
    /** Length of the period after which the working hours repeat, seconds. */
    readonly periodS: number,
  ) {
    if (!(periodS > 0)) throw new RangeError(`period must be positive, got ${periodS}`);
    const merged = mergeSpans(spans, periodS);
    this.bounds = Float64Array.from(merged.flat());
    this.before = new Float64Array(merged.length);
    let sum = 0;
    merged.forEach(([start, end], i) => {
      this.before[i] = sum;
      sum += end - start;
    });
    this.perPeriodS = sum;
  }

  /** Number of working spans in one period. */
  get spanCount(): number {
    return this.before.length;
  }

  /** Working seconds in [0, t) (t >= 0). */
  workingUntil(t: number): number {
    const period = Math.floor(t / this.periodS);
    const within = t - period * this.periodS;
    return period * this.perPeriodS + this.workingWithin(within);
  }

  /** Working seconds between instants `from` and `to` (0 when to <= from). */
  between(from: number, to: number): number {
    if (to <= from) return 0;
    return this.workingUntil(to) - this.workingUntil(from);
  }

  /** The earliest instant u >= t with `workingS` working seconds in [t, u); Infinity when none works. */
  after(t: number, workingS: number): number {
    if (workingS <= 0) return t;
    if (this.perPeriodS === 0) return Number.POSITIVE_INFINITY;
    const target = this.workingUntil(t) + workingS;
    let period = Math.floor(target / this.perPeriodS);
    let rest = target - period * this.perPeriodS;
    // A target exactly at a period's worth of work ends in the previous period's last span.
    if (rest === 0 && period > 0) {
      period--;
      rest = this.perPeriodS;
    }
    return period * this.periodS + this.instantWithin(rest);
  }

  /** Whether `t` is inside working hours (a span's start is, its end is not). */
  isWorking(t: number): boolean {
    const within = t - Math.floor(t / this.periodS) * this.periodS;
    const i = this.spanAtOrBefore(within);
    return i >= 0 && within < this.bounds[2 * i + 1]!;
  }

  /** The first start of a working span strictly after `t`; Infinity when there is none. */
  nextOpening(t: number): number {
    const n = this.before.length;
    if (n === 0) return Number.POSITIVE_INFINITY;
    const period = Math.floor(t / this.periodS);
    const within = t - period * this.periodS;
    const i = this.spanAtOrBefore(within) + 1;
    if (i < n) return period * this.periodS + this.bounds[2 * i]!;
    return (period + 1) * this.periodS + this.bounds[0]!;
  }

  /** Working seconds in [0, within) of one period. */
  private workingWithin(within: number): number {
    const i = this.spanAtOrBefore(within);
    if (i < 0) return 0;
    const start = this.bounds[2 * i]!;
    const end = this.bounds[2 * i + 1]!;
    return this.before[i]! + Math.min(within, end) - start;
  }

  /** The earliest instant within a period with `working` (0 < working <= perPeriodS) seconds before it. */
  private instantWithin(working: number): number {
    // The first span whose end carries the total to `working` or more.
    let lo = 0;
    let hi = this.before.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const endWorking = this.before[mid]! + this.bounds[2 * mid + 1]! - this.bounds[2 * mid]!;
      if (endWorking >= working) hi = mid;
      else lo = mid + 1;
    }
    return this.bounds[2 * lo]! + working - this.before[lo]!;
  }

  /** Index of the last span starting at or before `within`; -1 when none does. */
  private spanAtOrBefore(within: number): number {
    let lo = 0;
    let hi = this.before.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.bounds[2 * mid]! <= within) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }
}

/** Sorted, clipped to [0, period), overlapping or touching spans joined into one. */
function mergeSpans(spans: readonly (readonly [number, number])[], periodS: number): [number, number][] {
  const sorted = spans
    .map(([start, end]): [number, number] => [Math.max(0, start), Math.min(periodS, end)])
    .filter(([start, end]) => end > start)
    .sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const span of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
    else out.push([span[0], span[1]]);
  }
  return out;
}
