import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkinScenarioFile, quietCheckin } from '../../sim/channels/checkin/testing.js';
import { simulateScenario } from '../../sim/simulateScenario.js';
import { loadRun } from '../loadRun.js';
import { renderReport } from '../report/renderReport.js';
import { saveSimRun } from '../saveSimRun.js';
import { checkinCharts, checkinSummaryHtml } from './checkinSection.js';

// The check-in section through the whole pipeline (simulate -> run folder -> report). The truth for
// the loop chart: the calls the check-ins caused are the calls the phone channel was offered as
// caused, interval by interval, once more after the summary, the CSV and the chart spec.

function text(phone: boolean): string {
  const file = checkinScenarioFile(
    {
      ...quietCheckin(),
      population: { initial: 500, admissionsPerDay: 250, daysMonitored: 2 },
      failures: { noResponse: 0.05, appError: 0.03, geolocationWrong: 0.04, photoNotIdentified: 0.06 },
      calls: {
        photoNotIdentified: { probability: 0.5, delay: { kind: 'exponential', mean: '10m' } },
        noResponse: { probability: 0.2, delay: '5m' },
      },
    },
    { days: 2, phone },
  );
  return JSON.stringify(file);
}

async function runFolder(phone: boolean) {
  const result = await simulateScenario(
    { text: text(phone), file: 'checkin-test.json', options: {} },
    { replications: 2, seed: 7, threads: 1 },
  );
  const folder = mkdtempSync(join(tmpdir(), 'hotline-checkin-report-'));
  return loadRun(saveSimRun(result, 'test', join(folder, 'run')).folder);
}

const sum = (values: ReadonlyArray<number | null>) => values.reduce<number>((a, v) => a + (v ?? 0), 0);

describe('the check-in report section', () => {
  it('the loop chart: calls caused per interval = the phone calls offered as caused', async () => {
    const run = await runFolder(true);
    const loop = checkinCharts(run).find((c) => c.id === 'checkin-loop')!;
    const byLabel = Object.fromEntries(loop.series.map((s) => [s.label, s]));
    expect(Object.keys(byLabel)).toEqual([
      'missed deadline (no response)',
      'app error',
      'geolocation wrong',
      'photo not identified',
      'cannot use the app',
      'calls caused',
      'phone: abandon rate',
    ]);
    const phoneCaused = (
      run.intervals.channels as Record<string, Record<string, { mean: (number | null)[] }>>
    ).phone!.caused!.mean;
    const caused = byLabel['calls caused']!.values;
    expect(caused).toHaveLength(48);
    for (const [k, v] of caused.entries()) expect(v).toBeCloseTo(phoneCaused[k] ?? 0, 6);
    expect(sum(caused)).toBeGreaterThan(0);
    expect(byLabel['phone: abandon rate']!.axis).toBe(1);
  });

  it('the per-day table has a row per day and the run, and the page renders it beside phone', async () => {
    const run = await runFolder(true);
    const html = checkinSummaryHtml(run);
    expect(html).toContain('<h2>Check-in</h2>');
    expect(html.match(/<tr><td class="text">/g)).toHaveLength(3);
    const page = renderReport(run);
    expect(page.indexOf('<h2>Check-in</h2>')).toBeGreaterThan(0);
    expect(page).toContain('checkin-loop');
  });

  it('without a phone channel the loop chart says the calls were counted, not queued', async () => {
    const run = await runFolder(false);
    const loop = checkinCharts(run).find((c) => c.id === 'checkin-loop')!;
    expect(loop.series.map((s) => s.label)).not.toContain('phone: abandon rate');
    expect(loop.note).toContain('no phone channel');
    const notOffered = (run.summary.channels as Record<string, Record<string, { mean: number | null }>>)
      .checkin!.callsNotOffered!.mean;
    const caused = (run.summary.channels as Record<string, Record<string, { mean: number | null }>>).checkin!
      .callsCaused!.mean;
    expect(notOffered).toBe(caused);
    expect(caused).toBeGreaterThan(0);
  });
});
