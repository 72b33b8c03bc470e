import type { FastifyInstance } from 'fastify';
import { ErrorBodySchema, MockError } from '../errors.js';
import { DIAL_OUTCOMES, type OutboundService } from './OutboundService.js';

const DialSchema = {
  type: 'object',
  required: ['id', 'agent', 'attempt', 'startedAtS', 'state'],
  properties: {
    id: { type: 'integer' },
    agent: { type: 'integer', description: 'Agent who dials, 1-based.' },
    attempt: { type: 'integer', description: "The number's attempt: 1 for the first." },
    startedAtS: { type: 'number', description: 'Model time the dial started.' },
    state: {
      type: 'string',
      enum: ['dialling', 'ringing', 'talking', 'wrapUp', ...DIAL_OUTCOMES],
      description:
        "'dialling': the model decides its outcome (callees 'model'); with callees 'client' it rings, then is in talk, then in wrap-up; then how it ended.",
    },
    ring: { type: 'integer', description: "Callees 'client': its place among the dials rung (0, 1, ...)." },
    ringsOutAtS: { type: 'number', description: 'Model time it rings out unless answered.' },
    claimed: { type: 'boolean' },
    declined: { type: 'boolean' },
    answeredAtS: { type: 'number' },
    hungUpAtS: { type: 'number' },
    endsAtS: {
      type: 'number',
      description: 'Model time it ends (the end of wrap-up, or its ring-out once declined).',
    },
    endedAtS: { type: 'number', description: 'Model time it ended (absent while in progress).' },
  },
} as const;

/** The longest a claim waits for a dial to ring (wall ms). */
export const MAX_CLAIM_WAIT_MS = 30_000;

const DialIdParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', pattern: '^[0-9]{1,15}$', description: 'A dial id.' } },
} as const;

const CALLEE_ERRORS = {
  400: ErrorBodySchema,
  401: ErrorBodySchema,
  404: ErrorBodySchema,
  409: ErrorBodySchema,
};

/**
 * GET /v1/outbound/dials (what the model is dialling now) and GET /v1/outbound/dials/:id (one dial,
 * in progress or among the last 1,000 ended): the model is the dialler. With callees 'client', the
 * callee side: POST /v1/outbound/ringing/claim, then /v1/outbound/dials/:id/answer, /hangup or
 * /no-answer (409 when the dial is not in the state the action needs, or callees are the model's).
 * `firstContact`: a claim starts a clock that starts with the first contact.
 */
export function registerOutboundRoutes(
  app: FastifyInstance,
  outbound: OutboundService,
  firstContact: () => void,
): void {
  app.get(
    '/v1/outbound/dials',
    {
      schema: {
        summary: 'Outbound dials in progress',
        description:
          'The campaign dials on its own (the model is the dialler and decides each outcome); this lists what it is dialling at the model time now.',
        response: {
          200: {
            type: 'object',
            required: ['atS', 'dials'],
            properties: { atS: { type: 'number' }, dials: { type: 'array', items: DialSchema } },
          },
          401: ErrorBodySchema,
        },
      },
    },
    async () => outbound.dials(),
  );
  app.get<{ Params: { id: string } }>(
    '/v1/outbound/dials/:id',
    {
      schema: {
        summary: 'One outbound dial',
        params: DialIdParams,
        response: { 200: DialSchema, 400: ErrorBodySchema, 401: ErrorBodySchema, 404: ErrorBodySchema },
      },
    },
    async (request) => {
      const dial = outbound.dial(Number(request.params.id));
      if (dial === undefined)
        throw new MockError('not_found', `no dial ${request.params.id} in progress or among the last ended`);
      return dial;
    },
  );
  app.post<{ Body: { waitMs?: number; answer?: boolean } }>(
    '/v1/outbound/ringing/claim',
    {
      schema: {
        summary: 'Claim a ringing dial (callee side)',
        description:
          "Callees 'client': the oldest ringing dial nobody claimed, waiting up to waitMs (wall) for one to ring; 204 when none rang. The claimer answers or declines it.",
        body: {
          type: 'object',
          additionalProperties: false,
          properties: {
            waitMs: {
              type: 'integer',
              minimum: 0,
              maximum: MAX_CLAIM_WAIT_MS,
              description: 'Wall ms to wait for a dial to ring (default 0: reply at once).',
            },
            answer: {
              type: 'boolean',
              description:
                'Answer (true) or decline (false) the dial at the instant it is handed over; absent: only claim it.',
            },
          },
        },
        response: {
          200: DialSchema,
          204: { type: 'null' },
          400: ErrorBodySchema,
          401: ErrorBodySchema,
          409: ErrorBodySchema,
        },
      },
    },
    async (request, reply) => {
      firstContact();
      // A callee that goes away (its connection closed) stops waiting: no dial is handed to nobody.
      const gone = new AbortController();
      const onClose = () => {
        if (!reply.raw.writableFinished) gone.abort();
      };
      reply.raw.on('close', onClose);
      try {
        const { waitMs, answer } = request.body;
        const intent = answer === undefined ? undefined : answer ? 'answer' : 'decline';
        const dial = await outbound.claim(waitMs ?? 0, gone.signal, intent);
        if (dial === null) return reply.code(204).send();
        return dial;
      } finally {
        reply.raw.off('close', onClose);
      }
    },
  );
  const action = (path: string, summary: string, run: (id: number) => unknown) =>
    app.post<{ Params: { id: string } }>(
      `/v1/outbound/dials/:id/${path}`,
      { schema: { summary, params: DialIdParams, response: { 200: DialSchema, ...CALLEE_ERRORS } } },
      async (request) => run(Number(request.params.id)),
    );
  action('answer', 'Answer a claimed ringing dial (callee side)', (id) => outbound.answer(id));
  action('hangup', 'Hang up a dial in talk (callee side); the agent wraps up', (id) => outbound.hangUp(id));
  action('no-answer', 'Decline a claimed ringing dial; it rings out at its no-answer time', (id) =>
    outbound.noAnswer(id),
  );
}
