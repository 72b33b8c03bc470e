import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { createStream } from '../rng/createStream.js';
import { DrawTape } from '../rng/DrawTape.js';
import { tapedStreams } from '../rng/Streams.js';
import { DeferredSamples } from './DeferredSamples.js';
import type { Distribution } from './Distribution.js';
import { deferredDraws } from './drawSources.js';
import { Exponential } from './Exponential.js';
import { Gamma } from './Gamma.js';
import { Lognormal } from './Lognormal.js';

const cases: [string, Distribution][] = [
  ['exponential (one uniform)', new Exponential(180)],
  ['lognormal (one uniform, its quantile)', new Lognormal(150, 0.8)],
  ['gamma (no transform: sampled at once)', new Gamma(30, 0.5)],
];

/** Streams whose every source is this one generator. */
const oneStream = (rng: () => number) => ({ stream: () => rng });

describe('DeferredSamples', () => {
  it.each(cases)(
    '%s: a value read late equals the value sampled at once, and the stream stays aligned',
    (_, d) => {
      const eager = seedrandom.alea('deferred');
      const lazy = seedrandom.alea('deferred');
      const [draws] = deferredDraws(oneStream(lazy), 'test.samples', [d]);
      const samples = new DeferredSamples(1000);
      const expected: number[] = [];
      for (let slot = 0; slot < 1000; slot++) {
        expected.push(d.sample(eager));
        samples.draw(slot, draws!);
      }
      // Read in another order, some twice: the first read transforms, later ones return the same value.
      for (let slot = 999; slot >= 0; slot -= 3) expect(samples.get(slot, draws!)).toBe(expected[slot]);
      for (let slot = 0; slot < 1000; slot++) expect(samples.get(slot, draws!)).toBe(expected[slot]);
      expect(lazy()).toBe(eager()); // both streams consumed the same draws
    },
  );

  it.each(cases)(
    '%s: taped, every run reads what its stream would draw, however far the run before got',
    (_, d) => {
      const tape = new DrawTape(3, 7);
      const eager = createStream(3, 'test.samples', 7);
      const expected = Array.from({ length: 3000 }, () => d.sample(eager));
      // Runs of different lengths, reading in different orders: the tape is made by the first and
      // extended by the third.
      for (const [count, backwards] of [
        [1000, false],
        [400, true],
        [3000, true],
      ] as const) {
        const [draws] = deferredDraws(tapedStreams(tape), 'test.samples', [d]);
        const samples = new DeferredSamples(count);
        for (let slot = 0; slot < count; slot++) samples.draw(slot, draws!);
        for (let i = 0; i < count; i++) {
          const slot = backwards ? count - 1 - i : i;
          expect(samples.get(slot, draws!)).toBe(expected[slot]);
        }
      }
    },
  );

  it('classes with their own distributions on one stream draw in arrival order, taped or not', () => {
    const classes = [new Lognormal(360, 1.2), new Exponential(200)];
    const order = Array.from({ length: 500 }, (_, i) => ((i * 7) % 3 === 0 ? 1 : 0));
    const run = (streams: { stream: () => () => number } | ReturnType<typeof tapedStreams>) => {
      const draws = deferredDraws(streams, 'phone.patience', classes);
      const samples = new DeferredSamples(order.length);
      for (const [slot, cls] of order.entries()) samples.draw(slot, draws[cls]!);
      return order.map((cls, slot) => samples.get(slot, draws[cls]!));
    };
    const rng = createStream(3, 'phone.patience', 1);
    const expected = order.map((cls) => classes[cls]!.sample(rng));
    expect(run({ stream: () => createStream(3, 'phone.patience', 1) })).toEqual(expected);
    const tape = new DrawTape(3, 1);
    expect(run(tapedStreams(tape))).toEqual(expected);
    expect(run(tapedStreams(tape))).toEqual(expected);
  });

  it('a value set over a draw wins, and the draw still consumed its uniform', () => {
    const d = new Lognormal(360, 1.2);
    const eager = seedrandom.alea('set');
    const lazy = seedrandom.alea('set');
    const [draws] = deferredDraws(oneStream(lazy), 'test.samples', [d]);
    const samples = new DeferredSamples(4);
    samples.draw(0, draws!);
    samples.set(0, 42);
    d.sample(eager);
    expect(samples.get(0, draws!)).toBe(42);
    expect(lazy()).toBe(eager());
  });

  it('keeps drawn values when it grows', () => {
    const d = new Exponential(60);
    const rng = seedrandom.alea('grow');
    const check = seedrandom.alea('grow');
    const [draws] = deferredDraws(oneStream(rng), 'test.samples', [d]);
    const samples = new DeferredSamples(2);
    samples.draw(0, draws!);
    samples.draw(1, draws!);
    samples.grow(8);
    expect(samples.get(0, draws!)).toBe(d.sample(check));
    expect(samples.get(1, draws!)).toBe(d.sample(check));
  });
});
