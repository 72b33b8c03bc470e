import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { outboundFragment } from '../../sim/channels/outbound/testing.js';
import { simulateScenario } from '../../sim/simulateScenario.js';
import { scenarioText } from '../../sim/testing/scenarioText.js';
import { alignRuns } from '../compare/alignRuns.js';
import { compareRuns } from '../compare/compareRuns.js';
import { renderCompare } from '../compare/renderCompare.js';
import { loadRun } from '../loadRun.js';
import { renderReport } from '../report/renderReport.js';
import { saveSimRun } from '../saveSimRun.js';
import { outboundCompareCharts } from './outboundCompareCharts.js';
import { outboundCharts, outboundSummaryHtml } from './outboundSection.js';

// stationary-mmc with a 2,000-number campaign dialled 09:00-21:00 by the same agents, through the
// whole pipeline: simulate -> run folder -> loadRun -> report.
const text = scenarioText('stationary-mmc', (f) => {
  f.agents.groups[0]!.skills = ['phone', 'outbound'];
  f.channels.outbound = outboundFragment();
});

async function blendedRun(seed = 5) {
  const result = await simulateScenario(
    { text, file: 'blended.json', options: {} },
    { replications: 4, seed, threads: 1 },
  );
  const folder = mkdtempSync(join(tmpdir(), 'hotline-outbound-'));
  return loadRun(saveSimRun(result, 'test', join(folder, 'run')).folder);
}

const sum = (values: readonly (number | null)[]) => values.reduce<number>((a, v) => a + (v ?? 0), 0);

describe('the outbound report section', () => {
  it('has a per-day table whose attempts add up the intervals, and the attempts chart beside inbound SL', async () => {
    const run = await blendedRun();
    const html = outboundSummaryHtml(run);
    expect(html).toContain('<h2>Outbound campaign</h2>');
    expect(html).toContain('reachedSlOffered');
    const intervals = (run.intervals.channels as Record<string, Record<string, { mean: (number | null)[] }>>)
      .outbound!;
    const days = (run.summary.days as Record<string, Array<Record<string, { mean: number }>>>).outbound!;
    // Mean of sums = sum of means: the day's attempts are its intervals' attempts.
    expect(days[0]!.attempts!.mean).toBeCloseTo(sum(intervals.attempts!.mean), 6);
    expect(days[0]!.loaded!.mean).toBe(2000);

    const [attempts] = outboundCharts(run);
    expect(attempts!.id).toBe('outbound-attempts');
    expect(attempts!.series.map((s) => [s.label, s.axis])).toEqual([
      ['dial attempts', 0],
      ['numbers reached', 0],
      ['phone: SL (slOffered)', 1],
    ]);
    expect(sum(attempts!.series[0]!.values)).toBeCloseTo(days[0]!.attempts!.mean, 6);

    const page = renderReport(run);
    expect(page).toContain('<h2>Outbound campaign</h2>');
    expect(page).toContain('Outbound attempts per interval beside the inbound service level');
  });

  it('overlays two runs on the compare page: A and B on one axis, the values of each run', async () => {
    const [a, b] = [await blendedRun(5), await blendedRun(6)];
    const axis = alignRuns([a, b]);
    const charts = outboundCompareCharts([a, b], axis);
    expect(charts.map((c) => c.id)).toEqual([
      'cmp-outbound-attempts',
      'cmp-outbound-completed',
      'cmp-outbound-outboundShare',
    ]);
    const attempts = (run: typeof a) =>
      (run.intervals.channels as Record<string, Record<string, { mean: (number | null)[] }>>).outbound!
        .attempts!.mean;
    // Same dates: the aligned axis is A's intervals, so each series is its run's own column.
    expect(sum(charts[0]!.series[0]!.values)).toBeCloseTo(sum(attempts(a)), 6);
    expect(sum(charts[0]!.series[1]!.values)).toBeCloseTo(sum(attempts(b)), 6);
    expect(sum(attempts(a))).not.toBe(sum(attempts(b))); // two seeds: the series can tell A from B
    expect(renderCompare([a, b], [compareRuns(a, b)], null)).toContain(
      'Outbound: dial attempts per interval',
    );
  });

  it('is absent from a run without outbound', async () => {
    const run = await blendedRun();
    const phoneOnly = {
      ...run,
      summary: {
        ...run.summary,
        channels: { phone: run.summary.channels.phone },
        targets: { phone: run.summary.targets.phone },
      },
    } as typeof run;
    expect(outboundSummaryHtml(phoneOnly)).toBe('');
    expect(outboundCharts(phoneOnly)).toEqual([]);
    expect(outboundCompareCharts([phoneOnly], alignRuns([phoneOnly]))).toEqual([]);
  });
});
