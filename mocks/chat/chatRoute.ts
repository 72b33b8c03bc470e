import type { FastifyInstance } from 'fastify';
import type { WebSocket } from 'ws';
import type { ChannelFaults, FaultRefusal } from '../ChannelFaults.js';
import { ErrorBodySchema, MockError } from '../errors.js';
import type { ChatService } from './ChatService.js';
import {
  type ChatClientFrame,
  type ChatErrorCode,
  type ChatServerFrame,
  OUTAGE_CLOSE_CODE,
  parseClientFrame,
} from './chatFrames.js';
import { DelayedFrames } from './DelayedFrames.js';

export interface ChatRouteOptions {
  chat: ChatService;
  /** The chat channel's faults, applied to frames (the upgrade request is never faulted). */
  faults: ChannelFaults;
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
  'Injected faults (hotline mocks --latency, --error-rate, --outage): the opened and reply frames are each sent after a',
  'latency draw (later frames wait for them: the order holds); a valid client frame meets the error rate with',
  '{"type":"error","error":"injected_error"} and is not acted on; in the outage window (model time) an open frame on a',
  `socket without a session gets {"type":"error","error":"outage"} and the socket is closed with code ${OUTAGE_CLOSE_CODE}, and any other`,
  'frame gets that error frame and is not acted on (open sessions stay open; agent replies still come).',
  "Outcomes: closed = outside the answering hours; abandoned = no first reply (the model's patience in the queue, or the client closed before it);",
  'left = the client closed while a later reply was awaited; completed = the client closed after a reply.',
  "A dropped socket closes its session as the client's close would. Times are model seconds.",
].join(' ');

/** GET /v1/chat: the chat channel over a WebSocket; a plain GET (no upgrade) is 426. */
export function registerChatRoute(app: FastifyInstance, options: ChatRouteOptions): void {
  const { chat, faults } = options;
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
      const frames = new DelayedFrames((text) => {
        if (socket.readyState === socket.OPEN) socket.send(text);
      }, faults.timers);
      const send = (frame: ChatServerFrame, delayMs = 0) => frames.send(JSON.stringify(frame), delayMs);
      const error = (code: ChatErrorCode, message: string) => send({ type: 'error', error: code, message });
      /** A frame refused by a fault; an open frame in an outage also closes the socket. */
      const refuse = (frame: ChatClientFrame, refusal: FaultRefusal) => {
        if (refusal === 'injected_error') {
          error('injected_error', `injected error (errorRate): the ${frame.type} frame was not acted on`);
          return;
        }
        if (frame.type !== 'open' || session !== null) {
          error('outage', `injected outage (model time): the ${frame.type} frame was not acted on`);
          return;
        }
        frames.flush();
        error('outage', 'injected outage (model time): no new sessions; retry later');
        socket.close(OUTAGE_CLOSE_CODE, 'injected outage');
      };
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
        if (frame.type === 'open') options.onFirstContact?.();
        const refusal = faults.refusal();
        if (refusal !== null) {
          refuse(frame, refusal);
          return;
        }
        if (frame.type === 'open') {
          if (session !== null) {
            error('already_open', 'a session is open on this socket; close it first');
            return;
          }
          const opened = chat.open(
            {
              opened: (sessionId, atS) => send({ type: 'opened', sessionId, atS }, faults.latencyMs()),
              reply: (reply) => send({ type: 'reply', ...reply }, faults.latencyMs()),
              closed: (outcome, atS, reason) => {
                session = null;
                // The mocks stop: what latency still holds back goes out now, before the socket closes.
                if (reason === 'shutdown') frames.flush();
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
        frames.drop();
        if (session !== null) chat.drop(session);
        session = null;
      });
      socket.on('error', () => socket.terminate());
    },
  });
}
