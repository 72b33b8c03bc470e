// The check-in channel's metrics, declared once. Order is the order of summary.json keys and
// intervals.csv columns. The formulas are in deriveCheckinMetrics.ts. Counts are of events in the
// interval (prompts sent, failures known, calls made), so the loop reads on one time axis.
import { metricsOf } from '../../metrics/defineMetric.js';
import type { ChannelMetricSpecs } from '../../metrics/MetricSpec.js';

const metric = metricsOf('checkin');
const both = ['table', 'compare'] as const;

export const CHECKIN_METRIC_SPECS = [
  metric('monitored', 'count', 'neutral', { label: 'people monitored (mean)' }),
  metric('prompts', 'count', 'neutral', { label: 'prompts', band: true, views: both }),
  metric('received', 'count', 'neutral', { label: 'check-ins received', band: true, views: ['compare'] }),
  metric('failed', 'count', 'lower', { label: 'failed or missed check-ins', band: true, views: both }),
  metric('failureRate', 'share', 'lower', { label: 'failure rate (of prompts)', band: true, views: both }),
  metric('failedNoResponse', 'count', 'lower', { label: 'missed deadline (no response)', band: true }),
  metric('lateResponses', 'count', 'lower', { label: 'responses after the deadline' }),
  metric('failedAppError', 'count', 'lower', { label: 'app error', band: true }),
  metric('failedGeolocationWrong', 'count', 'lower', { label: 'geolocation wrong', band: true }),
  metric('failedPhotoNotIdentified', 'count', 'lower', { label: 'photo not identified', band: true }),
  metric('failedCannotUseApp', 'count', 'lower', { label: 'cannot use the app', band: true }),
  metric('violations', 'count', 'lower', { label: 'violations recorded', views: ['compare'] }),
  metric('confirmed', 'count', 'higher', { label: 'check-ins confirmed' }),
  metric('confirmedWithinT', 'share', 'higher', {
    label: 'confirmed within T (of confirmed)',
    serviceLevel: 'answered',
    band: true,
    views: both,
  }),
  metric('confirmationMeanS', 'seconds', 'lower', {
    label: 'mean confirmation time',
    band: true,
    views: both,
  }),
  metric('confirmationP90S', 'seconds', 'lower', { label: 'confirmation time p90' }),
  metric('maxConfirmationS', 'seconds', 'lower', { label: 'longest confirmation' }),
  metric('verificationMeanS', 'seconds', 'lower', { label: 'mean verification time (queue + service)' }),
  metric('verificationUtilisation', 'share', 'neutral', { label: 'verification service utilisation' }),
  metric('sentToReview', 'count', 'neutral', { label: 'sent to manual review' }),
  metric('reviewed', 'count', 'neutral', { label: 'reviewed' }),
  metric('reviewWaitMeanS', 'seconds', 'lower', { label: 'mean wait for review', band: true, views: both }),
  metric('meanReviewQueue', 'count', 'lower', { label: 'mean review backlog', band: true }),
  metric('maxReviewQueue', 'count', 'lower', { label: 'max review backlog' }),
  metric('callsCaused', 'count', 'lower', { label: 'calls caused', band: true, views: both }),
  metric('callsCausedNoResponse', 'count', 'lower', { label: 'calls: missed deadline' }),
  metric('callsCausedAppError', 'count', 'lower', { label: 'calls: app error' }),
  metric('callsCausedGeolocationWrong', 'count', 'lower', { label: 'calls: geolocation wrong' }),
  metric('callsCausedPhotoNotIdentified', 'count', 'lower', { label: 'calls: photo not identified' }),
  metric('callsCausedCannotUseApp', 'count', 'lower', { label: 'calls: cannot use the app' }),
  metric('callsNotOffered', 'count', 'neutral', { label: 'calls with no phone channel to take them' }),
  metric('pendingAtEnd', 'count', 'lower', { label: 'undecided at end' }),
  metric('occupancy', 'share', 'neutral', { label: 'occupancy (review agents)', band: true }),
  metric('agentsOnDuty', 'agents', 'neutral', { label: 'agents on duty (review skill)' }),
  metric('agentHours', 'hours', 'neutral', { label: 'agent hours (review skill)' }),
] as const;

export type CheckinMetric = (typeof CHECKIN_METRIC_SPECS)[number]['name'];

export const CHECKIN_METRICS_DECLARATION: ChannelMetricSpecs<CheckinMetric> = {
  channel: 'checkin',
  metrics: CHECKIN_METRIC_SPECS,
  defaultServiceLevel: 'confirmedWithinT',
  targetMetrics: { abandonRate: 'failureRate', asa: 'confirmationMeanS' },
};
