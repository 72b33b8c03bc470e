import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { MockError } from './errors.js';

/**
 * Bearer-token auth on every route except those marked `config: { public: true }` (/health).
 * Compared in constant time so the mock does not teach clients the token byte by byte.
 */
export function installBearerAuth(app: FastifyInstance, token: string): void {
  const expected = Buffer.from(`Bearer ${token}`);
  app.addHook('onRequest', async (request) => {
    const config = request.routeOptions.config as { public?: boolean } | undefined;
    if (config?.public === true) return;
    const header = request.headers.authorization;
    if (header === undefined)
      throw new MockError('unauthorized', 'missing bearer token (Authorization: Bearer <token>)');
    const given = Buffer.from(header);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw new MockError('unauthorized', 'wrong bearer token');
    }
  });
}
