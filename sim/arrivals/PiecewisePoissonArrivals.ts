import type { Rng } from '../rng/createStream.js';

/**
 * Non-homogeneous Poisson arrivals with a rate that is constant within each interval. Exact at the
 * boundaries: one Exp(1) amount of "cumulative rate" is drawn per arrival and spent across intervals,
 * so a rate jump at 10:00 takes effect at 10:00, not at the first arrival after it.
 */
export class PiecewisePoissonArrivals {
  private interval = 0;
  private time = 0;

  constructor(
    /** Arrivals per second in each interval. */
    private readonly ratePerS: Float64Array,
    private readonly intervalS: number,
    private readonly rng: Rng,
  ) {}

  /** Time of the next arrival, or Infinity when none comes before the horizon. */
  next(): number {
    let need = -Math.log(1 - this.rng());
    const rates = this.ratePerS;
    const width = this.intervalS;
    for (;;) {
      if (this.interval >= rates.length) return Number.POSITIVE_INFINITY;
      const rate = rates[this.interval]!;
      const end = (this.interval + 1) * width;
      const available = rate * (end - this.time);
      if (need < available) {
        this.time += need / rate;
        // Floating point may land exactly on the boundary; the arrival still belongs to this interval.
        return this.time < end ? this.time : end - width * 1e-12;
      }
      need -= available;
      this.interval++;
      this.time = end;
    }
  }
}
