// The phone channel's metrics, declared once. Order is the order of summary.json keys and
// intervals.csv columns. The formulas are in sim/metrics/PhoneMetrics.ts (simulator) and
// results/phone/k6PhoneResults.ts (a k6 replay); both use sim/metrics/serviceLevel.ts for the SL variants.
import { metricsOf } from '../../metrics/defineMetric.js';
import type { ChannelMetricSpecs, K6Source } from '../../metrics/MetricSpec.js';

const metric = metricsOf('phone');

const calls = (outcome?: string): K6Source => ({
  metric: outcome ? `calls{outcome:${outcome}}` : 'calls',
  stat: 'count',
});
const wait = (stat: K6Source['stat']): K6Source => ({ metric: 'asa_s', stat });
const both = ['table', 'compare'] as const;

export const PHONE_METRIC_SPECS = [
  metric('offered', 'count', 'neutral', { k6: calls(), band: true, views: both }),
  metric('answered', 'count', 'higher', { k6: calls('answered'), views: both }),
  metric('abandoned', 'count', 'lower', { k6: calls('abandoned'), views: both }),
  metric('blocked', 'count', 'lower', { k6: calls('blocked'), views: ['compare'] }),
  metric('closed', 'count', 'neutral', { k6: calls('closed') }),
  metric('selfServed', 'count', 'higher', { label: 'self-served', k6: calls('selfServed') }),
  metric('retrials', 'count', 'lower', {
    k6: { metric: 'calls{attempt:retrial}', stat: 'count' },
    views: ['compare'],
  }),
  // Calls other channels caused in the same run (Couplings.ts): a failed check-in, a portal applicant.
  metric('caused', 'count', 'neutral', { label: 'caused by other channels' }),
  metric('inSystemAtEnd', 'count', 'lower', { label: 'in system at end' }),
  metric('slOffered', 'share', 'higher', {
    label: 'SL (slOffered)',
    k6: { metric: 'sl_offered', stat: 'rate' },
    serviceLevel: 'offered',
    band: true,
    views: ['compare'],
  }),
  metric('slAnswered', 'share', 'higher', {
    label: 'SL (slAnswered)',
    k6: { metric: 'sl_answered', stat: 'rate' },
    serviceLevel: 'answered',
    band: true,
    views: ['compare'],
  }),
  metric('slExcludingShortAbandons', 'share', 'higher', {
    label: 'SL (slExcludingShortAbandons)',
    k6: { metric: 'sl_excluding_short_abandons', stat: 'rate' },
    serviceLevel: 'excludingShortAbandons',
    band: true,
  }),
  metric('asaS', 'seconds', 'lower', { label: 'ASA', k6: wait('avg'), band: true, views: both }),
  metric('waitP50S', 'seconds', 'lower', { label: 'wait p50', k6: wait('p(50)') }),
  metric('waitP80S', 'seconds', 'lower', { label: 'wait p80', k6: wait('p(80)') }),
  metric('waitP90S', 'seconds', 'lower', { label: 'wait p90', k6: wait('p(90)'), views: both }),
  metric('waitP95S', 'seconds', 'lower', { label: 'wait p95', k6: wait('p(95)'), views: ['compare'] }),
  metric('waitP99S', 'seconds', 'lower', { label: 'wait p99', k6: wait('p(99)') }),
  metric('maxWaitS', 'seconds', 'lower', { label: 'max wait', k6: wait('max'), views: both }),
  metric('abandonRate', 'share', 'lower', {
    label: 'abandon rate',
    k6: { metric: 'abandon_rate', stat: 'rate' },
    band: true,
    views: both,
  }),
  metric('blockRate', 'share', 'lower', { label: 'block rate', k6: { metric: 'block_rate', stat: 'rate' } }),
  metric('occupancy', 'share', 'neutral', { band: true, views: both }),
  metric('meanQueueLength', 'count', 'lower', { label: 'mean queue', band: true, views: both }),
  metric('maxQueueLength', 'count', 'lower', { label: 'max queue', views: both }),
  metric('agentsScheduled', 'agents', 'neutral', { label: 'agents scheduled' }),
  metric('agentsOnDuty', 'agents', 'neutral', { label: 'agents on duty', views: both }),
  metric('agentHours', 'hours', 'neutral', { label: 'agent hours', views: both }),
  metric('overtimeHours', 'hours', 'lower', { label: 'overtime hours' }),
] as const;

export type PhoneMetricName = (typeof PHONE_METRIC_SPECS)[number]['name'];

export const PHONE_METRICS_DECLARATION: ChannelMetricSpecs<PhoneMetricName> = {
  channel: 'phone',
  metrics: PHONE_METRIC_SPECS,
  defaultServiceLevel: 'slOffered',
  targetMetrics: { abandonRate: 'abandonRate', asa: 'asaS' },
};
