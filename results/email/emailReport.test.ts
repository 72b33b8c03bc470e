import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { simulateScenario } from '../../sim/simulateScenario.js';
import { scenarioText } from '../../sim/testing/scenarioText.js';
import { alignRuns } from '../compare/alignRuns.js';
import { compareRuns } from '../compare/compareRuns.js';
import { renderCompare } from '../compare/renderCompare.js';
import { loadRun } from '../loadRun.js';
import { renderReport } from '../report/renderReport.js';
import { saveSimRun } from '../saveSimRun.js';
import { emailCompareCharts } from './emailCompareCharts.js';
import { emailCharts, workingHoursText } from './emailSection.js';

// The e-mail section of report.html and compare.html, on a run folder of portal-support (3 days from
// Saturday): one table row per day and the run, the target in working hours, its charts; none of it
// for a run without e-mail.

const portal = (days: number) =>
  scenarioText('portal-support', (f) => {
    f.calendar.days = days;
  });
const line122 = scenarioText('line-122', (f) => {
  f.calendar.days = 1;
});

async function runFolder(text: string, name: string) {
  const result = await simulateScenario(
    { text, file: `${name}.json`, options: {} },
    { replications: 2, seed: 1, threads: 1 },
  );
  return loadRun(
    saveSimRun(result, 'test', join(mkdtempSync(join(tmpdir(), 'hotline-email-')), name)).folder,
  );
}

describe('the e-mail report section', () => {
  it('words the target in working hours', () => {
    expect(workingHoursText(9 * 3600)).toBe('9 working hours');
    expect(workingHoursText(3600)).toBe('1 working hour');
    expect(workingHoursText(5400)).toBe('1.50 working hours');
  });

  it('report: a table row per day, the target in working hours, the backlog and SL charts', async () => {
    const run = await runFolder(portal(3), 'portal');
    const html = renderReport(run);
    expect(html).toContain('<h2>E-mail</h2>');
    expect(html).toContain('target 90.0% answered within 9 working hours');
    const section = html.slice(html.indexOf('<h2>E-mail</h2>'));
    const table = section.slice(0, section.indexOf('</table>'));
    expect(table.match(/<tr><td class="text">/g)).toHaveLength(3 + 1);
    expect(table).toContain('sat 2021-02-27');
    expect(emailCharts(run).map((c) => c.id)).toEqual([
      'email-flow',
      'email-backlog',
      'email-sl',
      'email-response',
      'email-agents',
    ]);
    expect(html).toContain('within 9h of working time');
    const b = await runFolder(portal(3), 'portal-b');
    const page = renderCompare([run, b], [compareRuns(run, b)], null);
    expect(page).toContain('cmp-email-backlogAtEnd');
  });

  it('nothing for a run without e-mail', async () => {
    const run = await runFolder(line122, 'line-122');
    expect(renderReport(run)).not.toContain('<h2>E-mail</h2>');
    expect(emailCharts(run)).toEqual([]);
    expect(emailCompareCharts([run], alignRuns([run]))).toEqual([]);
  });
});
