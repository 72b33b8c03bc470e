import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { outboundFragment } from '../../sim/channels/outbound/testing.js';
import { simulateScenario } from '../../sim/simulateScenario.js';
import { scenarioText } from '../../sim/testing/scenarioText.js';
import { loadRun } from '../loadRun.js';
import { renderReport } from '../report/renderReport.js';
import { saveSimRun } from '../saveSimRun.js';
import { outboundCharts, outboundSummaryHtml } from './outboundSection.js';

// stationary-mmc with a 2,000-number campaign dialled 09:00-21:00 by the same agents, through the
// whole pipeline: simulate -> run folder -> loadRun -> report.
const text = scenarioText('stationary-mmc', (f) => {
  f.agents.groups[0]!.skills = ['phone', 'outbound'];
  f.channels.outbound = outboundFragment();
});

async function blendedRun() {
  const result = await simulateScenario(
    { text, file: 'blended.json', options: {} },
    { replications: 4, seed: 5, threads: 1 },
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
  });
});
