import type { K6ChannelClient } from '../K6ChannelClient.js';
import { type ChatReplayPlan, chatDemand, chatPlan } from './chatProfile.js';
import {
  CHAT_SESSIONS_FILE_ENV,
  type ChatReplayConfig,
  chatK6Scenario,
  chatReplayConfig,
  chatSessionEntries,
} from './chatReplayConfig.js';

/** Chat's k6 client: its scenario function in chatReplay.ts, its sessions in k6-chat.json. */
export const chatClient: K6ChannelClient<'chat', ChatReplayPlan, ChatReplayConfig> = {
  channel: 'chat',
  planFile: {
    env: CHAT_SESSIONS_FILE_ENV,
    localName: 'k6-chat.json',
    configMapKey: 'chat.json',
    readAlways: false,
  },
  script: 'chat/chatReplay.ts',
  demand: chatDemand,
  plan: chatPlan,
  plans: chatSessionEntries,
  config: chatReplayConfig,
  k6Scenario: chatK6Scenario,
  // Sessions are not calls.
  planned: (plan) => plan.plannedSessions,
  describePlanned: (plan) => `${plan.plannedSessions} chat sessions`,
  describeSentBefore: (plan, intervalCount) => `${plan.cumulative[intervalCount]!} chat sessions`,
  // A chat socket closed at the very end, its close not handled yet.
  holdsContacts: (state) => Number((state.chat as { open?: number } | undefined)?.open ?? 0) > 0,
};
