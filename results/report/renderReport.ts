import type { LoadedRun } from '../loadRun.js';
import { runLabel } from '../runMetrics.js';
import { chatCharts, chatSummaryHtml } from './chatSection.js';
import { chartSlot, htmlPage } from './htmlPage.js';
import { loadQualityPanel } from './loadQualityPanel.js';
import { reportCharts } from './reportCharts.js';
import { runHeader } from './runHeader.js';
import { serverCrossCheckTable } from './serverCrossCheckTable.js';
import { summaryTable } from './summaryTables.js';

/** The whole report.html of one run as a string. */
export function renderReport(run: LoadedRun): string {
  const chat = chatCharts(run);
  const charts = [...reportCharts(run), ...chat];
  const body = [
    runHeader(run),
    `<h2>Per day and ${run.summary.window ? `window (${runLabel(run)})` : 'whole run'}</h2>`,
    run.info.kind === 'k6'
      ? '<p class="note">Measured by k6 over the replayed window; the small figure is the half-width of the 95% Wilson interval of a proportion.</p>'
      : '<p class="note">Mean over replications; the small figure is the half-width of the 95% confidence interval.</p>',
    summaryTable(run),
    serverCrossCheckTable(run),
    loadQualityPanel(run),
    ...charts.filter((c) => !chat.includes(c)).map(chartSlot),
    chatSummaryHtml(run),
    ...chat.map(chartSlot),
  ].join('\n');
  return htmlPage({ title: `${run.info.scenario.name} — hotline report ${run.info.id}`, body, charts });
}
