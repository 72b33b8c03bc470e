// The one vocabulary of metrics: every channel's declared MetricSpecs, looked up by channel and
// name. A channel's plug-in (sim/channels/index.ts) carries its declaration; nothing in results/ or
// scripts/ names a channel's metrics otherwise.
import { CHANNELS, type ChannelMetricNames } from '../channels/index.js';
import type { ChannelMetricSpecs, MetricSpec } from './MetricSpec.js';

const CHANNEL_METRICS = Object.fromEntries(CHANNELS.map((c) => [c.name, c.metrics])) as {
  [C in keyof ChannelMetricNames]: ChannelMetricSpecs<ChannelMetricNames[C]>;
};

/** The channels that declare metrics. */
export type MetricChannel = keyof typeof CHANNEL_METRICS;

/** The metric names of one channel, as a string union (`MetricName<'phone'>` = 'offered' | ...). */
export type MetricName<C extends MetricChannel> = ChannelMetricNames[C];

/** Every channel with metrics, in declaration order. */
export function metricChannels(): MetricChannel[] {
  return Object.keys(CHANNEL_METRICS) as MetricChannel[];
}

export function isMetricChannel(channel: string): channel is MetricChannel {
  return Object.hasOwn(CHANNEL_METRICS, channel);
}

/** A channel's declaration; throws for a channel that declares no metrics. */
export function channelDeclaration<C extends MetricChannel>(channel: C): ChannelMetricSpecs<MetricName<C>>;
export function channelDeclaration(channel: string): ChannelMetricSpecs;
export function channelDeclaration(channel: string): ChannelMetricSpecs {
  if (!isMetricChannel(channel)) throw new RangeError(`no metrics registered for channel "${channel}"`);
  return CHANNEL_METRICS[channel];
}

/** A channel's metrics in the order files list them. */
export function channelMetrics<C extends MetricChannel>(channel: C): readonly MetricSpec<MetricName<C>>[];
export function channelMetrics(channel: string): readonly MetricSpec[];
export function channelMetrics(channel: string): readonly MetricSpec[] {
  return channelDeclaration(channel).metrics;
}

/** A channel's metric names in the order files list them. */
export function metricNames<C extends MetricChannel>(channel: C): MetricName<C>[];
export function metricNames(channel: string): string[];
export function metricNames(channel: string): string[] {
  return channelMetrics(channel).map((spec) => spec.name);
}

/** The spec of one metric, or undefined when the channel has no such metric. */
export function findMetricSpec(channel: string, name: string): MetricSpec | undefined {
  if (!isMetricChannel(channel)) return undefined;
  return channelMetrics(channel).find((spec) => spec.name === name);
}

/** The spec of one metric; throws for an unknown channel or name (a programming error). */
export function metricSpec(channel: string, name: string): MetricSpec {
  const spec = findMetricSpec(channel, name);
  if (!spec) throw new RangeError(`channel "${channel}" has no metric "${name}"`);
  return spec;
}

/** The channel's service-level variants (the metrics with a serviceLevel kind), in file order. */
export function serviceLevelMetrics(channel: string): MetricSpec[] {
  return channelMetrics(channel).filter((spec) => spec.serviceLevel !== null);
}

/** `variant` when it names one of the channel's service levels, else the channel's default. */
export function serviceLevelVariant(channel: string, variant: string | null | undefined): string {
  const known = serviceLevelMetrics(channel).some((spec) => spec.name === variant);
  return known ? variant! : channelDeclaration(channel).defaultServiceLevel;
}
