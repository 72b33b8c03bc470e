import type { ChannelReport } from '../ChannelReport.js';
import { phoneCharts } from './phoneCharts.js';
import { phoneCompareCharts } from './phoneCompareCharts.js';
import { phoneSummaryTable } from './phoneSummaryTable.js';

/** Phone's sections: the per-day table, the interval charts and the wait curves; overlays on compare. */
export const phoneReport: ChannelReport = {
  channel: 'phone',
  summaryHtml: phoneSummaryTable,
  charts: phoneCharts,
  // Overlays when a compared run has phone (all-n/a charts for chat-only runs say nothing).
  compareCharts: (runs, axis) =>
    runs.some((run) => run.summary.channels.phone !== undefined) ? phoneCompareCharts(runs, axis) : [],
};
