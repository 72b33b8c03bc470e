import { describe, expect, it } from 'vitest';
import { createStream } from '../rng/createStream.js';
import { sampleStandardNormal, standardNormalOf } from './sampleStandardNormal.js';
import { standardNormalQuantile } from './standardNormalQuantile.js';

describe('standardNormalQuantile', () => {
  it('inverts the normal CDF: Phi(x) computed from erfc maps back to x, in the centre and both tails', () => {
    // Phi(x) = erfc(-x / sqrt 2) / 2, to 16 digits (Abramowitz & Stegun tables; Python math.erfc).
    const phi: [number, number][] = [
      [1, 0.8413447460685429],
      [2, 0.9772498680518208],
      [3, 0.9986501019683699],
      [-1.5, 0.06680720126885809],
      [-0.5, 0.3085375387259869],
    ];
    for (const [x, p] of phi) expect(standardNormalQuantile(p)).toBeCloseTo(x, 12);
  });

  it('gives the textbook critical values and is odd about 1/2', () => {
    expect(standardNormalQuantile(0.5)).toBe(0);
    expect(standardNormalQuantile(0.975)).toBeCloseTo(1.959963984540054, 13);
    expect(standardNormalQuantile(0.995)).toBeCloseTo(2.5758293035489004, 13);
    expect(standardNormalQuantile(0.9)).toBeCloseTo(1.2815515655446004, 13);
    for (const p of [2 ** -50, 2 ** -30, 0.001, 0.07, 0.2, 0.49]) // 1 - p exact for the tiny ones
      expect(standardNormalQuantile(1 - p)).toBeCloseTo(-standardNormalQuantile(p), 10);
  });

  it('matches the Mills-ratio asymptote of the far tail', () => {
    // For z far below 0: log Phi(z) = -z^2/2 - log(sqrt(2 pi) |z|) + log(1 - 1/z^2 + 3/z^4) + O(z^-6).
    for (const p of [1e-20, 1e-100, 1e-300]) {
      const z = standardNormalQuantile(p);
      const logPhi =
        (-z * z) / 2 - Math.log(Math.sqrt(2 * Math.PI) * -z) + Math.log(1 - 1 / z ** 2 + 3 / z ** 4);
      expect(logPhi / Math.log(p)).toBeCloseTo(1, 6);
    }
  });

  it('is continuous and increasing across the boundaries of its three approximations', () => {
    // |p - 1/2| = 0.425 switches the central formula for the tail; sqrt(-log p) = 5 switches tails.
    const edges = [0.075, 0.925, Math.exp(-25)];
    for (const edge of edges) {
      const below = standardNormalQuantile(edge * (1 - 1e-12));
      const above = standardNormalQuantile(edge * (1 + 1e-12));
      expect(above).toBeGreaterThan(below);
      expect(above - below).toBeLessThan(1e-9);
    }
    let last = Number.NEGATIVE_INFINITY;
    for (let i = 1; i < 10_000; i++) {
      const z = standardNormalQuantile(i / 10_000);
      expect(z).toBeGreaterThan(last);
      last = z;
    }
  });

  it('sampleStandardNormal draws N(0, 1): mean, variance and tail shares within 5 standard errors', () => {
    const rng = createStream(3, 'phone.talkTime', 0);
    const n = 200_000;
    let sum = 0;
    let sum2 = 0;
    let above196 = 0;
    for (let i = 0; i < n; i++) {
      const z = sampleStandardNormal(rng);
      sum += z;
      sum2 += z * z;
      if (z > 1.959963984540054) above196++;
    }
    expect(Math.abs(sum / n)).toBeLessThan(5 / Math.sqrt(n));
    expect(Math.abs(sum2 / n - 1)).toBeLessThan(5 * Math.sqrt(2 / n));
    expect(Math.abs(above196 / n - 0.025)).toBeLessThan(5 * Math.sqrt((0.025 * 0.975) / n));
  });

  it('reads a uniform of exactly 0 as the middle of the first 32-bit cell, not minus infinity', () => {
    expect(standardNormalOf(0)).toBeCloseTo(standardNormalQuantile(2 ** -33), 12);
    expect(Number.isFinite(standardNormalOf(0))).toBe(true);
  });
});
