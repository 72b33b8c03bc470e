import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { intervalSeries } from '../../runMetrics.js';
import { simulatedRun } from './simulatedRun.js';

const text = readFileSync(join(import.meta.dirname, '../../../scenarios/stationary-mmc.json'), 'utf8');
const window = { day: 1, from: '08:00', to: '12:00' };

describe('simulatedRun of a window, labelled a measurement', () => {
  it("keeps only the window's intervals, as a k6 folder does, and its run figures are theirs", async () => {
    const run = await simulatedRun({ text, seed: 7, replications: 1, asMeasurement: true, window });
    const offered = intervalSeries(run, 'offered', 'phone').mean;
    // 08:00-12:00 of 30-minute intervals: indexes 16 to 23, nothing elsewhere.
    const kept = offered.flatMap((x, i) => (x === null ? [] : [i]));
    expect(kept).toEqual([16, 17, 18, 19, 20, 21, 22, 23]);
    // Conservation: the window's offered calls are the sum of its intervals' (one replication).
    const sum = offered.reduce<number>((s, x) => s + (x ?? 0), 0);
    const phone = (run.summary.channels as Record<string, Record<string, { mean: number | null }>>).phone!;
    expect(phone.offered!.mean).toBe(sum);
    expect(run.summary.window).toEqual(window);
    expect(run.info.kind).toBe('k6');
  });

  it('a prediction of the window (sim) keeps every interval of the day', async () => {
    const run = await simulatedRun({ text, seed: 7, replications: 2, window });
    const offered = intervalSeries(run, 'offered', 'phone').mean;
    expect(offered.filter((x) => x !== null)).toHaveLength(48);
  });
});
