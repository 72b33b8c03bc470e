import type { ChannelReport } from '../ChannelReport.js';
import { emailCompareCharts } from './emailCompareCharts.js';
import { emailCharts, emailSummaryHtml } from './emailSection.js';

/** E-mail's sections: its heading, per-day table and charts; overlays of its service level, backlog, response time, volume and agent time on the compare page. */
export const emailReport: ChannelReport = {
  channel: 'email',
  summaryHtml: emailSummaryHtml,
  charts: emailCharts,
  compareCharts: emailCompareCharts,
};
