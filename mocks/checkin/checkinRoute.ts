import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import { ErrorBodySchema, MockError } from '../errors.js';
import type { CheckinService, CheckinState } from './CheckinService.js';
import { readCheckinUpload } from './readCheckinUpload.js';

export interface CheckinRouteOptions {
  readonly checkin: CheckinService;
  readonly maxPhotoBytes: number;
  /** Counts every answer to an upload by HTTP status (the transport's /metrics). */
  readonly countUpload: (statusCode: number) => void;
  readonly onFirstContact: () => void;
}

const StateSchema = {
  type: 'object',
  required: ['id', 'status', 'submittedAtS', 'updatedAtS'],
  properties: {
    id: { type: 'string' },
    personId: { type: 'string' },
    promptId: { type: 'string' },
    status: { type: 'string', enum: ['pending', 'underReview', 'verified', 'failed'] },
    mode: { type: 'string', description: 'Why it failed (failed only).' },
    submittedAtS: { type: 'number' },
    updatedAtS: { type: 'number' },
  },
} as const;

/**
 * POST /v1/checkins (multipart: photo, lat, lon, personId, promptId) and GET /v1/checkins/:id, in
 * their own encapsulated scope: the multipart parser is registered for these routes only, so other
 * transports keep theirs (and their body limit).
 */
export function registerCheckinRoutes(app: FastifyInstance, options: CheckinRouteOptions): void {
  const { checkin, maxPhotoBytes, countUpload, onFirstContact } = options;
  app.register(async (scope) => {
    await scope.register(multipart, {
      limits: { fileSize: maxPhotoBytes, files: 2, fields: 8, parts: 10, fieldSize: 1024 },
    });
    scope.addHook('onResponse', async (request, reply) => {
      if (request.method === 'POST') countUpload(reply.statusCode);
    });
    scope.post(
      '/v1/checkins',
      {
        schema: {
          description:
            'Submit a check-in: multipart/form-data with a JPEG selfie (file field photo) and the fields lat, lon, personId, promptId. The model verifies it; poll its status.',
          response: { 202: StateSchema, 400: ErrorBodySchema, 413: ErrorBodySchema, 415: ErrorBodySchema },
        },
      },
      async (request, reply) => {
        if (checkin.isShutDown) throw new MockError('shutting_down', 'the mocks are shutting down');
        const upload = await readCheckinUpload(request, maxPhotoBytes);
        onFirstContact();
        const state = checkin.submit(upload.personId, upload.promptId);
        return reply.code(202).header('Location', `/v1/checkins/${state.id}`).send(state);
      },
    );
    scope.get<{ Params: { id: string } }>(
      '/v1/checkins/:id',
      { schema: { response: { 200: StateSchema, 404: ErrorBodySchema } } },
      async (request): Promise<CheckinState> => {
        const state = checkin.status(request.params.id);
        if (state === null) throw new MockError('not_found', `no check-in ${request.params.id}`);
        return state;
      },
    );
  });
}
