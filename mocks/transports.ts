// The only list of the mocks' transports, one line per channel (in sim/channels/index.ts order).
// Adding a channel's transport: its folder mocks/<channel>/ with a TransportPlugin, one line here.
import type { ChannelName } from '../sim/channels/index.js';
import { chatTransport } from './chat/chatTransport.js';
import { checkinTransport } from './checkin/checkinTransport.js';
import { emailTransport } from './email/emailTransport.js';
import { outboundTransport } from './outbound/outboundTransport.js';
import { phoneTransport } from './phone/phoneTransport.js';
import { portalTransport } from './portal/portalTransport.js';
import type { TransportPlugin } from './TransportPlugin.js';

export const TRANSPORTS = [
  phoneTransport,
  chatTransport,
  checkinTransport,
  emailTransport,
  outboundTransport,
  portalTransport,
] as const;

type Plugins = (typeof TRANSPORTS)[number];
type OptionsOf<P> = P extends TransportPlugin<ChannelName, infer O, unknown> ? O : never;
type ServiceOf<P> = P extends TransportPlugin<ChannelName, object, infer S> ? S : never;
type Intersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/** Every transport's own fields of the mocks' options, together. */
export type TransportOptions = Intersection<OptionsOf<Plugins>>;
/** The services of the transports an app has, by channel (absent when the scenario lacks it). */
export type TransportServices = { readonly [P in Plugins as P['channel']]?: ServiceOf<P> };
