import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { checkinScenario, quietCheckin } from '../../sim/channels/checkin/testing.js';
import { listeningMocks } from '../testing/listeningMocks.js';
import { postOverSocket } from '../testing/postOverSocket.js';
import { BOUNDARY, fakeJpeg, multipartBody } from './testing.js';

// Over a real socket on 127.0.0.1: a photo over the 5 MB limit is refused with 413 only once the
// route has read the whole body, so a client still sending the rest of it gets its answer instead of
// stalling against a reader that stopped. Truth: each finished response's request was read to the end.
const apps: FastifyInstance[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((a) => a.close()));
});

describe('POST /v1/checkins over a socket', () => {
  it('answers 413 for a 12 MB photo after reading it through, then takes the next check-in', async () => {
    const { app, port, readToEnd } = await listeningMocks(checkinScenario(quietCheckin(), { reviewers: 1 }));
    apps.push(app);
    const headers = { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` };
    const huge = multipartBody({ photo: { bytes: fakeJpeg(12 * 1024 * 1024) } });
    expect(await postOverSocket(port, '/v1/checkins', huge, headers)).toBe(413);
    expect(await postOverSocket(port, '/v1/checkins', multipartBody(), headers)).toBe(202);
    expect(readToEnd.slice(0, 2)).toEqual([true, true]);
  });
});
