import type { CoverSolution } from './solveCover.js';

/** What stopped a solve, in words: the node limit gives the same plan on any machine, time does not. */
export function stoppedBy(solution: CoverSolution): string {
  if (solution.status === 'optimal') return 'optimal within the gap limit';
  if (solution.status === 'nodeLimit') return 'node limit reached';
  return 'time limit reached: the plan depends on the machine';
}
