// The e-mail channel's metrics, declared once. Order is the order of summary.json keys and
// intervals.csv columns; the formulas are in deriveEmailMetrics.ts. Response times and the service
// levels are on the working-hours clock (workingHours of the channel), named so: "working".
import { metricsOf } from '../../metrics/defineMetric.js';
import type { ChannelMetricSpecs } from '../../metrics/MetricSpec.js';

const metric = metricsOf('email');
const both = ['table', 'compare'] as const;

export const EMAIL_METRIC_SPECS = [
  metric('offered', 'count', 'neutral', { label: 'e-mails received', band: true, views: both }),
  metric('answered', 'count', 'higher', { label: 'e-mails answered (in the span)', views: both }),
  metric('backlogAtEnd', 'count', 'lower', {
    label: 'backlog at end (unanswered)',
    band: true,
    views: both,
  }),
  metric('slIncludingOverdue', 'share', 'higher', {
    label: 'answered in working time (slIncludingOverdue)',
    // Unanswered e-mails already past the target count against it, like abandons after T.
    serviceLevel: 'excludingShortAbandons',
    band: true,
    views: ['compare'],
  }),
  metric('slAnswered', 'share', 'higher', {
    label: 'answered in working time (slAnswered)',
    serviceLevel: 'answered',
    band: true,
  }),
  metric('responseMeanWorkingS', 'seconds', 'lower', {
    label: 'mean response (working time)',
    band: true,
    views: both,
  }),
  metric('responseP90WorkingS', 'seconds', 'lower', { label: 'response p90 (working time)' }),
  metric('maxResponseWorkingS', 'seconds', 'lower', { label: 'longest response (working time)' }),
  metric('responseMeanS', 'seconds', 'lower', { label: 'mean response (calendar time)' }),
  metric('waitMeanS', 'seconds', 'lower', { label: 'mean wait before an agent opens it' }),
  metric('overdueAtEnd', 'count', 'lower', { label: 'unanswered past the target at the end' }),
  metric('meanWaiting', 'count', 'lower', { label: 'mean e-mails waiting', band: true }),
  metric('workedHours', 'hours', 'neutral', { label: 'agent hours on e-mail', views: ['table'] }),
  metric('emailShareOfAgentTime', 'share', 'neutral', {
    label: 'share of on-duty time on e-mail (email skill)',
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
  targetMetrics: { abandonRate: 'overdueAtEnd', asa: 'responseMeanWorkingS' },
};
