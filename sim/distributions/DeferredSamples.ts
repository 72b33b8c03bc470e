import { grown } from '../queues/grown.js';
import type { DeferredDraws } from './drawSources.js';

/**
 * One sample per slot (a contact's patience, its talk time), drawn when the contact arrives but, for
 * a distribution with a `transform`, transformed only when first read. The uniform is drawn at
 * arrival either way, so every later contact keeps its draws (common random numbers); what is saved
 * is the quantile function of the samples nobody reads: the patience of a caller answered at once,
 * the talk time of one who hangs up.
 */
export class DeferredSamples {
  /** The sample, or NaN while only its token is known. */
  private value: Float64Array;
  private token: Float64Array;

  constructor(capacity: number) {
    this.value = new Float64Array(capacity);
    this.token = new Float64Array(capacity);
  }

  /** Draws slot `slot`'s sample from `draws` (its token only, where the sample can wait). */
  draw(slot: number, draws: DeferredDraws): void {
    this.value[slot] = Number.NaN;
    this.token[slot] = draws.token();
  }

  /** Replaces slot `slot`'s sample with a known value (a caller's own patience). */
  set(slot: number, value: number): void {
    this.value[slot] = value;
  }

  /** Slot `slot`'s sample; `draws` must be the draws it came from. */
  get(slot: number, draws: DeferredDraws): number {
    const value = this.value[slot]!;
    if (!Number.isNaN(value)) return value;
    const sample = draws.value(this.token[slot]!);
    this.value[slot] = sample;
    return sample;
  }

  grow(capacity: number): void {
    this.value = grown(this.value, capacity);
    this.token = grown(this.token, capacity);
  }
}
