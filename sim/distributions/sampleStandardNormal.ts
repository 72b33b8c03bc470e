import type { Rng } from '../rng/createStream.js';
import { standardNormalQuantile } from './standardNormalQuantile.js';

/**
 * One standard normal draw from one uniform, by inversion (AS 241). Box-Muller, used before, took two
 * uniforms and a logarithm, root and cosine each; inversion takes a polynomial for 85% of draws, and
 * one uniform a draw lets a lognormal wait as its uniform (DeferredSamples).
 */
export function sampleStandardNormal(rng: Rng): number {
  return standardNormalOf(rng());
}

/** The normal draw of uniform `u` in [0, 1), as sampleStandardNormal draws it. */
export function standardNormalOf(u: number): number {
  // u = 0 (one draw in 2^32 from a 32-bit generator) is read as the middle of that first cell, 2^-33,
  // not as minus infinity.
  return standardNormalQuantile(u > 0 ? u : 2 ** -33);
}
