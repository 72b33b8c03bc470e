import type { Rng } from '../rng/createStream.js';
import type { Distribution } from './Distribution.js';

/**
 * One sample per slot (a contact's patience, its talk time), drawn when the contact arrives but, for
 * a distribution with a `transform`, transformed only when first read. The uniforms are drawn at
 * arrival either way, so every later contact keeps its draws (common random numbers); what is saved
 * is the logarithm, root, cosine and exponential of the samples nobody reads: the patience of a
 * caller answered at once, the talk time of one who hangs up.
 */
export class DeferredSamples {
  /** The sample, or NaN while it is still the uniforms u1, u2. */
  private value: Float64Array;
  private u1: Float64Array;
  private u2: Float64Array;

  constructor(capacity: number) {
    this.value = new Float64Array(capacity);
    this.u1 = new Float64Array(capacity);
    this.u2 = new Float64Array(capacity);
  }

  /** Draws slot `slot`'s sample of `distribution` from `rng` (its uniforms only, where it can wait). */
  draw(slot: number, distribution: Distribution, rng: Rng): void {
    const uniforms = distribution.uniforms;
    if (uniforms === undefined) {
      this.value[slot] = distribution.sample(rng);
      return;
    }
    this.value[slot] = Number.NaN;
    this.u1[slot] = rng();
    this.u2[slot] = uniforms === 2 ? rng() : 0;
  }

  /** Replaces slot `slot`'s sample with a known value (a caller's own patience). */
  set(slot: number, value: number): void {
    this.value[slot] = value;
  }

  /** Slot `slot`'s sample; `distribution` must be the one it was drawn from. */
  get(slot: number, distribution: Distribution): number {
    const value = this.value[slot]!;
    if (!Number.isNaN(value)) return value;
    const sample = distribution.transform!(this.u1[slot]!, this.u2[slot]!);
    this.value[slot] = sample;
    return sample;
  }

  grow(capacity: number): void {
    const copy = (a: Float64Array) => {
      const b = new Float64Array(capacity);
      b.set(a);
      return b;
    };
    this.value = copy(this.value);
    this.u1 = copy(this.u1);
    this.u2 = copy(this.u2);
  }
}
