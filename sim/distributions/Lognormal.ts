import type { Rng } from '../rng/createStream.js';
import type { Distribution } from './Distribution.js';
import { formatSeconds } from './formatSeconds.js';
import { standardNormalOf } from './sampleStandardNormal.js';

/** Parameterised by mean and cv, as planners know handle times, not by the log-scale mu and sigma. */
export class Lognormal implements Distribution {
  readonly kind = 'lognormal';
  private readonly mu: number;
  private readonly sigma: number;
  constructor(
    readonly mean: number,
    readonly cv: number,
  ) {
    const sigma2 = Math.log(1 + cv * cv);
    this.sigma = Math.sqrt(sigma2);
    this.mu = Math.log(mean) - sigma2 / 2;
  }
  sample(rng: Rng): number {
    return this.transform(rng());
  }
  /** The lognormal quantile of `u`: exp of the normal quantile, scaled. */
  transform(u: number): number {
    return Math.exp(this.mu + this.sigma * standardNormalOf(u));
  }
  describe(): string {
    return `lognormal(mean ${formatSeconds(this.mean)}, cv ${this.cv})`;
  }
}
