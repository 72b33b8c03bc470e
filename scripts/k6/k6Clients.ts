// The only list of the k6 replay's channel clients, one line per channel, in the order of
// sim/channels/index.ts. Adding a channel's client: scripts/k6/<channel>/ with a K6ChannelClient, one line here.
import { chatClient } from './chat/chatClient.js';
import type { K6ChannelClient } from './K6ChannelClient.js';
import { phoneClient } from './phone/phoneClient.js';

export const K6_CLIENTS: readonly K6ChannelClient[] = [phoneClient, chatClient];
