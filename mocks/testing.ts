// Test support for the mocks: scenarios with changes, and a running app to poke. Not product code.
import type { FastifyInstance } from 'fastify';
import type { ScenarioModel } from '../scenarios/ScenarioModel.js';
import type { ScenarioFile } from '../scenarios/scenarioSchema.js';
import { scenarioModel } from '../sim/testing/scenarioText.js';

type PhoneFile = ScenarioFile['channels']['phone'];
type StaffingFile = ScenarioFile['agents']['groups'][number]['staffing'];

/**
 * stationary-mmc (14 agents, 100 calls / 30 min, AHT 180 s, patience 5 min) with phone fields
 * replaced; `staffing` replaces the staffing of its one agent group.
 */
export function stationary(changes: Partial<PhoneFile> & { staffing?: StaffingFile } = {}): ScenarioModel {
  const { staffing, ...phone } = changes;
  return scenarioModel('stationary-mmc', (f) => {
    Object.assign(f.channels.phone!, phone);
    if (staffing !== undefined) f.agents.groups[0]!.staffing = staffing;
  });
}

export interface Posted {
  statusCode: number;
  body: Record<string, unknown>;
  headers: Record<string, unknown>;
}

/** POST /v1/calls through inject. */
export async function postCall(
  app: FastifyInstance,
  payload: unknown = {},
  headers: Record<string, string> = {},
): Promise<Posted> {
  const response = await app.inject({
    method: 'POST',
    url: '/v1/calls',
    payload: payload as object,
    headers,
  });
  return { statusCode: response.statusCode, body: response.json(), headers: response.headers };
}

/**
 * Waits until `count` calls are held by the mock (requests through inject reach the handler a few
 * event-loop turns later). Counts turns, not milliseconds, so a busy machine cannot fail it.
 */
export async function untilHeld(app: FastifyInstance, count: number): Promise<void> {
  await untilTurns(
    () => app.hotline.acd!.pendingCalls >= count,
    () => `the mock holds ${app.hotline.acd!.pendingCalls} calls, expected ${count}`,
  );
}

/** Waits for `condition` over event-loop turns (I/O included), at most `maxTurns` of them. */
export async function untilTurns(
  condition: () => boolean,
  describe: () => string = () => 'condition not reached',
  maxTurns = 100_000,
): Promise<void> {
  for (let turn = 0; turn < maxTurns; turn++) {
    if (condition()) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
  throw new Error(describe());
}

type ChatFile = NonNullable<ScenarioFile['channels']['chat']>;

/**
 * stationary-mmc with a chat channel served by its one agent group (phone and chat skills, `maxChats`
 * sessions at once, `agents` on duty around the clock); chat fields as given over 24/7 defaults
 * (100 sessions a day, one message, 90 s replies, 1 h patience, 85% within 60 s).
 */
export function withChat(
  chat: Partial<ChatFile> = {},
  group: { agents?: number; maxChats?: number } = {},
): ScenarioModel {
  return scenarioModel('stationary-mmc', (f) => {
    f.agents.groups[0] = {
      name: 'blended',
      skills: ['phone', 'chat'],
      maxChats: group.maxChats ?? 1,
      staffing: { kind: 'constant', agents: group.agents ?? 1 },
    };
    f.channels.chat = {
      hours: '24/7',
      demand: { sessionsPerDay: 100, intradayShape: Array(48).fill(1) },
      messages: 1,
      replyTime: '90s',
      patience: '1h',
      targets: { firstResponse: { variant: 'slOffered', threshold: '60s', goal: 0.85 } },
      ...chat,
    };
  });
}

/** A chat-only scenario (no phone channel): withChat's chat channel, one group with the chat skill. */
export function chatOnly(
  chat: Partial<ChatFile> = {},
  group: { agents?: number; maxChats?: number } = {},
): ScenarioModel {
  return scenarioModel('stationary-mmc', (f) => {
    f.agents.groups[0] = {
      name: 'chat-desk',
      skills: ['chat'],
      maxChats: group.maxChats ?? 1,
      staffing: { kind: 'constant', agents: group.agents ?? 1 },
    };
    f.channels.chat = {
      hours: '24/7',
      demand: { sessionsPerDay: 100, intradayShape: Array(48).fill(1) },
      messages: 1,
      replyTime: '90s',
      patience: '1h',
      targets: { firstResponse: { variant: 'slOffered', threshold: '60s', goal: 0.85 } },
      ...chat,
    };
    delete (f.channels as { phone?: unknown }).phone;
  });
}
