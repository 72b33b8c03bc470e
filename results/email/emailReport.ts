import type { ChannelReport } from '../ChannelReport.js';
import { emailCharts, emailSummaryHtml } from './emailSection.js';

/** E-mail's sections: its heading, per-day table and charts; no compare overlays yet. */
export const emailReport: ChannelReport = {
  channel: 'email',
  summaryHtml: emailSummaryHtml,
  charts: emailCharts,
  compareCharts: () => [],
};
