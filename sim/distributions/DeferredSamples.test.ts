import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { DeferredSamples } from './DeferredSamples.js';
import type { Distribution } from './Distribution.js';
import { Exponential } from './Exponential.js';
import { Gamma } from './Gamma.js';
import { Lognormal } from './Lognormal.js';

const cases: [string, Distribution][] = [
  ['exponential (one uniform)', new Exponential(180)],
  ['lognormal (one uniform, its quantile)', new Lognormal(150, 0.8)],
  ['gamma (no transform: sampled at once)', new Gamma(30, 0.5)],
];

describe('DeferredSamples', () => {
  it.each(cases)(
    '%s: a value read late equals the value sampled at once, and the stream stays aligned',
    (_, d) => {
      const eager = seedrandom.alea('deferred');
      const lazy = seedrandom.alea('deferred');
      const samples = new DeferredSamples(1000);
      const expected: number[] = [];
      for (let slot = 0; slot < 1000; slot++) {
        expected.push(d.sample(eager));
        samples.draw(slot, d, lazy);
      }
      // Read in another order, some twice: the first read transforms, later ones return the same value.
      for (let slot = 999; slot >= 0; slot -= 3) expect(samples.get(slot, d)).toBe(expected[slot]);
      for (let slot = 0; slot < 1000; slot++) expect(samples.get(slot, d)).toBe(expected[slot]);
      expect(lazy()).toBe(eager()); // both streams consumed the same draws
    },
  );

  it('a value set over a draw wins, and the draw still consumed its uniform', () => {
    const d = new Lognormal(360, 1.2);
    const eager = seedrandom.alea('set');
    const lazy = seedrandom.alea('set');
    const samples = new DeferredSamples(4);
    samples.draw(0, d, lazy);
    samples.set(0, 42);
    d.sample(eager);
    expect(samples.get(0, d)).toBe(42);
    expect(lazy()).toBe(eager());
  });

  it('keeps drawn values when it grows', () => {
    const d = new Exponential(60);
    const rng = seedrandom.alea('grow');
    const check = seedrandom.alea('grow');
    const samples = new DeferredSamples(2);
    samples.draw(0, d, rng);
    samples.draw(1, d, rng);
    samples.grow(8);
    expect(samples.get(0, d)).toBe(d.sample(check));
    expect(samples.get(1, d)).toBe(d.sample(check));
  });
});
