import type { Rng } from '../rng/createStream.js';
import type { Distribution } from './Distribution.js';
import { formatSeconds } from './formatSeconds.js';

/** Sum of k exponential phases, each with mean mean/k. */
export class Erlang implements Distribution {
  readonly kind = 'erlang';
  readonly cv: number;
  constructor(
    readonly mean: number,
    readonly k: number,
  ) {
    this.cv = 1 / Math.sqrt(k);
  }
  sample(rng: Rng): number {
    let sum = 0;
    for (let i = 0; i < this.k; i++) sum -= Math.log(1 - rng());
    return (sum * this.mean) / this.k;
  }
  describe(): string {
    return `erlang(mean ${formatSeconds(this.mean)}, k ${this.k})`;
  }
}
