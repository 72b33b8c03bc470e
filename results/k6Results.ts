// The only list of the channels' parts of a k6 run's results, one line per channel, in the order of
// sim/channels/index.ts. Adding a channel's: results/<channel>/ with a K6ChannelResults, one line here.
import type { ChannelName } from '../sim/channels/index.js';
import { chatK6Results } from './chat/k6ChatResults.js';
import { checkinK6Results } from './checkin/k6CheckinResults.js';
import { emailK6Results } from './email/k6EmailResults.js';
import type { K6ChannelResults } from './K6ChannelResults.js';
import { outboundK6Results } from './outbound/k6OutboundResults.js';
import { phoneK6Results } from './phone/k6PhoneResults.js';
import { portalK6Results } from './portal/k6PortalResults.js';

export const K6_RESULTS = [
  phoneK6Results,
  chatK6Results,
  checkinK6Results,
  emailK6Results,
  outboundK6Results,
  portalK6Results,
] as const;

type Results = (typeof K6_RESULTS)[number];
type FactsOf<R> = R extends K6ChannelResults<ChannelName, infer F> ? F : never;

/** Each channel's facts in a k6 measurement, keyed by channel (absent in hand-made measurements). */
export type K6Facts = { [R in Results as R['channel']]?: FactsOf<R> };
