import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { stationary } from './phone/testing.js';
import { listeningMocks } from './testing/listeningMocks.js';
import { postOverSocket } from './testing/postOverSocket.js';

// Over a real socket (app.inject hands the body over whole): a JSON body over the mocks' limit, sent
// without Expect: 100-continue as k6 and fetch send it, must get its 413, not a reset. Found by
// `npm run probe` (a 5 MB body to /v1/calls, /v1/emails: "write EPIPE", no answer).
const apps: FastifyInstance[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((a) => a.close()));
});

describe('a body over the limit, over a socket', () => {
  it('is answered 413 with a JSON error after the body is read, and the next call is served', async () => {
    const { app, port, readToEnd } = await listeningMocks(stationary());
    apps.push(app);
    const body = Buffer.from(JSON.stringify({ callId: 'x'.repeat(5_000_000) }));
    for (let i = 0; i < 3; i++) {
      expect(await postOverSocket(port, '/v1/calls', body, { 'content-type': 'application/json' })).toBe(413);
    }
    expect(readToEnd).toEqual([true, true, true]);
  });
});
