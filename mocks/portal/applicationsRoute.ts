import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import { MAX_DOCUMENTS } from '../../sim/channels/portal/portalLimits.js';
import { type ErrorIssue, MockError } from '../errors.js';
import { checkApplicationFields } from './checkApplicationFields.js';
import { documentKind } from './documentKind.js';
import type { PortalService } from './PortalService.js';

/** At most 5 MB per file (FACTS: portal-support), in bytes: 5 MiB. */
export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;
const MAX_FIELD_BYTES = 1024;
export const DOCUMENTS_FIELD = 'documents';

export const PORTAL_ROUTES = {
  submit: '/v1/applications',
  status: '/v1/applications/:id',
} as const;

export interface ApplicationsRouteOptions {
  readonly portal: PortalService;
  readonly onFirstContact: () => void;
  /** Every response of the portal's routes (the /metrics counter by route and status). */
  readonly onResponse: (route: string, statusCode: number) => void;
}

/**
 * POST /v1/applications (multipart/form-data: applicantName, birthDate yyyy-mm-dd, applicationType,
 * and the files under `documents`) and GET /v1/applications/:id. The route validates what the real
 * portal validates and hands the rest to the model: 415 for a file that is neither PDF nor JPEG by its
 * first bytes (an empty file, a .exe renamed .pdf), 413 for a file over 5 MB, 400 naming each bad or
 * missing field. Each refusal is counted by reason in the model; nothing a client sends crashes it.
 */
export function registerApplicationsRoute(app: FastifyInstance, options: ApplicationsRouteOptions): void {
  const { portal } = options;
  app.register(async (scope) => {
    await scope.register(multipart, {
      limits: {
        fileSize: MAX_DOCUMENT_BYTES,
        files: MAX_DOCUMENTS,
        fields: 10,
        parts: MAX_DOCUMENTS + 10,
        fieldSize: MAX_FIELD_BYTES,
      },
    });
    scope.addHook('onResponse', async (request, reply) => {
      options.onResponse(`${request.method} ${request.routeOptions.url ?? request.url}`, reply.statusCode);
    });
    scope.post(PORTAL_ROUTES.submit, async (request, reply) => {
      options.onFirstContact();
      const fields: Record<string, string> = {};
      const issues: ErrorIssue[] = [];
      let documents = 0;
      let fileIndex = 0;
      // The first refusal is answered only once the whole body is read: a client still sending
      // megabytes of documents after a bad first file would otherwise stall against a reader that
      // stopped (seen with k6: uploads hung until a timeout).
      let refusal: MockError | null = null;
      try {
        for await (const part of request.parts()) {
          if (refusal !== null) {
            if (part.type === 'file') part.file.resume();
            continue;
          }
          if (part.type !== 'file') {
            fields[part.fieldname] = String(part.value);
            continue;
          }
          const path = `/${part.fieldname}/${fileIndex++}`;
          const name = JSON.stringify(part.filename);
          let bytes: Buffer;
          try {
            bytes = await part.toBuffer();
          } catch (error) {
            if ((error as { code?: string }).code !== 'FST_REQ_FILE_TOO_LARGE') throw error;
            portal.refuse('tooBig');
            const message = `file ${name} in ${part.fieldname} is over 5 MB; allowed: at most ${MAX_DOCUMENT_BYTES} bytes per file`;
            refusal = new MockError('payload_too_large', message, undefined, [{ path, message }]);
            continue;
          }
          if (part.fieldname !== DOCUMENTS_FIELD) {
            issues.push({
              path: `/${part.fieldname}`,
              message: `unknown file field ${part.fieldname}; send files as ${DOCUMENTS_FIELD}`,
            });
            continue;
          }
          if (documentKind(bytes) === null) {
            portal.refuse('wrongType');
            const what = bytes.length === 0 ? 'is empty' : 'is neither a PDF nor a JPEG (by its content)';
            const message = `file ${name} in ${DOCUMENTS_FIELD} ${what}; allowed: PDF (%PDF-) or JPEG (FF D8 FF)`;
            refusal = new MockError('unsupported_media_type', message, undefined, [{ path, message }]);
            continue;
          }
          documents++;
        }
      } catch (error) {
        // After a file over the limit the parser may end the body with its own error: the refusal wins.
        throw refusal ?? multipartError(error);
      }
      if (refusal !== null) throw refusal;
      if (documents === 0)
        issues.push({
          path: `/${DOCUMENTS_FIELD}`,
          message: 'at least one document is required (PDF or JPEG, at most 5 MB)',
        });
      const checked = checkApplicationFields(fields, portal.applicationTypes);
      if ('issues' in checked) issues.unshift(...checked.issues);
      if (issues.length > 0 || !('fields' in checked)) {
        portal.refuse('badField');
        throw new MockError('invalid_request', issues.map((i) => i.message).join('; '), undefined, issues);
      }
      return reply.code(201).send(portal.submit(checked.fields.applicationType, documents));
    });
    scope.get<{ Params: { id: string } }>(PORTAL_ROUTES.status, async (request) => {
      const status = portal.status(request.params.id);
      if (status === null) throw new MockError('not_found', `no application ${request.params.id}`);
      return status;
    });
  });
}

/**
 * A body that is not multipart is the wrong media type; the plug-in's limits are payload limits; what
 * the parser throws on a broken body (busboy: "Unexpected end of form", a bad part header) is the
 * client's error, not the mock's.
 */
function multipartError(error: unknown): unknown {
  if (error instanceof MockError) return error;
  const { code, statusCode } = error as { code?: string; statusCode?: number };
  if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE')
    return new MockError('unsupported_media_type', 'send the application as multipart/form-data');
  if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT')
    return new MockError('payload_too_large', `too many parts; allowed: at most ${MAX_DOCUMENTS} documents`);
  if (statusCode !== undefined || !(error instanceof Error)) return error;
  const message = `the multipart body is malformed: ${error.message}`;
  return new MockError('invalid_request', message, undefined, [{ path: '', message }]);
}
