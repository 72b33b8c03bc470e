import type { Rng } from '../rng/createStream.js';

/** Box-Muller, one output per call: keeps no state, so a distribution can be shared by streams. */
export function sampleStandardNormal(rng: Rng): number {
  const u1 = rng();
  return standardNormalOf(u1, rng());
}

/** Box-Muller on two uniforms in [0, 1), as sampleStandardNormal draws them. */
export function standardNormalOf(u1: number, u2: number): number {
  return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2); // 1 - u1 in (0, 1]: no log(0)
}
