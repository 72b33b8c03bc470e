// The portal channel's metrics, declared once. Order is the order of summary.json keys and
// intervals.csv columns; the formulas are in derivePortalMetrics.ts. Each figure counts in the
// interval its event happens in (applications when started, decisions when made, support contacts
// when offered to phone or chat). Working days: weekdays minus calendar.closedDates.
import { metricsOf } from '../../metrics/defineMetric.js';
import type { ChannelMetricSpecs } from '../../metrics/MetricSpec.js';

const metric = metricsOf('portal');
const both = ['table', 'compare'] as const;

export const PORTAL_METRIC_SPECS = [
  metric('applications', 'count', 'neutral', { label: 'applications started', band: true, views: both }),
  metric('submissions', 'count', 'neutral', { label: 'submissions (with resubmissions)' }),
  metric('documents', 'count', 'neutral', { label: 'documents uploaded' }),
  metric('refusedWrongType', 'count', 'lower', { label: 'refused: wrong file type' }),
  metric('refusedTooBig', 'count', 'lower', { label: 'refused: file over 5 MB' }),
  metric('refusedBadField', 'count', 'lower', { label: 'refused: bad field' }),
  metric('refusedShare', 'share', 'lower', { label: 'submissions refused', views: both }),
  metric('received', 'count', 'neutral', { label: 'applications received' }),
  metric('neverSubmitted', 'count', 'lower', { label: 'given up after a refusal' }),
  metric('neverSubmittedShare', 'share', 'lower', { label: 'given up after a refusal (share of started)' }),
  metric('statusChecks', 'count', 'neutral', { label: 'status checks', views: ['compare'] }),
  metric('decided', 'count', 'neutral', { label: 'decisions', band: true, views: both }),
  metric('decidedOnTimeShare', 'share', 'higher', {
    label: "decisions on time (within the type's working days)",
    // decided within the deadline / decided: the `answered` kind, a decision being the answer.
    serviceLevel: 'answered',
    band: true,
    views: both,
  }),
  metric('decisionWorkingDaysMean', 'count', 'lower', {
    label: 'mean working days to decision',
    views: both,
  }),
  metric('decisionWorkingDaysP90', 'count', 'lower', { label: 'working days to decision p90' }),
  metric('decisionCalendarDaysMean', 'count', 'lower', { label: 'mean calendar days to decision' }),
  metric('pendingAtEnd', 'count', 'neutral', { label: 'pending at end (awaiting resubmission or decision)' }),
  metric('supportContacts', 'count', 'lower', { label: 'support contacts caused', band: true, views: both }),
  metric('supportPhone', 'count', 'lower', { label: 'support calls caused (phone)' }),
  metric('supportChat', 'count', 'lower', { label: 'support chats caused' }),
  metric('supportRefusedUpload', 'count', 'lower', { label: 'support: refused upload' }),
  metric('supportStatusQuestion', 'count', 'lower', { label: 'support: status question' }),
  metric('supportDecisionLate', 'count', 'lower', { label: 'support: decision late' }),
  metric('supportDecision', 'count', 'lower', { label: 'support: about the decision' }),
] as const;

export type PortalMetric = (typeof PORTAL_METRIC_SPECS)[number]['name'];

export const PORTAL_METRICS_DECLARATION: ChannelMetricSpecs<PortalMetric> = {
  channel: 'portal',
  metrics: PORTAL_METRIC_SPECS,
  defaultServiceLevel: 'decidedOnTimeShare',
  targetMetrics: { abandonRate: 'neverSubmittedShare', asa: 'decisionWorkingDaysMean' },
  // Each application type is judged on its own deadlineDays; the model's thresholdS is the longest.
  thresholdText: (s) => ({
    long: `within each type's deadline (the longest ${s / 86_400} working days)`,
    short: '@deadline',
  }),
};

/** Measured per application type over the run (or window). */
export const PORTAL_CLASS_METRICS = [
  'received',
  'decided',
  'decidedOnTimeShare',
  'decisionWorkingDaysMean',
  'decisionWorkingDaysP90',
] as const satisfies readonly PortalMetric[];
