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
   * Set where a sample is a fixed function of a fixed count of uniforms (1 or 2): `sample(rng)` then
   * equals `transform(u1, u2)` with u1, u2 the next draws of `rng` (u2 unused for 1). Lets a process
   * draw the uniforms at arrival and transform them only if the value is needed (DeferredSamples).
   */
  readonly uniforms?: 1 | 2;
  transform?(u1: number, u2: number): number;
  describe(): string;
}
