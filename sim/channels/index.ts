// The only list of channels. Adding a channel: its folder in sim/channels/<name>/ with a plug-in
// (see ChannelPlugin.ts), one line here, a transport plugin in mocks/ and a client in scripts/k6/.
// The order is the order of tables, columns and agent routing indexes.
import type { Static } from '@sinclair/typebox';
import type { AnyChannelPlugin, ChannelPlugin } from './ChannelPlugin.js';
import { chatChannel } from './chat/chatChannel.js';
import { checkinChannel } from './checkin/checkinChannel.js';
import { emailChannel } from './email/emailChannel.js';
import { outboundChannel } from './outbound/outboundChannel.js';
import { phoneChannel } from './phone/phoneChannel.js';
import { portalChannel } from './portal/portalChannel.js';

export const CHANNELS = [
  phoneChannel,
  chatChannel,
  checkinChannel,
  emailChannel,
  outboundChannel,
  portalChannel,
] as const satisfies readonly AnyChannelPlugin[];

type Plugins = (typeof CHANNELS)[number];
export type ChannelName = Plugins['name'];
type PluginOf<C extends ChannelName> = Extract<Plugins, { name: C }>;
type ModelOf<P> =
  P extends ChannelPlugin<string, infer _S, infer M, infer _C, infer _O, infer _P> ? M : never;
type CountersOf<P> =
  P extends ChannelPlugin<string, infer _S, infer _M, infer C, infer _O, infer _P> ? C : never;
type ObserverOf<P> =
  P extends ChannelPlugin<string, infer _S, infer _M, infer _C, infer O, infer _P> ? O : never;
type MetricOf<P> =
  P extends ChannelPlugin<string, infer _S, infer _M, infer _C, infer _O, infer _P, infer N> ? N : never;
type ProcessOf<P> =
  P extends ChannelPlugin<string, infer _S, infer _M, infer _C, infer _O, infer R> ? R : never;

/** The channels' fragments of the scenario file, by name (each optional in the file). */
export type ChannelFiles = { [C in ChannelName]?: Static<PluginOf<C>['schema']> };
/** The frozen models of the channels a scenario has, by name. */
export type ChannelModels = { readonly [C in ChannelName]?: ModelOf<PluginOf<C>> };
/** The raw counters of one replication of the channels a scenario has, by name. */
export type ChannelCounters = { readonly [C in ChannelName]?: CountersOf<PluginOf<C>> };
/** The metric names of each channel, by channel (`ChannelMetricNames['phone']` = 'offered' | ...). */
export type ChannelMetricNames = { [C in ChannelName]: MetricOf<PluginOf<C>> };
/** The processes of one model run, by channel. */
export type ChannelProcesses = { readonly [C in ChannelName]?: ProcessOf<PluginOf<C>> };
/** Observers of contact outcomes by channel (the lockstep tests and the mocks listen). */
export type ChannelObservers = { readonly [C in ChannelName]?: ObserverOf<PluginOf<C>> | null };

export const CHANNEL_NAMES: readonly ChannelName[] = CHANNELS.map((c) => c.name);

/** The skill a group needs to serve a channel, as files name it (the channel's name unless it says). */
export const skillOf = (channel: AnyChannelPlugin): string => channel.skill ?? channel.name;

/** Every skill a file may give a group, in channel order. */
export const SKILL_NAMES: readonly string[] = CHANNELS.map(skillOf);

/** The channel a file's skill name serves; undefined for a name that is no skill. */
export function channelOfSkill(skill: string): ChannelName | undefined {
  return CHANNELS.find((c) => skillOf(c) === skill)?.name;
}

/** The plug-in of a channel, by name. */
export function channelPlugin<C extends ChannelName>(name: C): PluginOf<C>;
export function channelPlugin(name: string): AnyChannelPlugin | undefined;
export function channelPlugin(name: string): AnyChannelPlugin | undefined {
  return CHANNELS.find((c) => c.name === name);
}

/** The plug-ins of the channels in `models` (those a scenario has), in list order. */
export function presentChannels(models: ChannelModels): AnyChannelPlugin[] {
  return CHANNELS.filter((c) => models[c.name] !== undefined);
}

/** One value per channel a scenario (or run) has, by name. */
export type ChannelMap<T> = { readonly [C in ChannelName]?: T };

/** The entries of a channel map in list order (the order of tables and columns). */
export function channelEntries<T>(map: ChannelMap<T>): [ChannelName, T][] {
  return CHANNEL_NAMES.filter((name) => map[name] !== undefined).map((name) => [name, map[name]!]);
}
