import type { Rng } from '../rng/createStream.js';
import type { Distribution } from './Distribution.js';
import { formatSeconds } from './formatSeconds.js';
import { sampleStandardNormal } from './sampleStandardNormal.js';

/** Gamma by mean and cv (shape = 1/cv^2), sampled with Marsaglia & Tsang (2000). */
export class Gamma implements Distribution {
  readonly kind = 'gamma';
  private readonly shape: number;
  private readonly scale: number;
  constructor(
    readonly mean: number,
    readonly cv: number,
  ) {
    this.shape = 1 / (cv * cv);
    this.scale = mean / this.shape;
  }
  sample(rng: Rng): number {
    return sampleGamma(this.shape, rng) * this.scale;
  }
  describe(): string {
    return `gamma(mean ${formatSeconds(this.mean)}, cv ${this.cv})`;
  }
}

/** Unit-scale gamma variate; shapes below 1 use the boost Gamma(a) = Gamma(a+1) * U^(1/a). */
export function sampleGamma(shape: number, rng: Rng): number {
  if (shape < 1) return sampleGamma(shape + 1, rng) * (1 - rng()) ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = sampleStandardNormal(rng);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - rng();
    if (u < 1 - 0.0331 * x * x * x * x) return d * v;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}
