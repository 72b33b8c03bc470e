import type { LoadedRun } from '../loadRun.js';
import type { Comparison } from './compareRuns.js';

/**
 * For the sides of a comparison that are conditional predictions (`hotline sim --given-replication
 * r`): what they are conditioned on, so a comparison never passes one off as the prediction of any
 * day. Empty when neither side is one. `letter` names B (the page letters every candidate).
 */
export function givenReplicationNotes(c: Comparison, letter = 'B'): string[] {
  return [note(c.a, 'A'), note(c.b, letter)].filter((n): n is string => n !== null);
}

function note(run: LoadedRun, letter: string): string | null {
  const r = run.info.givenReplication;
  if (r === undefined) return null;
  const w = run.info.window ?? run.summary.window;
  const upTo = w ? `day ${w.day} ${w.from}` : 'the window start';
  return (
    `${letter} is the prediction given replication ${r}'s past up to ${upTo}: ${run.info.replications} ` +
    `branches of replication ${r} from there, sharing its queue, callers on hold and day volume, each drawing the window afresh`
  );
}
