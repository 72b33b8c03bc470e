import { describe, expect, it } from 'vitest';
import { type CoverProblem, solveCover } from './solveCover.js';

/**
 * A set multicover that HiGHS cannot close at its root node (it branches on 5 nodes for the optimum):
 * 40 intervals needing 1-3 agents, 120 columns each covering 6 intervals drawn by a fixed linear
 * congruential generator, whole costs 10-30.
 */
function branchingProblem(): CoverProblem {
  let x = 12_345;
  const next = () => {
    x = (x * 1_103_515_245 + 12_345) % 2_147_483_648;
    return x / 2_147_483_648;
  };
  const required = Int32Array.from({ length: 40 }, () => 1 + Math.floor(next() * 3));
  const columns = Array.from({ length: 120 }, (_, j) => {
    const covers = new Set<number>();
    while (covers.size < 6) covers.add(Math.floor(next() * 40));
    const cost = 10 + Math.floor(next() * 21);
    return { covers: Int32Array.from([...covers].sort((a, b) => a - b)), cost, instance: j };
  });
  const instances = columns.map(() => ({ min: 0, max: null }));
  return { required, columns, instances, relativeGap: 0 };
}

describe('solveCover with a node limit', () => {
  it('says the node limit stopped it, and gives the same plan every time', async () => {
    const problem = { ...branchingProblem(), nodeLimit: 2 };
    const first = await solveCover(problem);
    const second = await solveCover(problem);
    expect(first.status).toBe('nodeLimit');
    expect(first.nodes).toBeLessThanOrEqual(2);
    expect(second.status).toBe('nodeLimit');
    expect([...second.agents]).toEqual([...first.agents]);
    expect(second.cost).toBe(first.cost);
    // The plan it stopped with is a plan: every interval covered, costing what the columns add up to,
    // and no cheaper than the bound HiGHS proved.
    const covered = new Int32Array(problem.required.length);
    let cost = 0;
    problem.columns.forEach((column, j) => {
      for (const k of column.covers) covered[k]! += first.agents[j]!;
      cost += first.agents[j]! * column.cost;
    });
    expect([...problem.required].filter((agents, k) => covered[k]! < agents)).toEqual([]);
    expect(first.cost).toBe(cost);
    expect(first.bound).toBeLessThanOrEqual(cost + 1e-6);
  });
});
