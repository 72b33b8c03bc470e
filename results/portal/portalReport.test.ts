import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { portalScenarioText } from '../../sim/channels/portal/testing.js';
import { simulateScenario } from '../../sim/simulateScenario.js';
import { loadRun } from '../loadRun.js';
import { formatValue } from '../report/formatMetric.js';
import { renderReport } from '../report/renderReport.js';
import { saveSimRun } from '../saveSimRun.js';

// The portal through the whole pipeline: simulate -> run folder -> report. Truth: conservation of
// applications in the summary (means are linear), the one type's figures equal the channel's, and
// the page shows what the summary holds.

describe('portal in a run folder and its report', async () => {
  const result = await simulateScenario(
    { text: portalScenarioText(), file: 'portal-test.json', options: {} },
    { replications: 3, seed: 5, threads: 1 },
  );
  const folder = mkdtempSync(join(tmpdir(), 'hotline-portal-'));
  const run = loadRun(saveSimRun(result, 'test', join(folder, 'run')).folder);
  const portal = run.summary.channels.portal!;
  const mean = (metric: string) => portal[metric]!.mean!;

  it('keeps applications: started = decided + given up + pending at end', () => {
    expect(mean('applications')).toBeGreaterThan(5000);
    expect(mean('decided') + mean('neverSubmitted') + mean('pendingAtEnd')).toBeCloseTo(
      mean('applications'),
      6,
    );
  });

  it('has the application types as classes; one type carries all of it', () => {
    type Figure = { mean: number | null };
    const types = (run.summary.classes?.portal ?? []) as unknown as Array<
      { name: string } & Record<string, Figure>
    >;
    expect(types.map((t) => t.name)).toEqual(['benefit']);
    expect(types[0]!.decided!.mean).toBeCloseTo(mean('decided'), 9);
    expect(types[0]!.decidedOnTimeShare!.mean).toBeCloseTo(mean('decidedOnTimeShare'), 9);
  });

  it('the report has the portal tables with the summary figures and its charts', () => {
    const html = renderReport(run);
    expect(html).toContain('<h2>Portal</h2>');
    expect(html).toContain(formatValue(mean('applications'), 'count'));
    expect(html).toContain('benefit (100.0%)');
    for (const id of ['portal-flow', 'portal-support', 'portal-on-time', 'portal-refusals'])
      expect(html).toContain(id);
  });
});
