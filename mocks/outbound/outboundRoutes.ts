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
    state: { type: 'string', enum: ['dialling', ...DIAL_OUTCOMES] },
    endedAtS: { type: 'number', description: 'Model time it ended (absent while dialling).' },
  },
} as const;

/**
 * GET /v1/outbound/dials (what the model is dialling now) and GET /v1/outbound/dials/:id (one dial,
 * in progress or among the last 1,000 ended). Read-only: the model is the dialler.
 */
export function registerOutboundRoutes(app: FastifyInstance, outbound: OutboundService): void {
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
        params: {
          type: 'object',
          required: ['id'],
          properties: { id: { type: 'string', pattern: '^[0-9]{1,15}$', description: 'A dial id.' } },
        },
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
}
