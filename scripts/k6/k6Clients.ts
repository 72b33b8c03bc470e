// The only list of the k6 replay's channel clients, one line per channel, in the order of
// sim/channels/index.ts. Adding a channel's client: scripts/k6/<channel>/ with a K6ChannelClient
// (and the k6 module it names), one line here. Read in Node only (compileProfile, replayConfig,
// runLoad, buildK6Bundle, k6Operator): the k6 bundle carries the clients' k6 modules, not this list.

import type { ChannelName } from '../../sim/channels/index.js';
import { chatClient } from './chat/chatClient.js';
import { checkinClient } from './checkin/checkinClient.js';
import { emailClient } from './email/emailClient.js';
import type { ChannelReplayPlan, K6ChannelClient } from './K6ChannelClient.js';
import { outboundClient } from './outbound/outboundClient.js';
import { phoneClient } from './phone/phoneClient.js';
import { portalClient } from './portal/portalClient.js';

export const K6_CLIENTS = [
  phoneClient,
  chatClient,
  checkinClient,
  emailClient,
  outboundClient,
  portalClient,
] as const;

type Clients = (typeof K6_CLIENTS)[number];
type PlanOf<C> = C extends K6ChannelClient<ChannelName, infer P, unknown> ? P : never;
type ConfigOf<C> = C extends K6ChannelClient<ChannelName, ChannelReplayPlan, infer K> ? K : never;

/** Each replayed channel's plan in the profile, by channel (absent when the scenario lacks it). */
export type ReplayPlans = { readonly [C in Clients as C['channel']]?: PlanOf<C> };
/** Each replayed channel's part of the k6 config, by channel (absent when it is not replayed). */
export type ReplayConfigs = { readonly [C in Clients as C['channel']]?: ConfigOf<C> };
