import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../scenarios/inputError.js';
import { parseShard, shardRange } from './shardRange.js';

describe('parseShard', () => {
  it('reads i/n', () => {
    expect(parseShard('2/3')).toEqual({ index: 2, count: 3 });
    expect(parseShard('1/1')).toEqual({ index: 1, count: 1 });
  });

  it.each(['0/3', '4/3', '1/0', 'a/b', '1', '1/2/3', '-1/3', '1.5/3', ' 1/3', ''])(
    '%j is bad input naming --shard and what is allowed',
    (raw) => {
      const error = (() => {
        try {
          parseShard(raw);
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).message).toContain('--shard');
      expect((error as InputError).message).toContain('1 <= i <= n');
    },
  );
});

describe('shardRange', () => {
  it('splits 10 replications over 3 shards as 3, 3, 4 (hand-computed)', () => {
    expect([1, 2, 3].map((index) => shardRange({ index, count: 3 }, 10))).toEqual([
      { from: 0, to: 3 },
      { from: 3, to: 6 },
      { from: 6, to: 10 },
    ]);
  });

  it('refuses more shards than replications, naming --shard and the bound', () => {
    expect(() => shardRange({ index: 1, count: 5 }, 4)).toThrow(
      /--shard: more shards than replications \(4\)/,
    );
  });

  it('covers every replication exactly once, contiguously, with sizes differing by at most one', () => {
    const cases = fc
      .integer({ min: 1, max: 2000 })
      .chain((r) => fc.tuple(fc.constant(r), fc.integer({ min: 1, max: r })));
    fc.assert(
      fc.property(cases, ([r, n]) => {
        const ranges = Array.from({ length: n }, (_, i) => shardRange({ index: i + 1, count: n }, r));
        const sizes = ranges.map((range) => range.to - range.from);
        const contiguous = ranges.every((range, i) => range.from === (i === 0 ? 0 : ranges[i - 1]!.to));
        expect(contiguous).toBe(true);
        expect(ranges.at(-1)!.to).toBe(r);
        expect(Math.min(...sizes)).toBeGreaterThanOrEqual(1);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      }),
      { seed: 10, numRuns: 1000 },
    );
  });
});
