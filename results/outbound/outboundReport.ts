import type { ChannelReport } from '../ChannelReport.js';
import { outboundCharts, outboundSummaryHtml } from './outboundSection.js';

/** Outbound's sections: its heading, per-day table and charts; no compare overlays yet. */
export const outboundReport: ChannelReport = {
  channel: 'outbound',
  summaryHtml: outboundSummaryHtml,
  charts: outboundCharts,
  compareCharts: () => [],
};
