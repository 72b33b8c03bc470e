import { describe, expect, it } from 'vitest';
import type { LoadedRun } from '../loadRun.js';
import { compareRuns } from './compareRuns.js';
import { latencyWarnings } from './latencyWarnings.js';
import { fakeRun } from './testing/fakeRun.js';

/** A k6 run at time scale 600 whose cross-check has this median client − server wait gap. */
function measured(id: string, gapP50: number | null, kind: 'k6' | 'sim' = 'k6'): LoadedRun {
  const run = fakeRun({ kind, id, phone: { slOffered: { mean: 0.6, ci95: null, n: 1 } } });
  const figures = { asaS: null, slOffered: 0.6, abandonRate: null };
  return {
    ...run,
    info: { ...run.info, k6: { timeScale: 600 } } as LoadedRun['info'],
    summary: {
      ...run.summary,
      ...(gapP50 === null
        ? {}
        : {
            serverCrossCheck: {
              source: 'mockLog',
              calls: 100,
              client: figures,
              server: { ...figures, slOffered: 0.9 },
              difference: { ...figures, slOffered: -0.3 },
              waitGapS: { n: 90, mean: gapP50, p50: gapP50, p95: 4 * gapP50, max: 10 * gapP50 },
              outcomes: {},
            },
          }),
    },
  } as LoadedRun;
}

describe('latencyWarnings: a k6 run whose waits carry transport latency', () => {
  it('warns from a median gap of a quarter of the SL threshold (20 s: 5 s), and names it in wall time', () => {
    expect(latencyWarnings(measured('fine', 4.9))).toEqual([]);
    const [warning] = latencyWarnings(measured('slow', 12));
    // 12 model s at time scale 600 = 20 ms of wall time.
    expect(warning).toContain(
      "slow: client waits exceed the server's by a median of 12.0 model s (20 ms of wall time at time scale 600)",
    );
    expect(warning).toContain('client slOffered 0.600, server 0.900');
  });

  it('says nothing for a sim run or a k6 run without a cross-check', () => {
    expect(latencyWarnings(measured('sim', 12, 'sim'))).toEqual([]);
    expect(latencyWarnings(measured('old', null))).toEqual([]);
  });

  it("is among a comparison's warnings, for either side", () => {
    const warnings = compareRuns(measured('a', 1), measured('b', 8)).warnings;
    expect(warnings.filter((w) => w.includes('client waits exceed'))).toEqual([
      expect.stringMatching(/^b: /),
    ]);
  });
});
