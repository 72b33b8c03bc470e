import type { Rng } from '../rng/createStream.js';

/** A non-negative random duration in seconds (Ciw's lesson: sample, mean and a readable description). */
export interface Distribution {
  readonly kind: string;
  /** Expected value in seconds. */
  readonly mean: number;
  /** Coefficient of variation (sd / mean); 0 for constants. */
  readonly cv: number;
  sample(rng: Rng): number;
  /**
   * Set where a sample is a fixed function of one uniform (the quantile function): `sample(rng)` then
   * equals `transform(u)` with u the next draw of `rng`. Lets a process draw the uniform at arrival
   * and transform it only if the value is needed (DeferredSamples).
   */
  transform?(u: number): number;
  describe(): string;
}
