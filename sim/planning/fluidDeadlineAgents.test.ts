import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PlanningDeadline } from '../channels/ChannelPlanning.js';
import { fluidDeadlineAgents } from './fluidDeadlineAgents.js';

const deadline = (workS: number[], workingS: number[], dueBy: number[]): PlanningDeadline => ({
  workS: Float64Array.from(workS),
  workingS: Float64Array.from(workingS),
  dueBy: Int32Array.from(dueBy),
  metrics: { offered: 'offered' },
});

/**
 * Serve the work with the given rates, earliest deadline first, each interval's work available from
 * the start of its interval: the amount still owed when each interval's deadline passes, at most.
 */
function lateWork(problem: PlanningDeadline, rate: Float64Array): number {
  const owed = Array.from(problem.workS, () => 0);
  let late = 0;
  for (let k = 0; k < rate.length; k++) {
    owed[k] = problem.dueBy[k]! >= 0 ? problem.workS[k]! : 0;
    let capacity = rate[k]! * problem.workingS[k]!;
    const open = owed
      .map((w, j) => ({ j, w }))
      .filter((x) => x.w > 0)
      .sort((a, b) => problem.dueBy[a.j]! - problem.dueBy[b.j]! || a.j - b.j);
    for (const { j } of open) {
      const done = Math.min(capacity, owed[j]!);
      owed[j]! -= done;
      capacity -= done;
    }
    for (let j = 0; j <= k; j++) if (problem.dueBy[j] === k) late = Math.max(late, owed[j]!);
  }
  return late;
}

/** The densest window of intervals, by brute force: the lower bound of any schedule's peak rate. */
function peakLowerBound(problem: PlanningDeadline): number {
  const n = problem.workS.length;
  let best = 0;
  for (let a = 0; a < n; a++) {
    for (let b = a; b < n; b++) {
      let work = 0;
      let capacity = 0;
      for (let j = 0; j < n; j++) {
        if (problem.dueBy[j]! >= 0 && j >= a && problem.dueBy[j]! <= b) work += problem.workS[j]!;
      }
      for (let k = a; k <= b; k++) capacity += problem.workingS[k]!;
      if (capacity > 0) best = Math.max(best, work / capacity);
    }
  }
  return best;
}

describe('fluidDeadlineAgents', () => {
  it('runs each densest window at its density (hand-computed)', () => {
    // One-hour intervals: two hours of work due by the end of interval 1 (one agent over both),
    // then one hour due by the end of interval 3 (half an agent over intervals 2 and 3).
    const rate = fluidDeadlineAgents(deadline([7200, 0, 3600, 0], [3600, 3600, 3600, 3600], [1, 1, 3, 3]));
    expect([...rate]).toEqual([1, 1, 0.5, 0.5]);
  });

  it('spreads work received while closed over the working time before it falls due', () => {
    // Closed for three intervals (a weekend), 1 h of work received in each, due with the first working
    // interval's half hour by the end of the second: 3.5 h over two working hours, 1.75 agents. The
    // rest (two half hours, due by the end of the third) then needs 1 agent in the third.
    const rate = fluidDeadlineAgents(
      deadline([3600, 3600, 3600, 1800, 1800, 1800], [0, 0, 0, 3600, 3600, 3600], [4, 4, 4, 4, 5, 5]),
    );
    expect([...rate]).toEqual([0, 0, 0, 1.75, 1.75, 1]);
  });

  it('a partly working interval counts only its working seconds', () => {
    // 1 h of work due by the end of interval 1, which works 15 of its 30 minutes; interval 0 works 30.
    const rate = fluidDeadlineAgents(deadline([3600, 0], [1800, 900], [1, -1]));
    expect(rate[0]).toBeCloseTo(3600 / 2700, 12);
    expect(rate[1]).toBeCloseTo(3600 / 2700, 12);
  });

  it('work due after the horizon sets nothing', () => {
    expect([...fluidDeadlineAgents(deadline([3600, 3600], [3600, 3600], [-1, -1]))]).toEqual([0, 0]);
  });

  it('rejects deadlines out of arrival order', () => {
    expect(() => fluidDeadlineAgents(deadline([1, 1, 1], [1, 1, 1], [2, 1, 2]))).toThrow(/order/);
  });

  it('on random instances: every deadline met, all work done, peak at the densest window', () => {
    const instance = fc
      .array(
        fc.record({
          work: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 20_000 })),
          working: fc.oneof(fc.constant(0), fc.constant(1800), fc.integer({ min: 60, max: 1800 })),
          lag: fc.integer({ min: 0, max: 6 }),
        }),
        { minLength: 1, maxLength: 24 },
      )
      .map((rows) => {
        const n = rows.length;
        const workingS = rows.map((r) => r.working);
        // Deadlines in arrival order: a running maximum of i + lag, moved to a working interval at or
        // after the arrival; -1 once past the horizon.
        const dueBy: number[] = [];
        let previous = 0;
        for (let i = 0; i < n; i++) {
          let due = Math.max(previous, i + rows[i]!.lag);
          while (due < n && workingS[due] === 0) due++;
          previous = due;
          dueBy.push(due < n ? due : -1);
        }
        // Once one deadline is past the horizon every later one is too (order kept).
        const firstPast = dueBy.indexOf(-1);
        if (firstPast >= 0) for (let i = firstPast; i < n; i++) dueBy[i] = -1;
        return deadline(
          rows.map((r) => r.work),
          workingS,
          dueBy,
        );
      });
    fc.assert(
      fc.property(instance, (problem) => {
        const rate = fluidDeadlineAgents(problem);
        const due = [...problem.workS].reduce((sum, w, j) => sum + (problem.dueBy[j]! >= 0 ? w : 0), 0);
        const done = [...rate].reduce((sum, r, k) => sum + r * problem.workingS[k]!, 0);
        expect(done).toBeCloseTo(due, 6);
        expect(lateWork(problem, rate)).toBeLessThan(1e-6 * Math.max(1, due));
        const peak = Math.max(0, ...rate);
        expect(peak).toBeCloseTo(peakLowerBound(problem), 9);
      }),
      { numRuns: 300, seed: 20261123 },
    );
  });
});
