import { describe, expect, it } from 'vitest';
import { Gamma } from '../distributions/Gamma.js';
import { Lognormal } from '../distributions/Lognormal.js';
import { createStream } from './createStream.js';
import { DrawTape } from './DrawTape.js';

const draws = (next: () => number, n: number) => Array.from({ length: n }, next);

describe('DrawTape', () => {
  it('a stream’s uniforms are its generator’s, whichever reader gets how far first', () => {
    const expected = draws(createStream(4, 'phone.routing', 2), 5000);
    const tape = new DrawTape(4, 2).uniforms('phone.routing');
    expect(tape.at(2999)).toBe(expected[2999]); // made in one go, with all before it
    expect(
      draws(
        (
          (i) => () =>
            tape.at(i++)
        )(0),
        5000,
      ),
    ).toEqual(expected);
    expect(tape.made).toBe(5000);
  });

  it('samples made at once (gamma: a variable number of uniforms each) are the sampled sequence', () => {
    const gamma = new Gamma(30, 0.5);
    const rng = createStream(4, 'phone.afterCallWork', 0);
    const expected = draws(() => gamma.sample(rng), 2000);
    const tape = new DrawTape(4, 0);
    const samples = tape.samples('phone.afterCallWork', gamma);
    expect(
      draws(
        (
          (i) => () =>
            samples.at(i++)
        )(0),
        2000,
      ),
    ).toEqual(expected);
    // An equal distribution (another object, same parameters) reads the same tape; another does not.
    expect(tape.samples('phone.afterCallWork', new Gamma(30, 0.5))).toBe(samples);
    expect(tape.samples('phone.afterCallWork', new Gamma(30, 0.6))).not.toBe(samples);
  });

  it('transforms are the distribution’s quantile of the uniforms, computed when asked, in any order', () => {
    const lognormal = new Lognormal(150, 0.8);
    const rng = createStream(9, 'phone.talkTime', 1);
    const expected = draws(() => lognormal.sample(rng), 3000);
    const memo = new DrawTape(9, 1).transforms('phone.talkTime', lognormal);
    for (let i = 2999; i >= 0; i -= 7) expect(memo.at(i)).toBe(expected[i]);
    for (let i = 0; i < 3000; i++) expect(memo.at(i)).toBe(expected[i]);
  });

  it('arrival instants are shared by equal rates only (equal content, not the same array)', () => {
    const tape = new DrawTape(1, 0);
    let made = 0;
    const make = () => {
      made++;
      let t = 0;
      return () => (t += 1);
    };
    const rates = Float64Array.of(0.1, 0.2);
    const a = tape.arrivals('phone.arrivals', rates, 1800, make);
    expect(tape.arrivals('phone.arrivals', Float64Array.of(0.1, 0.2), 1800, make)).toBe(a);
    expect(tape.arrivals('phone.arrivals', Float64Array.of(0.1, 0.25), 1800, make)).not.toBe(a);
    expect(tape.arrivals('phone.arrivals', rates, 900, make)).not.toBe(a);
    expect(tape.arrivals('chat.arrivals', rates, 1800, make)).not.toBe(a);
    expect(made).toBe(4);
    rates[1] = 0.3; // the caller's array changing later does not change what the tape was made for
    expect(tape.arrivals('phone.arrivals', Float64Array.of(0.1, 0.2), 1800, make)).toBe(a);
  });
});
