import { grown } from '../queues/grown.js';
import type { Rng } from '../rng/createStream.js';
import type { Distribution } from './Distribution.js';

/**
 * One sample per slot (a contact's patience, its talk time), drawn when the contact arrives but, for
 * a distribution with a `transform`, transformed only when first read. The uniform is drawn at
 * arrival either way, so every later contact keeps its draws (common random numbers); what is saved
 * is the quantile function of the samples nobody reads: the patience of a caller answered at once,
 * the talk time of one who hangs up.
 */
export class DeferredSamples {
  /** The sample, or NaN while it is still the uniform `u`. */
  private value: Float64Array;
  private u: Float64Array;

  constructor(capacity: number) {
    this.value = new Float64Array(capacity);
    this.u = new Float64Array(capacity);
  }

  /** Draws slot `slot`'s sample of `distribution` from `rng` (its uniform only, where it can wait). */
  draw(slot: number, distribution: Distribution, rng: Rng): void {
    if (distribution.transform === undefined) {
      this.value[slot] = distribution.sample(rng);
      return;
    }
    this.value[slot] = Number.NaN;
    this.u[slot] = rng();
  }

  /** Replaces slot `slot`'s sample with a known value (a caller's own patience). */
  set(slot: number, value: number): void {
    this.value[slot] = value;
  }

  /** Slot `slot`'s sample; `distribution` must be the one it was drawn from. */
  get(slot: number, distribution: Distribution): number {
    const value = this.value[slot]!;
    if (!Number.isNaN(value)) return value;
    const sample = distribution.transform!(this.u[slot]!);
    this.value[slot] = sample;
    return sample;
  }

  grow(capacity: number): void {
    this.value = grown(this.value, capacity);
    this.u = grown(this.u, capacity);
  }
}
