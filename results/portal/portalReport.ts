import type { ChannelReport } from '../ChannelReport.js';
import { portalCharts, portalSummaryHtml } from './portalSection.js';

/** The portal's sections: its heading, per-day and per-type tables and charts; no compare overlays yet. */
export const portalReport: ChannelReport = {
  channel: 'portal',
  summaryHtml: portalSummaryHtml,
  charts: portalCharts,
  compareCharts: () => [],
};
