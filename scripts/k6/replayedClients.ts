import type { ReplayProfile } from './compileProfile.js';
import type { AnyK6ChannelClient, ChannelReplayPlan } from './K6ChannelClient.js';
import { K6_CLIENTS } from './k6Clients.js';

/** Every client with its plan in the profile (list order), for the channels the replay runs. */
export function replayedClients(profile: ReplayProfile): [AnyK6ChannelClient, ChannelReplayPlan][] {
  const plans: Readonly<Record<string, ChannelReplayPlan | undefined>> = profile.channels;
  const out: [AnyK6ChannelClient, ChannelReplayPlan][] = [];
  for (const client of K6_CLIENTS as readonly AnyK6ChannelClient[]) {
    const plan = plans[client.channel];
    if (plan !== undefined) out.push([client, plan]);
  }
  return out;
}

/** A client's plan in the profile; undefined when the replay does not run its channel. */
export function planOf(profile: ReplayProfile, client: AnyK6ChannelClient): ChannelReplayPlan | undefined {
  const plans: Readonly<Record<string, ChannelReplayPlan | undefined>> = profile.channels;
  return plans[client.channel];
}
