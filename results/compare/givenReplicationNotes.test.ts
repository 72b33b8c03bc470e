import { describe, expect, it } from 'vitest';
import { compareRuns } from './compareRuns.js';
import { formatCompareText } from './formatCompareText.js';
import { givenReplicationNotes } from './givenReplicationNotes.js';
import { fakeRun } from './testing/fakeRun.js';

describe('givenReplicationNotes: a conditional prediction says what it is given', () => {
  const window = { day: 1, from: '09:00', to: '10:00' };
  const sl = { slOffered: { mean: 0.4, ci95: [0.35, 0.45] as [number, number], n: 30 } };
  const measured = fakeRun({
    kind: 'k6',
    id: 'measured',
    window,
    phone: { slOffered: { mean: 0.3, ci95: null, n: 1 } },
  });

  it("names replication r's past up to the window start, on whichever side the prediction is", () => {
    const given = fakeRun({ kind: 'sim', id: 'given', replications: 30, window, phone: sl });
    given.info.givenReplication = 0;
    const notes = givenReplicationNotes(compareRuns(given, measured));
    expect(notes).toEqual([
      expect.stringMatching(/^A is the prediction given replication 0's past up to day 1 09:00: 30 branches/),
    ]);
    expect(givenReplicationNotes(compareRuns(measured, given))[0]).toMatch(
      /^B is the prediction given replication 0's/,
    );
    expect(formatCompareText([compareRuns(given, measured)], null)).toContain(
      "given replication 0's past up to day 1 09:00",
    );
  });

  it('says nothing for an unconditional prediction', () => {
    const any = fakeRun({ kind: 'sim', id: 'any', replications: 30, window, phone: sl });
    expect(givenReplicationNotes(compareRuns(any, measured))).toEqual([]);
  });
});
