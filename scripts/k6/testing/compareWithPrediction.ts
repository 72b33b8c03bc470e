// Test support for the replay e2e tests: predict the replayed window with `hotline sim` (10
// replications) and `hotline compare` the prediction with the measured run, as a user would.
import { join } from 'node:path';
import { expect } from 'vitest';
import { builtCli } from '../../cli/testing/builtCli.js';

export interface ReplayedWindow {
  /** 1-based, as the CLI takes it. */
  day: number;
  from: string;
  to: string;
}

/** Runs both commands (each must exit 0) and returns what `hotline compare` printed. */
export function compareWithPrediction(
  scenarioFile: string,
  measuredFolder: string,
  dir: string,
  window: ReplayedWindow,
): string {
  const { hotline } = builtCli('hotline-replay-compare');
  const predicted = join(dir, 'predicted');
  const range = ['--day', String(window.day), '--from', window.from, '--to', window.to];
  const sim = hotline('sim', scenarioFile, ...range, '-r', '10', '-q', '--out', predicted);
  expect(sim.code, sim.stderr).toBe(0);
  const compare = hotline('compare', predicted, measuredFolder, '--out', join(dir, 'compare.html'));
  expect(compare.code, compare.stderr).toBe(0);
  console.log(compare.stdout);
  return compare.stdout;
}
