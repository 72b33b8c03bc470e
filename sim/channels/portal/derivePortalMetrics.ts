import { dayQuantile } from './dayQuantile.js';
import type { PortalCounterRow } from './PortalCounters.js';
import { supportField } from './PortalCounters.js';
import type { PortalMetric } from './portalMetricSpecs.js';
import { SUPPORT_CAUSES, SUPPORT_CHANNELS } from './supportCauses.js';

export type PortalMetrics = Record<PortalMetric, number | null>;

const ratio = (a: number, b: number): number | null => (b > 0 ? a / b : null);

/** Portal metrics of one interval, day or run of one replication; ratios over nothing are null. */
export function derivePortalMetrics(
  row: PortalCounterRow,
  decisionDaysHistogram: ArrayLike<number>,
): PortalMetrics {
  const byCause = (cause: (typeof SUPPORT_CAUSES)[number]) =>
    SUPPORT_CHANNELS.reduce((sum, channel) => sum + row[supportField(cause, channel)], 0);
  const byChannel = (channel: (typeof SUPPORT_CHANNELS)[number]) =>
    SUPPORT_CAUSES.reduce((sum, cause) => sum + row[supportField(cause, channel)], 0);
  const refused = row.refusedWrongType + row.refusedTooBig + row.refusedBadField;
  return {
    applications: row.applications,
    submissions: row.submissions,
    documents: row.documents,
    refusedWrongType: row.refusedWrongType,
    refusedTooBig: row.refusedTooBig,
    refusedBadField: row.refusedBadField,
    refusedShare: ratio(refused, row.submissions),
    received: row.received,
    neverSubmitted: row.neverSubmitted,
    neverSubmittedShare: ratio(row.neverSubmitted, row.applications),
    statusChecks: row.statusChecks,
    decided: row.decided,
    decidedOnTimeShare: ratio(row.decidedOnTime, row.decided),
    decisionWorkingDaysMean: ratio(row.decisionWorkingDaysSum, row.decided),
    decisionWorkingDaysP90: dayQuantile(decisionDaysHistogram, 0.9),
    decisionCalendarDaysMean: ratio(row.decisionElapsedSumS / 86_400, row.decided),
    pendingAtEnd: row.pendingAtEnd,
    supportContacts: byChannel('phone') + byChannel('chat'),
    supportPhone: byChannel('phone'),
    supportChat: byChannel('chat'),
    supportRefusedUpload: byCause('refusedUpload'),
    supportStatusQuestion: byCause('statusQuestion'),
    supportDecisionLate: byCause('decisionLate'),
    supportDecision: byCause('decision'),
  };
}
