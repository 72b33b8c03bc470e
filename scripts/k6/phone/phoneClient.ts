import type { K6ChannelClient } from '../K6ChannelClient.js';
import { CALLERS_FILE_ENV, SCENARIO_NAME } from '../replayConfig.js';

/** Phone's k6 client: the default function of phoneReplay.ts, its callers in k6-callers.json. */
export const phoneClient: K6ChannelClient = {
  channel: 'phone',
  // The k6 script's init opens the callers whatever the replay holds (an empty list without phone).
  planFile: {
    env: CALLERS_FILE_ENV,
    localName: 'k6-callers.json',
    configMapKey: 'callers.json',
    readAlways: true,
  },
  plans: (profile) => profile.callers,
  intervals: (profile) => (profile.phone ? profile.intervals : []),
  k6Scenario: (config) =>
    config.phone
      ? [
          SCENARIO_NAME,
          {
            executor: 'ramping-arrival-rate' as const,
            startRate: 0,
            timeUnit: `${config.timeUnitMs}ms`,
            preAllocatedVUs: config.preAllocatedVUs,
            maxVUs: config.maxVUs,
            stages: config.stages,
            // Let calls still waiting at the end of the schedule finish: lead + longest hold.
            gracefulStop: `${Math.ceil((config.leadMs + config.requestTimeoutMs) / 1000)}s`,
            tags: { channel: 'phone' },
          },
        ]
      : null,
};
