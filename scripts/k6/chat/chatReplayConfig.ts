// Chat's part of the k6 config (ReplayConfig.channels.chat), of the k6 options and of its plans file.
// Free of k6 and Node imports: bundled into the k6 script, unit-tested in Node.
import { arrivalRateScenario } from '../arrivalRateScenario.js';
import type { K6Stage } from '../planArrivals.js';
import type { ChatReplayPlan } from './chatProfile.js';
import type { ChatSessionPlan } from './chatSessions.js';

/** The chat scenario of the replay; its residents and instants travel in CHAT_SESSIONS_FILE_ENV. */
export interface ChatReplayConfig {
  stages: K6Stage[];
  preAllocatedVUs: number;
  maxVUs: number;
  cumulative: number[];
  intervalIndex: number[];
  sessionTimeoutMs: number;
  thresholdS: number;
}

/** One entry per planned session of the chat replay (SharedArray): when it opens and its resident. */
export interface ChatSessionEntry extends ChatSessionPlan {
  /** Wall ms after the scenario start (lead included); null with even arrivals (open when started). */
  atMs: number | null;
}

/** Path of the JSON array of chat sessions (ChatSessionEntry, by iteration of the chat scenario). */
export const CHAT_SESSIONS_FILE_ENV = 'HOTLINE_K6_CHAT_FILE';

export function chatSessionEntries(plan: ChatReplayPlan | undefined): ChatSessionEntry[] {
  if (plan === undefined) return [];
  return plan.sessions.map((session, n) => ({ ...session, atMs: plan.offsetsMs[n] ?? null }));
}

export function chatReplayConfig(plan: ChatReplayPlan): ChatReplayConfig {
  return {
    stages: plan.stages,
    preAllocatedVUs: plan.preAllocatedVUs,
    maxVUs: plan.maxVUs,
    cumulative: plan.cumulative,
    intervalIndex: plan.intervals.map((i) => i.index),
    sessionTimeoutMs: plan.sessionTimeoutMs,
    thresholdS: plan.thresholdS,
  };
}

/** Chat's k6 scenario: one WebSocket session per planned arrival, on its own stages. */
export function chatK6Scenario(
  config: ChatReplayConfig,
  replay: { timeUnitMs: number; leadMs: number },
): Record<string, unknown> {
  return arrivalRateScenario('chat', config, replay, config.sessionTimeoutMs);
}
