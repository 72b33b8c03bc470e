import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { drainRequestBody } from './drainRequestBody.js';

/**
 * Every error the mocks send, in one place (fastify's lib/errors.js lesson): a code, an HTTP status
 * and a message; always JSON `{ error, message, issues? }`, never a stack trace.
 */
export type MockErrorCode =
  | 'unauthorized'
  | 'invalid_request'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'not_found'
  | 'conflict'
  | 'upgrade_required'
  | 'injected_error'
  | 'overloaded'
  | 'outage'
  | 'shutting_down'
  | 'internal';

export interface ErrorIssue {
  /** JSON pointer into the request part, e.g. `/patienceS`; '' for the whole part. */
  path: string;
  message: string;
}

export interface MockErrorBody {
  error: MockErrorCode;
  message: string;
  issues?: ErrorIssue[];
}

const STATUS: Record<MockErrorCode, number> = {
  unauthorized: 401,
  invalid_request: 400,
  payload_too_large: 413,
  unsupported_media_type: 415,
  not_found: 404,
  conflict: 409,
  upgrade_required: 426,
  injected_error: 500,
  overloaded: 503,
  outage: 503,
  shutting_down: 503,
  internal: 500,
};

export class MockError extends Error {
  readonly statusCode: number;

  constructor(
    readonly code: MockErrorCode,
    message: string,
    /** Seconds for a Retry-After header (503s). */
    readonly retryAfterS?: number,
    readonly issues?: ErrorIssue[],
  ) {
    super(message);
    this.name = 'MockError';
    this.statusCode = STATUS[code];
  }

  toBody(): MockErrorBody {
    return this.issues === undefined
      ? { error: this.code, message: this.message }
      : { error: this.code, message: this.message, issues: this.issues };
  }
}

export const ErrorBodySchema = {
  type: 'object',
  required: ['error', 'message'],
  properties: {
    error: { type: 'string', description: 'Error code, e.g. unauthorized, invalid_request, overloaded.' },
    message: { type: 'string' },
    issues: {
      type: 'array',
      items: {
        type: 'object',
        required: ['path', 'message'],
        properties: { path: { type: 'string' }, message: { type: 'string' } },
      },
    },
  },
} as const;

/** Installs the JSON error and not-found handlers; `retryAfterS` is used for 503s that carry none. */
export function installErrorHandlers(app: FastifyInstance, retryAfterS: number): void {
  app.setErrorHandler(
    async (error: FastifyError | MockError, request: FastifyRequest, reply: FastifyReply) => {
      const mockError = toMockError(error);
      if (mockError.statusCode === 413) {
        await drainRequestBody(request.raw);
        reply.header('Connection', 'close');
      }
      if (mockError.code === 'internal') request.log.error({ err: error }, 'unexpected error');
      // A refused WebSocket upgrade (401 on GET /v1/chat) must not leave its socket open: nothing
      // else would ever be sent on it, and the server could not close while it is held.
      if (request.headers.upgrade !== undefined) reply.header('Connection', 'close');
      if (mockError.statusCode === 503 && !reply.hasHeader('retry-after')) {
        reply.header('Retry-After', String(mockError.retryAfterS ?? retryAfterS));
      }
      return reply.code(mockError.statusCode).type('application/json').send(mockError.toBody());
    },
  );
  app.setNotFoundHandler((request, reply) => {
    const error = new MockError('not_found', `no route ${request.method} ${request.url}`);
    return reply.code(404).send(error.toBody());
  });
}

/** Maps fastify's own errors (validation, body limit, under-pressure...) onto our codes. */
export function toMockError(error: FastifyError | MockError): MockError {
  if (error instanceof MockError) return error;
  if (error.validation) {
    const where = error.validationContext ?? 'body';
    const issues = error.validation.map((v) => ({
      path: issuePath(v.instancePath, v.params as Record<string, unknown>),
      message: `${where}${issuePath(v.instancePath, v.params as Record<string, unknown>)} ${v.message ?? 'is invalid'}`,
    }));
    return new MockError('invalid_request', issues.map((i) => i.message).join('; '), undefined, issues);
  }
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new MockError('payload_too_large', 'request body is too large');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new MockError('unsupported_media_type', 'send the body as application/json');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new MockError('invalid_request', 'body is not valid JSON', undefined, [
        { path: '', message: 'body is not valid JSON' },
      ]);
    case 'FST_UNDER_PRESSURE':
      return new MockError('overloaded', 'the mock is overloaded; retry later');
  }
  const status = error.statusCode ?? 500;
  if (error.name === 'SyntaxError' && status === 400) {
    return new MockError('invalid_request', 'body is not valid JSON', undefined, [
      { path: '', message: 'body is not valid JSON' },
    ]);
  }
  if (status >= 400 && status < 500) {
    // Other client errors keep their status through a generic code; their message is safe to show.
    const generic = new MockError('invalid_request', error.message);
    Object.defineProperty(generic, 'statusCode', { value: status });
    return generic;
  }
  return new MockError('internal', 'internal error in the mock');
}

/** The path of the offending field: ajv puts missing and extra properties in params, not the path. */
function issuePath(instancePath: string, params: Record<string, unknown>): string {
  const field = params.missingProperty ?? params.additionalProperty;
  return typeof field === 'string' ? `${instancePath}/${field}` : instancePath;
}
