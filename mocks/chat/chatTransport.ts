import { checkNumberOption } from '../checkNumberOption.js';
import { prometheusCounters } from '../prometheusCounters.js';
import { prometheusGauge } from '../prometheusGauge.js';
import type { TransportPlugin } from '../TransportPlugin.js';
import { CHAT_OUTCOMES, ChatService } from './ChatService.js';
import { registerChatRoute } from './chatRoute.js';

/** The chat transport's fields of the mocks' options. */
export interface ChatTransportOptions {
  /** Chat sessions open at once before new ones get an `overloaded` error frame (default 100000). */
  maxChatSessions?: number;
}

const MAX_CHAT_SESSIONS = 100_000;
const CHAT_ROUTE = 'GET  /v1/chat    WebSocket: open a chat session, post messages, get agent replies';

/** Chat sessions over a WebSocket (GET /v1/chat); its part of /v1/state is under `chat`; faults on frames. */
export const chatTransport: TransportPlugin<'chat', ChatTransportOptions, ChatService> = {
  channel: 'chat',
  stateProperties: {
    chat: {
      type: 'object',
      description: 'The chat channel (absent when the scenario has none).',
      properties: {
        queued: { type: 'integer', description: 'Sessions waiting for an agent.' },
        inProgress: { type: 'integer', description: 'Sessions held by an agent.' },
        open: { type: 'integer', description: 'Sessions open over WebSockets.' },
        sessions: {
          type: 'object',
          description: 'Sessions ended, by outcome.',
          properties: Object.fromEntries(CHAT_OUTCOMES.map((o) => [o, { type: 'integer' }])),
        },
      },
    },
  },
  faultsOnFrames: true,
  checkOptions(options, issues) {
    checkNumberOption('maxChatSessions', options.maxChatSessions, 0, true, issues);
  },
  build({ app, model, options, faults, firstContact }) {
    const chat = new ChatService(model, options.maxChatSessions ?? MAX_CHAT_SESSIONS);
    registerChatRoute(app, { chat, faults, onFirstContact: firstContact });
    return {
      service: chat,
      routes: [CHAT_ROUTE],
      state: () => ({ chat: chat.snapshot() }),
      metricLines: () => {
        const state = chat.snapshot();
        return [
          ...prometheusGauge(
            'hotline_chat_queue_length',
            'Chat sessions waiting for an agent.',
            state.queued,
          ),
          ...prometheusGauge(
            'hotline_chat_sessions_in_progress',
            'Chat sessions held by an agent.',
            state.inProgress,
          ),
          ...prometheusGauge('hotline_chat_sessions_open', 'Chat sessions open over WebSockets.', state.open),
          ...prometheusCounters(
            'hotline_chat_sessions_total',
            'Chat sessions ended, by outcome.',
            state.sessions,
            CHAT_OUTCOMES,
          ),
          ...chat.replyLateness.text(
            'hotline_chat_reply_lateness_seconds',
            'Wall time between a chat reply model instant and its frame going out (what the mock adds).',
          ),
        ];
      },
    };
  },
};
