import type { ChannelName } from '../../sim/channels/index.js';
import type { ProfileInterval, ReplayProfile } from './compileProfile.js';

/**
 * The planned intervals of one channel in a replay profile (none when the replay sends it nothing).
 * The profile still keeps phone's at the top and chat's under `chat`: this is the one place that knows.
 */
export function replayedIntervals(profile: ReplayProfile, channel: ChannelName): readonly ProfileInterval[] {
  if (channel === 'phone') return profile.phone ? profile.intervals : [];
  return profile.chat?.intervals ?? [];
}
