import type { FastifyInstance } from 'fastify';
import { ErrorBodySchema, MockError } from '../errors.js';
import { EMAIL_STATUSES, type EmailService, type EmailStatus } from './EmailService.js';

const EmailStatusSchema = {
  type: 'object',
  required: ['id', 'status', 'receivedAtS', 'dueAtS'],
  properties: {
    id: { type: 'string', description: 'The e-mail id to poll (GET /v1/emails/:id).' },
    status: { type: 'string', enum: [...EMAIL_STATUSES] },
    receivedAtS: { type: 'number', description: 'Model time of receipt.' },
    dueAtS: {
      type: 'number',
      nullable: true,
      description:
        'Model time the target runs out: receipt + the target working time on the working-hours clock.',
    },
    openedAtS: { type: 'number', description: 'Model time an agent opened it.' },
    answeredAtS: { type: 'number', description: 'Model time the answer was sent.' },
    responseWorkingS: { type: 'number', description: 'Working seconds from receipt to the answer.' },
    agent: { type: 'integer', description: 'Agent who answered (1-based).' },
  },
} as const;

/** The submit body: what a resident's e-mail carries that the model looks at (nothing yet) or logs. */
const SubmitBodySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['from', 'subject'],
  properties: {
    from: { type: 'string', minLength: 3, maxLength: 320, pattern: '^[^@\\s]+@[^@\\s]+$' },
    subject: { type: 'string', minLength: 1, maxLength: 500 },
    body: { type: 'string', maxLength: 10_000 },
    emailId: { type: 'string', maxLength: 200, description: "The client's own id, for its logs." },
  },
} as const;

/**
 * POST /v1/emails (submit: 202 with the e-mail's id and status; 400 naming the field on a bad body)
 * and GET /v1/emails/:id (its status: queued, inProgress or answered, with model times).
 */
export function registerEmailsRoute(
  app: FastifyInstance,
  options: { email: EmailService; retryAfterS: number },
): void {
  const { email, retryAfterS } = options;
  app.post<{ Reply: EmailStatus }>(
    '/v1/emails',
    {
      schema: {
        summary: 'Submit an e-mail; poll its status with GET /v1/emails/:id',
        body: SubmitBodySchema,
        response: {
          202: EmailStatusSchema,
          400: ErrorBodySchema,
          401: ErrorBodySchema,
          503: ErrorBodySchema,
        },
      },
    },
    async (_request, reply) => {
      if (email.isShutDown) throw new MockError('shutting_down', 'the mock is shutting down', retryAfterS);
      return reply.code(202).send(email.submit());
    },
  );
  app.get<{ Params: { id: string }; Reply: EmailStatus }>(
    '/v1/emails/:id',
    {
      schema: {
        summary: "An e-mail's status",
        params: { type: 'object', properties: { id: { type: 'string', maxLength: 40 } } },
        response: { 200: EmailStatusSchema, 401: ErrorBodySchema, 404: ErrorBodySchema },
      },
    },
    async (request) => {
      const status = email.status(request.params.id);
      if (status === undefined) throw new MockError('not_found', `no e-mail ${request.params.id}`);
      return status;
    },
  );
}
