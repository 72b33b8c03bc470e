import type { Rng } from '../rng/createStream.js';

/** Box-Muller, one output per call: keeps no state, so a distribution can be shared by streams. */
export function sampleStandardNormal(rng: Rng): number {
  const u = 1 - rng(); // (0, 1]: log(0) never happens
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
}
