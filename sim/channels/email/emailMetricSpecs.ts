// The e-mail channel's metrics, declared once. Order is the order of summary.json keys and
// intervals.csv columns; the formulas are in deriveEmailMetrics.ts. Response times and the service
// levels are on the working-hours clock (workingHours of the channel), named so: "working". A k6
// replay (scripts/k6/email/) measures the ones with a k6 source, from the mock's model times; it
// cannot see the model's own e-mails (backlog) nor the agents.
import { formatSeconds } from '../../distributions/formatSeconds.js';
import { metricsOf } from '../../metrics/defineMetric.js';
import type { ChannelMetricSpecs, K6Source } from '../../metrics/MetricSpec.js';

const metric = metricsOf('email');
const both = ['table', 'compare'] as const;
const emails = (outcome?: string): K6Source => ({
  metric: outcome ? `emails{outcome:${outcome}}` : 'emails',
  stat: 'count',
});
const responseWorking = (stat: K6Source['stat']): K6Source => ({ metric: 'email_response_working_h', stat });

export const EMAIL_METRIC_SPECS = [
  metric('offered', 'count', 'neutral', { label: 'received', k6: emails(), band: true, views: both }),
  metric('answered', 'count', 'higher', {
    label: 'answered',
    k6: { metric: 'email_answers', stat: 'count' },
    views: both,
  }),
  metric('backlogAtEnd', 'count', 'lower', { label: 'backlog at end', band: true, views: both }),
  metric('slIncludingOverdue', 'share', 'higher', {
    label: 'SL working hours (slIncludingOverdue)',
    // Unanswered e-mails already past the target count against it, like abandons after T.
    serviceLevel: 'excludingShortAbandons',
    k6: { metric: 'email_sl_including_overdue', stat: 'rate' },
    band: true,
    views: ['compare'],
  }),
  metric('slAnswered', 'share', 'higher', {
    label: 'SL working hours (slAnswered)',
    serviceLevel: 'answered',
    k6: { metric: 'email_sl_answered', stat: 'rate' },
    band: true,
  }),
  metric('responseMeanWorkingH', 'hours', 'lower', {
    label: 'mean response (working h)',
    k6: responseWorking('avg'),
    band: true,
    views: both,
  }),
  metric('responseP90WorkingH', 'hours', 'lower', {
    label: 'response p90 (working h)',
    k6: responseWorking('p(90)'),
  }),
  metric('maxResponseWorkingH', 'hours', 'lower', {
    label: 'longest response (working h)',
    k6: responseWorking('max'),
  }),
  metric('responseMeanH', 'hours', 'lower', {
    label: 'mean response (calendar h)',
    k6: { metric: 'email_response_h', stat: 'avg' },
  }),
  metric('waitMeanS', 'seconds', 'lower', {
    label: 'mean wait until opened',
    k6: { metric: 'email_wait_s', stat: 'avg' },
  }),
  metric('overdueAtEnd', 'count', 'lower', { label: 'overdue at end', k6: emails('overdue') }),
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
  // Working hours read as hours ("9h"), not 32400 s.
  thresholdText: (s) => ({
    long: `within ${formatSeconds(s)} of working time`,
    short: `@${formatSeconds(s)} of working time`,
  }),
};
