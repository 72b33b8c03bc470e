import { describe, expect, it } from 'vitest';
import { createStream } from './createStream.js';
import { BranchingStreams, replicationStreams } from './Streams.js';

const draws = (rng: () => number, n: number) => Array.from({ length: n }, () => rng());

describe('Streams', () => {
  it('a replication draws what createStream draws for its (seed, source, replication)', () => {
    expect(draws(replicationStreams(7, 3).stream('phone.talkTime'), 5)).toEqual(
      draws(createStream(7, 'phone.talkTime', 3), 5),
    );
  });

  it('a branch draws as its replication until branch(), then numbers of its own, the same every time', () => {
    const base = draws(createStream(7, 'phone.talkTime', 0), 6);
    const run = (index: number) => {
      const streams = new BranchingStreams(7, 0, index);
      const rng = streams.stream('phone.talkTime');
      const before = draws(rng, 3);
      streams.branch();
      return { before, after: draws(rng, 3) };
    };
    const a = run(1);
    expect(a.before).toEqual(base.slice(0, 3));
    expect(a.after).not.toEqual(base.slice(3));
    expect(run(1)).toEqual(a);
    expect(run(2).after).not.toEqual(a.after);
  });
});
