// Test support for the chat transport: scenarios with a chat channel, a client over injectWS. Not product code.
import type { FastifyInstance } from 'fastify';
import type { ScenarioModel } from '../../scenarios/ScenarioModel.js';
import type { ScenarioFile } from '../../scenarios/scenarioSchema.js';
import { scenarioModel } from '../../sim/testing/scenarioText.js';
import { untilTurns } from '../testing.js';

type ChatFile = NonNullable<ScenarioFile['channels']['chat']>;
type Group = { agents?: number; maxChats?: number };

/**
 * stationary-mmc with a chat channel served by its one agent group (phone and chat skills, `maxChats`
 * sessions at once, `agents` on duty around the clock); chat fields as given over 24/7 defaults
 * (100 sessions a day, one message, 90 s replies, 1 h patience, 85% within 60 s).
 */
export function withChat(chat: Partial<ChatFile> = {}, group: Group = {}): ScenarioModel {
  return chatScenario(chat, group, true);
}

/** A chat-only scenario (no phone channel): withChat's chat channel, one group with the chat skill. */
export function chatOnly(chat: Partial<ChatFile> = {}, group: Group = {}): ScenarioModel {
  return chatScenario(chat, group, false);
}

function chatScenario(chat: Partial<ChatFile>, group: Group, withPhone: boolean): ScenarioModel {
  return scenarioModel('stationary-mmc', (f) => {
    f.agents.groups[0] = {
      name: withPhone ? 'blended' : 'chat-desk',
      skills: withPhone ? ['phone', 'chat'] : ['chat'],
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
    if (!withPhone) delete (f.channels as { phone?: unknown }).phone;
  });
}

/**
 * Ends every socket of `app` from the server side (call it before app.close: over injectWS's streams
 * a closing handshake never completes, and the server would wait for it until avvio's timeout).
 */
export function terminateSockets(app: FastifyInstance): void {
  for (const socket of app.websocketServer.clients) socket.terminate();
}

/** A chat client over `app.injectWS` (no port): the frames it heard, in order, and how its socket closed. */
export async function chatSocket(app: FastifyInstance) {
  const frames: Record<string, unknown>[] = [];
  const closed: { code?: number } = {};
  const socket = await app.injectWS(
    '/v1/chat',
    {},
    {
      onInit: (ws) => {
        ws.on('message', (data) => frames.push(JSON.parse(String(data))));
        ws.on('close', (code) => {
          closed.code = code;
        });
      },
    },
  );
  return {
    socket,
    frames,
    closed,
    send: (frame: unknown) => socket.send(JSON.stringify(frame)),
    /** Waits (event-loop turns, no wall time) until `count` frames have come. */
    until: (count: number) =>
      untilTurns(
        () => frames.length >= count,
        () => `got ${frames.length} frames, expected ${count}: ${JSON.stringify(frames)}`,
      ),
  };
}
