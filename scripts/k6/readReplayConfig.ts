// k6 code (init context): reads the replay's config and token. Shared by the bundle's generated entry
// (buildK6Bundle.ts) and free of Node imports.
import type { ReplayConfig } from './replayConfig.js';

/** Environment variables the script reads (passed with `-e NAME=value`). */
export const CONFIG_ENV = 'HOTLINE_K6_CONFIG';
export const CONFIG_FILE_ENV = 'HOTLINE_K6_CONFIG_FILE';

/** Config: `-e HOTLINE_K6_CONFIG=<json>` or `-e HOTLINE_K6_CONFIG_FILE=<path>` (a ReplayConfig). */
export function readReplayConfig(): ReplayConfig {
  const inline = __ENV[CONFIG_ENV];
  if (inline) return JSON.parse(inline) as ReplayConfig;
  const file = __ENV[CONFIG_FILE_ENV];
  if (file) return JSON.parse(open(file)) as ReplayConfig;
  throw new Error(`set ${CONFIG_ENV} (JSON) or ${CONFIG_FILE_ENV} (path of a JSON file) with -e`);
}

/** The bearer token, read from the environment variable the config names (none without one). */
export function replayToken(config: ReplayConfig): string | undefined {
  return config.tokenEnv ? __ENV[config.tokenEnv] : undefined;
}
