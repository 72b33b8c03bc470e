import type { Rng } from '../rng/createStream.js';
import type { Distribution } from './Distribution.js';
import { formatSeconds } from './formatSeconds.js';

/** Discrete values with weights (equal weights when none are given); sampled by binary search. */
export class Empirical implements Distribution {
  readonly kind = 'empirical';
  readonly mean: number;
  readonly cv: number;
  private readonly cumulative: Float64Array;
  constructor(
    readonly values: readonly number[],
    weights: readonly number[],
  ) {
    const total = weights.reduce((a, b) => a + b, 0);
    this.cumulative = new Float64Array(values.length);
    let acc = 0;
    let mean = 0;
    let second = 0;
    for (let i = 0; i < values.length; i++) {
      const p = weights[i]! / total;
      acc += p;
      this.cumulative[i] = acc;
      mean += p * values[i]!;
      second += p * values[i]! * values[i]!;
    }
    this.cumulative[values.length - 1] = 1;
    this.mean = mean;
    this.cv = mean === 0 ? 0 : Math.sqrt(Math.max(0, second - mean * mean)) / mean;
  }
  sample(rng: Rng): number {
    const u = rng();
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid]! > u) hi = mid;
      else lo = mid + 1;
    }
    return this.values[lo]!;
  }
  describe(): string {
    return `empirical(${this.values.length} values, mean ${formatSeconds(this.mean)})`;
  }
}
