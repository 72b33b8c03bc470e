// The only list of the channels' parts of a k6 run's results, one line per channel, in the order of
// sim/channels/index.ts. Adding a channel's: results/<channel>/ with a K6ChannelResults, one line here.
import { chatK6Results } from './chat/k6ChatResults.js';
import type { K6ChannelResults } from './K6ChannelResults.js';
import { phoneK6Results } from './phone/k6PhoneResults.js';

export const K6_RESULTS: readonly K6ChannelResults[] = [phoneK6Results, chatK6Results];
