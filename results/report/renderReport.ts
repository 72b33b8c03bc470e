import { reportsOf } from '../channelReports.js';
import type { LoadedRun } from '../loadRun.js';
import { runLabel } from '../runMetrics.js';
import { chartSlot, htmlPage } from './htmlPage.js';
import { loadQualityPanel } from './loadQualityPanel.js';
import { runHeader } from './runHeader.js';
import { serverCrossCheckTable } from './serverCrossCheckTable.js';

/**
 * The whole report.html of one run as a string: the header, then every channel's tables (in the
 * channel list's order, only the channels the run has), the run's QA panels, then every channel's charts.
 */
export function renderReport(run: LoadedRun): string {
  const sections = reportsOf(run);
  const chartsBySection = sections.map((section) => section.charts(run));
  const charts = chartsBySection.flat();
  const body = [
    runHeader(run),
    `<h2>Per day and ${run.summary.window ? `window (${runLabel(run)})` : 'whole run'}</h2>`,
    run.info.kind === 'k6'
      ? '<p class="note">Measured by k6 over the replayed window; the small figure is the half-width of the 95% Wilson interval of a proportion.</p>'
      : '<p class="note">Mean over replications; the small figure is the half-width of the 95% confidence interval.</p>',
    ...sections.map((section) => section.summaryHtml(run)),
    serverCrossCheckTable(run),
    loadQualityPanel(run),
    ...charts.map(chartSlot),
  ].join('\n');
  return htmlPage({ title: `${run.info.scenario.name} — hotline report ${run.info.id}`, body, charts });
}
