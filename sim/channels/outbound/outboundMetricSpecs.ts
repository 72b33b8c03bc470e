// The outbound channel's metrics, declared once. Order is the order of summary.json keys and
// intervals.csv columns. The formulas are in deriveOutboundMetrics.ts. The campaign's service level
// is "reached within T of being loaded", with the three variants of sim/metrics/serviceLevel.ts
// (answered = reached, abandoned = given up: failed or dropped). The k6 replay (scripts/k6/outbound/)
// plays the callees: it measures the metrics with a k6 source (the dials it claimed, answered and saw
// end); the list, the load times and the agents are the model's, not visible to a callee.
import { metricsOf } from '../../metrics/defineMetric.js';
import type { ChannelMetricSpecs } from '../../metrics/MetricSpec.js';

const metric = metricsOf('outbound');
const both = ['table', 'compare'] as const;

export const OUTBOUND_METRIC_SPECS = [
  metric('loaded', 'count', 'neutral', { label: 'numbers loaded', views: ['table'] }),
  metric('attempts', 'count', 'neutral', {
    label: 'dial attempts',
    k6: { metric: 'outbound_dials', stat: 'count' },
    band: true,
    views: both,
  }),
  metric('connected', 'count', 'higher', {
    label: 'attempts connected',
    k6: { metric: 'outbound_dials{outcome:answered}', stat: 'count' },
  }),
  metric('completed', 'count', 'higher', {
    label: 'numbers reached',
    k6: { metric: 'outbound_completed', stat: 'count' },
    band: true,
    views: both,
  }),
  metric('failed', 'count', 'lower', {
    label: 'numbers failed (max attempts)',
    k6: { metric: 'outbound_failed', stat: 'count' },
    views: both,
  }),
  metric('dropped', 'count', 'lower', { label: 'numbers dropped at close' }),
  metric('leftAtClose', 'count', 'lower', { label: 'numbers left at window close', views: both }),
  metric('remainingAtEnd', 'count', 'lower', { label: 'numbers unresolved at end' }),
  metric('completedPerHour', 'count', 'higher', { label: 'numbers reached per hour', band: true }),
  metric('connectRate', 'share', 'neutral', {
    label: 'connect rate',
    k6: { metric: 'outbound_connected', stat: 'rate' },
  }),
  metric('attemptsPerCompleted', 'count', 'lower', { label: 'attempts per number reached' }),
  metric('reachedSlOffered', 'share', 'higher', {
    label: 'reached within T (slOffered)',
    serviceLevel: 'offered',
    band: true,
    views: ['compare'],
  }),
  metric('reachedSlAnswered', 'share', 'higher', {
    label: 'reached within T (slAnswered)',
    serviceLevel: 'answered',
  }),
  metric('reachedSlExcludingShortAbandons', 'share', 'higher', {
    label: 'reached within T (slExcludingShortAbandons)',
    serviceLevel: 'excludingShortAbandons',
  }),
  metric('givenUpShare', 'share', 'lower', { label: 'given up (failed or dropped) / resolved' }),
  metric('timeToReachMeanS', 'seconds', 'lower', { label: 'mean time from load to reach' }),
  metric('outboundShare', 'share', 'neutral', {
    label: 'agent time on outbound (outbound groups)',
    band: true,
    views: both,
  }),
  metric('outboundAgentHours', 'hours', 'neutral', { label: 'agent hours on outbound', views: ['table'] }),
  metric('agentsOnDuty', 'agents', 'neutral', { label: 'agents on duty (outbound skill)' }),
] as const;

export type OutboundMetric = (typeof OUTBOUND_METRIC_SPECS)[number]['name'];

export const OUTBOUND_METRICS_DECLARATION: ChannelMetricSpecs<OutboundMetric> = {
  channel: 'outbound',
  metrics: OUTBOUND_METRIC_SPECS,
  defaultServiceLevel: 'reachedSlOffered',
  targetMetrics: { abandonRate: 'givenUpShare', asa: 'timeToReachMeanS' },
};
