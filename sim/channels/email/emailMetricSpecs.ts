// The e-mail channel's metrics, declared once. Order is the order of summary.json keys and
// intervals.csv columns; the formulas are in deriveEmailMetrics.ts. Response times and the service
// levels are on the working-hours clock (workingHours of the channel), named so: "working".
import { metricsOf } from '../../metrics/defineMetric.js';
import type { ChannelMetricSpecs } from '../../metrics/MetricSpec.js';

const metric = metricsOf('email');
const both = ['table', 'compare'] as const;

export const EMAIL_METRIC_SPECS = [
  metric('offered', 'count', 'neutral', { label: 'received', band: true, views: both }),
  metric('answered', 'count', 'higher', { label: 'answered', views: both }),
  metric('backlogAtEnd', 'count', 'lower', { label: 'backlog at end', band: true, views: both }),
  metric('slIncludingOverdue', 'share', 'higher', {
    label: 'SL working hours (slIncludingOverdue)',
    // Unanswered e-mails already past the target count against it, like abandons after T.
    serviceLevel: 'excludingShortAbandons',
    band: true,
    views: ['compare'],
  }),
  metric('slAnswered', 'share', 'higher', {
    label: 'SL working hours (slAnswered)',
    serviceLevel: 'answered',
    band: true,
  }),
  metric('responseMeanWorkingH', 'hours', 'lower', {
    label: 'mean response (working h)',
    band: true,
    views: both,
  }),
  metric('responseP90WorkingH', 'hours', 'lower', { label: 'response p90 (working h)' }),
  metric('maxResponseWorkingH', 'hours', 'lower', { label: 'longest response (working h)' }),
  metric('responseMeanH', 'hours', 'lower', { label: 'mean response (calendar h)' }),
  metric('waitMeanS', 'seconds', 'lower', { label: 'mean wait until opened' }),
  metric('overdueAtEnd', 'count', 'lower', { label: 'overdue at end' }),
  metric('meanWaiting', 'count', 'lower', { label: 'mean waiting', band: true }),
  metric('workedHours', 'hours', 'neutral', { label: 'agent hours on e-mail', views: ['table'] }),
  metric('emailShareOfAgentTime', 'share', 'neutral', {
    label: 'e-mail share of agent time',
    band: true,
    views: both,
  }),
  metric('agentsOnDuty', 'agents', 'neutral', { label: 'agents on duty (email skill)' }),
  metric('agentHours', 'hours', 'neutral', { label: 'agent hours (email skill)' }),
] as const;

export type EmailMetric = (typeof EMAIL_METRIC_SPECS)[number]['name'];

export const EMAIL_METRICS_DECLARATION: ChannelMetricSpecs<EmailMetric> = {
  channel: 'email',
  metrics: EMAIL_METRIC_SPECS,
  defaultServiceLevel: 'slIncludingOverdue',
  // E-mails do not abandon and the file has no maxAsa: these limits are never set (null in the model).
  targetMetrics: { abandonRate: 'overdueAtEnd', asa: 'responseMeanWorkingH' },
  thresholdClock: 'of working time',
};
