import type { K6ChannelClient } from '../K6ChannelClient.js';
import { CHAT_SCENARIO_NAME, CHAT_SESSIONS_FILE_ENV, chatSessionEntries } from '../replayConfig.js';

/** Chat's k6 client: the `chat` function of the k6 script (chatReplay.ts), its sessions in k6-chat.json. */
export const chatClient: K6ChannelClient = {
  channel: 'chat',
  planFile: {
    env: CHAT_SESSIONS_FILE_ENV,
    localName: 'k6-chat.json',
    configMapKey: 'chat.json',
    readAlways: false,
  },
  plans: chatSessionEntries,
  intervals: (profile) => profile.chat?.intervals ?? [],
  k6Scenario: (config) =>
    config.chat === null
      ? null
      : [
          CHAT_SCENARIO_NAME,
          {
            executor: 'ramping-arrival-rate' as const,
            exec: 'chat',
            startRate: 0,
            timeUnit: `${config.timeUnitMs}ms`,
            preAllocatedVUs: config.chat.preAllocatedVUs,
            maxVUs: config.chat.maxVUs,
            stages: config.chat.stages,
            gracefulStop: `${Math.ceil((config.leadMs + config.chat.sessionTimeoutMs) / 1000)}s`,
            tags: { channel: 'chat' },
          },
        ],
};
