import type { Rng } from '../rng/createStream.js';
import type { Distribution } from './Distribution.js';
import { formatSeconds } from './formatSeconds.js';

export class Exponential implements Distribution {
  readonly kind = 'exponential';
  readonly cv = 1;
  constructor(readonly mean: number) {}
  sample(rng: Rng): number {
    return this.transform(rng());
  }
  transform(u: number): number {
    return -this.mean * Math.log(1 - u);
  }
  describe(): string {
    return `exponential(mean ${formatSeconds(this.mean)})`;
  }
}
