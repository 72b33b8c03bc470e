// The only list of the channels' report and compare sections, one line per channel, in the order of
// sim/channels/index.ts. Adding a channel's sections: results/<channel>/ with a ChannelReport, one line here.
import type { ChannelReport } from './ChannelReport.js';
import { chatReport } from './chat/chatReport.js';
import { checkinReport } from './checkin/checkinReport.js';
import { emailReport } from './email/emailReport.js';
import { outboundReport } from './outbound/outboundReport.js';
import { phoneReport } from './phone/phoneReport.js';
import { portalReport } from './portal/portalReport.js';

export const CHANNEL_REPORTS: readonly ChannelReport[] = [
  phoneReport,
  chatReport,
  checkinReport,
  emailReport,
  outboundReport,
  portalReport,
];

/** The sections of the channels a run has, in list order. */
export function reportsOf(run: { summary: { channels: object } }): ChannelReport[] {
  return CHANNEL_REPORTS.filter(
    (report) => (run.summary.channels as Record<string, unknown>)[report.channel] !== undefined,
  );
}
