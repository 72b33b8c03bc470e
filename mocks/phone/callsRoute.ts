import type { FastifyInstance } from 'fastify';
import { ErrorBodySchema, MockError } from '../errors.js';
import { CALL_OUTCOMES, type CallRequest, type CallResult } from './callTypes.js';
import type { PhoneService } from './PhoneService.js';

export interface CallsRouteOptions {
  acd: PhoneService;
  maxPendingCalls: number;
  retryAfterS: number;
  /** Called with every outcome the model gives (tests and `hotline load` compare it with the client's). */
  onCallEnd?: (result: CallResult) => void;
}

const CallResultSchema = {
  type: 'object',
  required: ['outcome', 'waitS', 'waitMs', 'agent', 'interval', 'class', 'talkS'],
  properties: {
    outcome: { type: 'string', enum: [...CALL_OUTCOMES] },
    waitS: { type: 'number', description: 'Model seconds in queue.' },
    waitMs: { type: 'number', description: 'Wall milliseconds in queue.' },
    agent: { type: 'integer', nullable: true, description: 'Agent who answered; null unless answered.' },
    interval: { type: 'integer', description: 'Interval index at arrival.' },
    class: { type: 'string' },
    talkS: { type: 'number', nullable: true, description: 'Model seconds of talk; null unless answered.' },
    reason: {
      type: 'string',
      enum: ['shutdown', 'hangUp'],
      description:
        'Why an abandoned call ended other than by its patience: shutdown (the mock stopped) or hangUp ' +
        '(the caller closed the connection; nobody reads this reply).',
    },
    callId: { type: 'string' },
  },
} as const;

/** The contract of POST /v1/calls for any deployment `hotline load --target` measures (OpenAPI). */
export const CALLS_ROUTE_DESCRIPTION = [
  'Places one call. The request is held open while the call is in the IVR and in the queue; the',
  'response IS the answer: it is sent when an agent answers (not after the talk), so the client',
  'measures the wait as the time from sending to the response. Other outcomes come as 200 with',
  '`outcome`: `blocked` (busy signal: no trunk line free), `closed` (outside opening hours),',
  '`selfServed` (left in the IVR), `abandoned` (patience sent in `patienceS` ran out, or shutdown).',
  'The caller hangs up by closing the connection: the call ends as abandoned at that moment, frees',
  'its queue place and is never answered. A client that sends no `patienceS` hangs up itself (the',
  'mocks started by `hotline load` then apply no patience of their own). `waitS` and `outcome` are the',
  "server's own report, which `hotline load` records only as a cross-check of what it measured.",
  'Errors (4xx/5xx with `{code, message}`) are not call outcomes; 503 carries Retry-After.',
].join(' ');

/**
 * POST /v1/calls: holds the request until the call is answered (at answer time, not after the
 * talk), abandoned, blocked, closed or self-served. The pending limit is checked first (and the
 * faults before, by installHttpFaults), so a refused request never enters the model. A closed
 * connection is the caller hanging up.
 */
export function registerCallsRoute(app: FastifyInstance, options: CallsRouteOptions): void {
  const { acd } = options;
  const bodySchema = {
    type: 'object',
    additionalProperties: false,
    properties: {
      patienceS: {
        type: 'number',
        minimum: 0,
        description: 'Model seconds before abandoning (overrides the class).',
      },
      class: {
        type: 'string',
        enum: acd.classNames,
        description: 'Priority class; drawn from the shares when absent.',
      },
      callId: { type: 'string', maxLength: 200 },
    },
  };
  app.post<{ Body: CallRequest | undefined; Reply: CallResult }>(
    '/v1/calls',
    {
      schema: {
        summary: 'Place a call; the response comes when the call ends waiting',
        description: CALLS_ROUTE_DESCRIPTION,
        body: bodySchema,
        response: {
          200: CallResultSchema,
          400: ErrorBodySchema,
          401: ErrorBodySchema,
          413: ErrorBodySchema,
          500: ErrorBodySchema,
          503: ErrorBodySchema,
        },
      },
    },
    async (request, reply) => {
      const refusal = refusalFor(options);
      if (refusal) throw refusal;
      // A caller who hangs up (closes the connection) before the answer leaves the queue as abandoned.
      const hungUp = new AbortController();
      const onClose = () => {
        if (!reply.raw.writableFinished) hungUp.abort();
      };
      reply.raw.on('close', onClose);
      const result = await acd
        .offer(request.body ?? {}, hungUp.signal)
        .finally(() => reply.raw.off('close', onClose));
      options.onCallEnd?.(result);
      return result;
    },
  );
}

/** Why the call is refused before it enters the model, or undefined. */
function refusalFor(options: CallsRouteOptions): MockError | undefined {
  const { acd, maxPendingCalls, retryAfterS } = options;
  if (acd.isShutDown) return new MockError('shutting_down', 'the mock is shutting down', retryAfterS);
  if (acd.pendingCalls >= maxPendingCalls) {
    return new MockError(
      'overloaded',
      `more than ${maxPendingCalls} calls held open; retry later`,
      retryAfterS,
    );
  }
  return undefined;
}
