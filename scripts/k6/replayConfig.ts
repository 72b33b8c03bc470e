// What the k6 script reads at init: the shared parts of the compiled profile, where to send the
// contacts, and each replayed channel's own part (its client's `config`). Free of k6 imports, so it
// is unit-tested in Node (the k6 options object is built from it in k6Options.ts).
import type { CallAdapter } from './callAdapter.js';
import type { ReplayProfile } from './compileProfile.js';
import type { ReplayConfigs } from './k6Clients.js';
import { replayedClients } from './replayedClients.js';

export interface ReplayConfig {
  /** Base URL of the target, e.g. http://127.0.0.1:4100 (no trailing slash). */
  target: string;
  /** Name of the environment variable holding a bearer token, or null for none. */
  tokenEnv: string | null;
  /** Prefix of the contacts' ids, so a target can tell runs apart. */
  runId: string;
  timeUnitMs: number;
  /** Every replayed channel's thresholds (one k6 process replays them all). */
  thresholds: Record<string, string[]>;
  leadMs: number;
  timeScale: number;
  /** Wall ms after the scenario start at which each window interval begins (lead included). */
  intervalWallStartMs: number[];
  /** Wall ms after the scenario start at which the window ends (lead included). */
  windowEndWallMs: number;
  /** Each replayed channel's part, keyed by channel (a k6 scenario `exec: <channel>` per entry). */
  channels: ReplayConfigs;
}

export function replayConfig(
  profile: ReplayProfile,
  target: string,
  tokenEnv: string | null,
  runId: string,
  adapter?: CallAdapter,
): ReplayConfig {
  const where = { target: target.replace(/\/+$/, ''), tokenEnv, runId, adapter };
  const channels: Record<string, unknown> = {};
  for (const [client, plan] of replayedClients(profile))
    channels[client.channel] = client.config(plan, profile, where);
  return {
    target: where.target,
    tokenEnv,
    runId,
    timeUnitMs: profile.timeUnitMs,
    thresholds: profile.thresholds,
    leadMs: profile.leadMs,
    timeScale: profile.timeScale,
    intervalWallStartMs: profile.intervals.map((_, k) => wallStart(profile, k)),
    windowEndWallMs: wallStart(profile, profile.intervals.length),
    channels: channels as ReplayConfigs,
  };
}

function wallStart(profile: ReplayProfile, k: number): number {
  return profile.leadMs + profile.intervals.slice(0, k).reduce((sum, i) => sum + i.wallMs, 0);
}
