import type { ChannelReport } from '../ChannelReport.js';
import { outboundCompareCharts } from './outboundCompareCharts.js';
import { outboundCharts, outboundSummaryHtml } from './outboundSection.js';

/** Outbound's sections: its heading, per-day table and charts; on the compare page, its overlays. */
export const outboundReport: ChannelReport = {
  channel: 'outbound',
  summaryHtml: outboundSummaryHtml,
  charts: outboundCharts,
  compareCharts: outboundCompareCharts,
};
