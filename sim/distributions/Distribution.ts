import type { Rng } from '../rng/createStream.js';

/** A non-negative random duration in seconds (Ciw's lesson: sample, mean and a readable description). */
export interface Distribution {
  readonly kind: string;
  /** Expected value in seconds. */
  readonly mean: number;
  /** Coefficient of variation (sd / mean); 0 for constants. */
  readonly cv: number;
  sample(rng: Rng): number;
  describe(): string;
}
