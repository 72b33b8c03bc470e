import type { FastifyInstance } from 'fastify';
import type { WebSocket } from 'ws';
import { ErrorBodySchema, MockError } from '../errors.js';
import type { ChatService } from './ChatService.js';
import { type ChatErrorCode, type ChatServerFrame, parseClientFrame } from './chatFrames.js';

export interface ChatRouteOptions {
  chat: ChatService;
  /** Called before the first session opens (starts the model clock when it starts with the first contact). */
  onFirstContact?: () => void;
}

/** The frame contract, in the OpenAPI description of the route and in README. */
export const CHAT_FRAMES_DESCRIPTION = [
  'WebSocket (upgrade with GET; bearer auth on the upgrade request, 401 before upgrading). One JSON object per text frame.',
  'Client: {"type":"open","sessionId"?:string} opens a session (one at a time per socket);',
  '{"type":"message"} sends the resident\'s next message (only after a reply);',
  '{"type":"close"} ends the session.',
  'Server: {"type":"opened","sessionId","atS"};',
  '{"type":"reply","message":n,"atS","agent","firstResponseS"?} (firstResponseS on message 1, model seconds);',
  '{"type":"closed","outcome":"closed"|"abandoned"|"left"|"completed","atS","reason"?:"shutdown"};',
  '{"type":"error","error":code,"message"} with code invalid_frame, unknown_type, already_open, not_open,',
  'not_waiting, shutting_down or overloaded (the socket stays open).',
  "Outcomes: closed = outside the answering hours; abandoned = no first reply (the model's patience in the queue, or the client closed before it);",
  'left = the client closed while a later reply was awaited; completed = the client closed after a reply.',
  "A dropped socket closes its session as the client's close would. Times are model seconds.",
].join(' ');

/** GET /v1/chat: the chat channel over a WebSocket; a plain GET (no upgrade) is 426. */
export function registerChatRoute(app: FastifyInstance, options: ChatRouteOptions): void {
  const { chat } = options;
  app.route({
    method: 'GET',
    url: '/v1/chat',
    schema: {
      summary: 'Chat sessions over a WebSocket',
      description: CHAT_FRAMES_DESCRIPTION,
      response: { 401: ErrorBodySchema, 426: ErrorBodySchema },
    },
    handler: async (_request, reply) => {
      reply.header('Upgrade', 'websocket');
      throw new MockError('upgrade_required', 'GET /v1/chat is a WebSocket: send Upgrade: websocket');
    },
    wsHandler: (socket: WebSocket) => {
      let session: number | null = null;
      const send = (frame: ChatServerFrame) => {
        if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(frame));
      };
      const error = (code: ChatErrorCode, message: string) => send({ type: 'error', error: code, message });
      socket.on('message', (data, isBinary) => {
        if (isBinary) {
          error('invalid_frame', 'send text frames (JSON)');
          return;
        }
        const frame = parseClientFrame(String(data));
        if (frame.type === 'error') {
          send(frame);
          return;
        }
        if (frame.type === 'open') {
          if (session !== null) {
            error('already_open', 'a session is open on this socket; close it first');
            return;
          }
          options.onFirstContact?.();
          const opened = chat.open(
            {
              opened: (sessionId, atS) => send({ type: 'opened', sessionId, atS }),
              reply: (reply) => send({ type: 'reply', ...reply }),
              closed: (outcome, atS, reason) => {
                session = null;
                send(
                  reason === undefined
                    ? { type: 'closed', outcome, atS }
                    : { type: 'closed', outcome, atS, reason },
                );
              },
            },
            frame.sessionId,
          );
          if (typeof opened === 'number') {
            // A session closed at once (outside the answering hours) has already ended.
            if (chat.isOpen(opened)) session = opened;
          } else
            error(
              opened,
              opened === 'overloaded' ? 'too many sessions open; retry later' : 'the mock is shutting down',
            );
          return;
        }
        if (session === null) {
          error('not_open', `no session is open: send {"type":"open"} before a ${frame.type} frame`);
          return;
        }
        if (frame.type === 'message') {
          const refusal = chat.message(session);
          if (refusal === 'not_waiting')
            error('not_waiting', 'the agent has not replied to the last message yet; wait for the reply');
          else if (refusal !== null) error(refusal, 'the mock is shutting down');
          return;
        }
        chat.close(session);
      });
      socket.on('close', () => {
        if (session !== null) chat.drop(session);
        session = null;
      });
      socket.on('error', () => socket.terminate());
    },
  });
}
