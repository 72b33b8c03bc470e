import type { Distribution } from './Distribution.js';
import { formatSeconds } from './formatSeconds.js';

export class Deterministic implements Distribution {
  readonly kind = 'deterministic';
  readonly cv = 0;
  constructor(readonly mean: number) {}
  sample(): number {
    return this.mean;
  }
  describe(): string {
    return formatSeconds(this.mean);
  }
}
