import type { FastifyInstance } from 'fastify';
import type { ModelClock } from '../../sim/engine/ModelClock.js';
import { ErrorBodySchema, MockError } from '../errors.js';
import type { Faults } from '../faults.js';
import { CALL_OUTCOMES, type CallRequest, type CallResult } from '../phone/callTypes.js';
import type { PhoneService } from '../phone/PhoneService.js';
import { sleep } from '../sleep.js';

export interface CallsRouteOptions {
  acd: PhoneService;
  clock: ModelClock;
  faults: Faults;
  maxPendingCalls: number;
  retryAfterS: number;
  /** Aborted at shutdown, to cut injected latency short. */
  closing: AbortSignal;
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
      enum: ['shutdown'],
      description: 'Set when the mock stopped while holding the call.',
    },
    callId: { type: 'string' },
  },
} as const;

/**
 * POST /v1/calls: holds the request until the call is answered (at answer time, not after the
 * talk), abandoned, blocked, closed or self-served. Faults and the pending limit are checked first,
 * so a refused request never enters the model.
 */
export function registerCallsRoute(app: FastifyInstance, options: CallsRouteOptions): void {
  const { acd, clock, faults, closing } = options;
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
      const latencyMs = faults.latencyMs();
      const refusal = refusalFor(options, clock.nowS());
      if (refusal) {
        await sleep(latencyMs, closing);
        throw refusal;
      }
      // A caller who hangs up (closes the connection) before the answer leaves the queue as abandoned.
      const hungUp = new AbortController();
      reply.raw.on('close', () => {
        if (!reply.raw.writableFinished) hungUp.abort();
      });
      const result = await acd.offer(request.body ?? {}, hungUp.signal);
      await sleep(latencyMs, closing);
      return result;
    },
  );
}

/** Why the call is refused before it enters the model, or undefined. */
function refusalFor(options: CallsRouteOptions, modelTimeS: number): MockError | undefined {
  const { acd, faults, maxPendingCalls, retryAfterS } = options;
  if (acd.isShutDown) return new MockError('shutting_down', 'the mock is shutting down', retryAfterS);
  if (faults.inOutage(modelTimeS))
    return new MockError('outage', 'injected outage (model time)', retryAfterS);
  if (acd.pendingCalls >= maxPendingCalls) {
    return new MockError(
      'overloaded',
      `more than ${maxPendingCalls} calls held open; retry later`,
      retryAfterS,
    );
  }
  if (faults.injectError()) return new MockError('injected_error', 'injected error (errorRate)');
  return undefined;
}
