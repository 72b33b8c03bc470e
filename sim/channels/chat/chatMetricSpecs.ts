// The chat channel's metrics, declared once. Order is the order of summary.json keys and
// intervals.csv columns. The formulas are in deriveChatMetrics.ts (simulator); a k6 replay measures
// the ones with a k6 source. Service levels are on the first reply (first response), with the same
// three variants as phone, computed by sim/metrics/serviceLevel.ts.
import { metricsOf } from '../../metrics/defineMetric.js';
import type { ChannelMetricSpecs, K6Source } from '../../metrics/MetricSpec.js';

const metric = metricsOf('chat');

const sessions = (outcome?: string): K6Source => ({
  metric: outcome ? `chat_sessions{outcome:${outcome}}` : 'chat_sessions',
  stat: 'count',
});
const firstResponse = (stat: K6Source['stat']): K6Source => ({ metric: 'chat_first_response_s', stat });
const both = ['table', 'compare'] as const;

export const CHAT_METRIC_SPECS = [
  metric('offered', 'count', 'neutral', {
    label: 'sessions',
    k6: sessions(),
    band: true,
    views: both,
  }),
  // Sessions other channels caused in the same run (Couplings.ts): a portal applicant asking support.
  metric('caused', 'count', 'neutral', { label: 'caused by other channels' }),
  metric('answered', 'count', 'higher', { label: 'first replies', k6: sessions('answered'), views: both }),
  metric('abandoned', 'count', 'lower', {
    label: 'abandoned before first reply',
    k6: sessions('abandoned'),
    views: both,
  }),
  metric('closed', 'count', 'neutral', { label: 'closed (outside hours)', k6: sessions('closed') }),
  metric('completed', 'count', 'higher', { k6: sessions('completed') }),
  metric('leftAfterFirstReply', 'count', 'lower', {
    label: 'left waiting for a later reply',
    k6: sessions('left'),
  }),
  metric('inSystemAtEnd', 'count', 'lower', { label: 'in system at end' }),
  metric('firstResponseSlOffered', 'share', 'higher', {
    label: 'first-reply SL (slOffered)',
    k6: { metric: 'chat_fr_sl_offered', stat: 'rate' },
    serviceLevel: 'offered',
    band: true,
    views: ['compare'],
  }),
  metric('firstResponseSlAnswered', 'share', 'higher', {
    label: 'first-reply SL (slAnswered)',
    k6: { metric: 'chat_fr_sl_answered', stat: 'rate' },
    serviceLevel: 'answered',
    band: true,
  }),
  metric('firstResponseSlExcludingShortAbandons', 'share', 'higher', {
    label: 'first-reply SL (slExcludingShortAbandons)',
    k6: { metric: 'chat_fr_sl_excluding_short_abandons', stat: 'rate' },
    serviceLevel: 'excludingShortAbandons',
    band: true,
  }),
  metric('firstResponseMeanS', 'seconds', 'lower', {
    label: 'mean first reply',
    k6: firstResponse('avg'),
    band: true,
    views: both,
  }),
  metric('firstResponseP50S', 'seconds', 'lower', {
    label: 'first reply p50',
    k6: firstResponse('p(50)'),
  }),
  metric('firstResponseP90S', 'seconds', 'lower', {
    label: 'first reply p90',
    k6: firstResponse('p(90)'),
  }),
  metric('firstResponseP95S', 'seconds', 'lower', {
    label: 'first reply p95',
    k6: firstResponse('p(95)'),
  }),
  metric('maxFirstResponseS', 'seconds', 'lower', {
    label: 'longest first reply',
    k6: firstResponse('max'),
  }),
  metric('answeredNextDayShare', 'share', 'lower', {
    label: 'first reply next day+',
    views: ['compare'],
  }),
  metric('neverAnsweredShare', 'share', 'lower', {
    label: 'never answered (abandoned or still waiting)',
    views: ['compare'],
  }),
  metric('replyMeanS', 'seconds', 'lower', {
    label: 'mean reply time',
    k6: { metric: 'chat_reply_s', stat: 'avg' },
    views: ['compare'],
  }),
  metric('replyP90S', 'seconds', 'lower', {
    label: 'reply time p90',
    k6: { metric: 'chat_reply_s', stat: 'p(90)' },
  }),
  metric('queueWaitMeanS', 'seconds', 'lower', { label: 'mean wait for an agent' }),
  metric('abandonRate', 'share', 'lower', {
    label: 'abandon rate',
    k6: { metric: 'chat_abandon_rate', stat: 'rate' },
    band: true,
    views: both,
  }),
  metric('occupancySlots', 'share', 'neutral', { label: 'occupancy (slots)', band: true, views: both }),
  metric('occupancyAgents', 'share', 'neutral', { label: 'occupancy (agents with a session)', band: true }),
  metric('sessionsPerAgent', 'agents', 'neutral', { label: 'sessions/agent' }),
  metric('meanQueueLength', 'count', 'lower', { label: 'mean queue', band: true }),
  metric('maxQueueLength', 'count', 'lower', { label: 'max queue' }),
  metric('agentsOnDuty', 'agents', 'neutral', { label: 'agents on duty (chat skill)', views: ['table'] }),
  metric('agentHours', 'hours', 'neutral', { label: 'agent hours (chat skill)' }),
] as const;

export type ChatMetric = (typeof CHAT_METRIC_SPECS)[number]['name'];
export const CHAT_METRICS: readonly ChatMetric[] = CHAT_METRIC_SPECS.map((spec) => spec.name);

export const CHAT_METRICS_DECLARATION: ChannelMetricSpecs<ChatMetric> = {
  channel: 'chat',
  metrics: CHAT_METRIC_SPECS,
  defaultServiceLevel: 'firstResponseSlOffered',
  targetMetrics: { abandonRate: 'abandonRate', asa: 'firstResponseMeanS' },
};
