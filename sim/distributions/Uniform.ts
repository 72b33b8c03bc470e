import type { Rng } from '../rng/createStream.js';
import type { Distribution } from './Distribution.js';
import { formatSeconds } from './formatSeconds.js';

export class Uniform implements Distribution {
  readonly kind = 'uniform';
  readonly mean: number;
  readonly cv: number;
  constructor(
    readonly min: number,
    readonly max: number,
  ) {
    this.mean = (min + max) / 2;
    this.cv = this.mean === 0 ? 0 : (max - min) / Math.sqrt(12) / this.mean;
  }
  sample(rng: Rng): number {
    return this.min + (this.max - this.min) * rng();
  }
  describe(): string {
    return `uniform(${formatSeconds(this.min)}..${formatSeconds(this.max)})`;
  }
}
