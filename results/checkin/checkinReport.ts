import type { ChannelReport } from '../ChannelReport.js';
import { checkinCharts, checkinSummaryHtml } from './checkinSection.js';

/** Check-in's sections: its heading, per-day table and charts (the loop chart first). */
export const checkinReport: ChannelReport = {
  channel: 'checkin',
  summaryHtml: checkinSummaryHtml,
  charts: checkinCharts,
  compareCharts: () => [],
};
