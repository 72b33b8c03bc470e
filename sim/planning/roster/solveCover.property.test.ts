// solveCover against a brute-force search on small programs: the same optimal cost exactly (integer
// costs, so the sums are exact), and the LP bound never above that cost. FC_SEED=<n> replays another
// sequence (the failure message prints the seed and the counterexample).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CoverInfeasible, type CoverProblem, solveCover } from './solveCover.js';

const SEED = Number(process.env.FC_SEED ?? 20_261_123);

interface Small {
  required: number[];
  columns: { covers: number[]; cost: number; instance: number }[];
  instances: { min: number; max: number | null }[];
  penalty: number | undefined;
}

const smallProblem: fc.Arbitrary<Small> = fc
  .record({ intervals: fc.integer({ min: 1, max: 5 }), columns: fc.integer({ min: 1, max: 4 }) })
  .chain(({ intervals, columns }) =>
    fc.record({
      required: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: intervals, maxLength: intervals }),
      columns: fc.array(
        fc.record({
          covers: fc.uniqueArray(fc.integer({ min: 0, max: intervals - 1 }), { maxLength: intervals }),
          cost: fc.integer({ min: 0, max: 20 }),
          instance: fc.integer({ min: 0, max: 1 }),
        }),
        { minLength: columns, maxLength: columns },
      ),
      instances: fc.tuple(
        fc.record({ min: fc.integer({ min: 0, max: 1 }), max: fc.option(fc.integer({ min: 0, max: 4 })) }),
        fc.record({ min: fc.constant(0), max: fc.option(fc.integer({ min: 0, max: 4 })) }),
      ),
      penalty: fc.option(fc.integer({ min: 1, max: 30 }), { nil: undefined }),
    }),
  )
  .map((p) => ({ ...p, instances: p.instances.map((i) => ({ min: i.min, max: i.max })) }));

/** The cheapest plan by trying every vector of agents 0..B per column; undefined when none is feasible. */
function bruteForce(p: Small): number | undefined {
  const bound = Math.max(1, ...p.required, ...p.instances.map((i) => i.min));
  const x = new Array(p.columns.length).fill(0);
  let best: number | undefined;
  const visit = (j: number): void => {
    if (j === p.columns.length) {
      const perInstance = p.instances.map(() => 0);
      p.columns.forEach((c, k) => {
        perInstance[c.instance]! += x[k];
      });
      const capsHold = p.instances.every(
        (inst, k) => perInstance[k]! >= inst.min && (inst.max === null || perInstance[k]! <= inst.max),
      );
      if (!capsHold) return;
      let cost = p.columns.reduce((sum, c, k) => sum + c.cost * x[k], 0);
      for (let i = 0; i < p.required.length; i++) {
        const covered = p.columns.reduce((sum, c, k) => sum + (c.covers.includes(i) ? x[k] : 0), 0);
        const missing = Math.max(0, p.required[i]! - covered);
        if (missing > 0 && p.penalty === undefined) return;
        cost += missing * (p.penalty ?? 0);
      }
      if (best === undefined || cost < best) best = cost;
      return;
    }
    for (let v = 0; v <= bound; v++) {
      x[j] = v;
      visit(j + 1);
    }
  };
  visit(0);
  return best;
}

function toProblem(p: Small): CoverProblem {
  return {
    required: Int32Array.from(p.required),
    columns: p.columns.map((c) => ({ ...c, covers: Int32Array.from(c.covers) })),
    instances: p.instances,
    ...(p.penalty !== undefined ? { penalty: p.penalty } : {}),
    relativeGap: 0,
  };
}

describe('solveCover', () => {
  it('finds the brute-force optimum of small programs, and its LP bound is never above it', async () => {
    let solved = 0;
    let infeasible = 0;
    await fc.assert(
      fc.asyncProperty(smallProblem, async (p) => {
        const truth = bruteForce(p);
        let solution: Awaited<ReturnType<typeof solveCover>> | undefined;
        try {
          solution = await solveCover(toProblem(p));
        } catch (error) {
          if (!(error instanceof CoverInfeasible)) throw error;
        }
        if (truth === undefined) {
          expect(solution).toBeUndefined();
          infeasible++;
          return;
        }
        expect(solution?.status).toBe('optimal');
        expect(solution!.cost).toBe(truth);
        expect(solution!.lpBound).toBeLessThanOrEqual(truth + 1e-9 * Math.max(1, truth));
        expect(solution!.bound).toBeLessThanOrEqual(truth + 1e-9 * Math.max(1, truth));
        solved++;
      }),
      { numRuns: 1500, seed: SEED },
    );
    // The generator must reach both kinds, or the property says little.
    expect(solved).toBeGreaterThan(500);
    expect(infeasible).toBeGreaterThan(20);
  });

  it('leaves an interval short only when covering it costs more than the penalty', async () => {
    // One interval needing 2 agents, one column covering it at 10 per agent.
    const base = {
      required: Int32Array.of(2),
      columns: [{ covers: Int32Array.of(0), cost: 10, instance: 0 }],
      instances: [{ min: 0, max: null }],
    };
    const cheapPenalty = await solveCover({ ...base, penalty: 4 });
    expect([...cheapPenalty.agents]).toEqual([0]);
    expect([...cheapPenalty.shortfall]).toEqual([2]);
    expect(cheapPenalty.cost).toBe(8);
    const dearPenalty = await solveCover({ ...base, penalty: 11 });
    expect([...dearPenalty.agents]).toEqual([2]);
    expect(dearPenalty.cost).toBe(20);
    await expect(solveCover({ ...base, instances: [{ min: 0, max: 1 }] })).rejects.toBeInstanceOf(
      CoverInfeasible,
    );
  });
});
