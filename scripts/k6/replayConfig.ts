// What phoneReplay.ts reads at init: the compiled profile plus where to send the calls. Free of k6
// imports, so it is unit-tested in Node (the k6 options object is built from it in k6Options.ts).

import { type CallAdapter, resolveAdapter } from './callAdapter.js';
import type { ChatSessionPlan } from './chatSessions.js';
import type { K6Stage, ReplayProfile } from './compileProfile.js';
import type { RetrialConfig } from './phoneCalls.js';

export interface ReplayConfig {
  /** Base URL of the ACD, e.g. http://127.0.0.1:4100 (no trailing slash). */
  target: string;
  /** Name of the environment variable holding a bearer token, or null for none. */
  tokenEnv: string | null;
  /** Prefix of the callIds, so a target can tell runs apart. */
  runId: string;
  timeUnitMs: number;
  stages: K6Stage[];
  preAllocatedVUs: number;
  maxVUs: number;
  thresholds: Record<string, string[]>;
  /** Whether the phone scenario runs (the scenario has a phone channel). */
  phone: boolean;
  /** See ReplayProfile.cumulative. */
  cumulative: number[];
  /** Scenario interval index of each window interval. */
  intervalIndex: number[];
  /**
   * Whether calls follow an arrival schedule (ReplayProfile.offsetsMs). The callers (their arrival
   * instants, patience, class and retrial draws: ReplayProfile.callers) travel in their own JSON file
   * (CALLERS_FILE_ENV) that k6 loads once into a SharedArray, not into every VU.
   */
  scheduled: boolean;
  /** How calls are placed and replies read (the mocks' contract unless --adapter says otherwise). */
  adapter: CallAdapter;
  leadMs: number;
  requestTimeoutMs: number;
  slThresholdS: number;
  timeScale: number;
  /** Callers who call again, as the scenario says; null when the scenario has no retrials. */
  retrial: RetrialConfig | null;
  /** Wall ms after the scenario start at which each window interval begins (lead included). */
  intervalWallStartMs: number[];
  /** Wall ms after the scenario start at which the window ends (lead included). */
  windowEndWallMs: number;
  /** The chat replay (a second k6 scenario, `exec: 'chat'`); null when the scenario has no chat. */
  chat: ChatReplayConfig | null;
}

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

export function chatSessionEntries(profile: ReplayProfile): ChatSessionEntry[] {
  const chat = profile.chat;
  if (chat === null) return [];
  return chat.sessions.map((plan, n) => ({ ...plan, atMs: chat.offsetsMs[n] ?? null }));
}

/** Environment variables the script reads (passed with `-e NAME=value`). */
export const CONFIG_ENV = 'HOTLINE_K6_CONFIG';
export const CONFIG_FILE_ENV = 'HOTLINE_K6_CONFIG_FILE';
/** Path of the JSON array of callers (CallerPlan, by iteration). */
export const CALLERS_FILE_ENV = 'HOTLINE_K6_CALLERS_FILE';
/** Path of the JSON array of chat sessions (ChatSessionEntry, by iteration of the chat scenario). */
export const CHAT_SESSIONS_FILE_ENV = 'HOTLINE_K6_CHAT_FILE';
export const SCENARIO_NAME = 'phone';
export const CHAT_SCENARIO_NAME = 'chat';

export function replayConfig(
  profile: ReplayProfile,
  target: string,
  tokenEnv: string | null,
  runId: string,
  adapter: CallAdapter = resolveAdapter(),
): ReplayConfig {
  return {
    target: target.replace(/\/+$/, ''),
    tokenEnv,
    runId,
    timeUnitMs: profile.timeUnitMs,
    stages: profile.stages,
    preAllocatedVUs: profile.preAllocatedVUs,
    maxVUs: profile.maxVUs,
    thresholds: profile.thresholds,
    phone: profile.phone,
    cumulative: profile.cumulative,
    intervalIndex: profile.intervals.map((i) => i.index),
    scheduled: profile.offsetsMs.length > 0,
    adapter,
    leadMs: profile.leadMs,
    requestTimeoutMs: profile.requestTimeoutMs,
    slThresholdS: profile.slThresholdS,
    timeScale: profile.timeScale,
    retrial: profile.retrial,
    intervalWallStartMs: profile.intervals.map((_, k) => wallStart(profile, k)),
    windowEndWallMs: wallStart(profile, profile.intervals.length),
    chat:
      profile.chat === null
        ? null
        : {
            stages: profile.chat.stages,
            preAllocatedVUs: profile.chat.preAllocatedVUs,
            maxVUs: profile.chat.maxVUs,
            cumulative: profile.chat.cumulative,
            intervalIndex: profile.chat.intervals.map((i) => i.index),
            sessionTimeoutMs: profile.chat.sessionTimeoutMs,
            thresholdS: profile.chat.thresholdS,
          },
  };
}

function wallStart(profile: ReplayProfile, k: number): number {
  return profile.leadMs + profile.intervals.slice(0, k).reduce((sum, i) => sum + i.wallMs, 0);
}
