// Free of k6 imports: k6Options.ts (bundled into the k6 script) iterates the clients too.
import type { ChannelName } from '../../sim/channels/index.js';
import type { ProfileInterval, ReplayProfile } from './compileProfile.js';
import type { ReplayConfig } from './replayConfig.js';

/** The file of a channel's per-iteration plans that k6 loads once into a SharedArray. */
export interface K6PlanFile {
  /** The environment variable (`-e NAME=path`) k6's init reads the file's path from. */
  readonly env: string;
  /** Its name in `hotline load`'s work folder. */
  readonly localName: string;
  /** Its key in the k6-operator ConfigMap (mounted under /test/). */
  readonly configMapKey: string;
  /** Whether k6's init reads it even when the channel is not replayed (then it holds no entry). */
  readonly readAlways: boolean;
}

/**
 * A channel's client in the k6 replay, on the Node side (scripts/k6/<channel>/): where its plans
 * travel, its planned intervals, and its k6 scenario. runLoad, k6Options and the k6-operator
 * manifests iterate the list in k6Clients.ts. The k6 script itself (phoneReplay.ts) still exports
 * each channel's scenario function by name, and the profile keeps each channel's plan in its own field.
 */
export interface K6ChannelClient {
  readonly channel: ChannelName;
  readonly planFile: K6PlanFile;
  /** The plan file's entries, one per iteration of its k6 scenario (none when not replayed). */
  plans(profile: ReplayProfile): readonly unknown[];
  /** Its planned intervals (none when the replay sends it nothing). */
  intervals(profile: ReplayProfile): readonly ProfileInterval[];
  /** Its entry in the k6 options' `scenarios` (name and settings); null when the config does not replay it. */
  k6Scenario(config: ReplayConfig): readonly [string, Record<string, unknown>] | null;
}
