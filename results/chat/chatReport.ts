import type { ChannelReport } from '../ChannelReport.js';
import { chatCharts, chatSummaryHtml } from './chatSection.js';

/** Chat's sections: its heading, per-day table and charts; the compare page has its signature charts. */
export const chatReport: ChannelReport = {
  channel: 'chat',
  summaryHtml: chatSummaryHtml,
  charts: chatCharts,
  compareCharts: () => [],
};
