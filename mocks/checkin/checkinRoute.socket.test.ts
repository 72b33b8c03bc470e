import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { checkinScenario, quietCheckin } from '../../sim/channels/checkin/testing.js';
import { ManualTime } from '../../sim/testing/ManualTime.js';
import { buildMocks } from '../buildMocks.js';
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
    const time = new ManualTime();
    const app = await buildMocks(checkinScenario(quietCheckin(), { reviewers: 1 }), {
      timeScale: 60,
      wallNowMs: time.wallNowMs,
      timers: time,
      // A loaded machine delays the event loop past under-pressure's second: its 503 is not this test's.
      pressure: { maxEventLoopDelay: 0 },
    });
    apps.push(app);
    await app.listen({ host: '127.0.0.1', port: 0 });
    const readToEnd: boolean[] = [];
    app.server.on('request', (req, res) => res.on('finish', () => readToEnd.push(req.complete)));
    const { port } = app.server.address() as AddressInfo;
    const headers = { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` };
    const huge = multipartBody({ photo: { bytes: fakeJpeg(12 * 1024 * 1024) } });
    expect(await postOverSocket(port, '/v1/checkins', huge, headers)).toBe(413);
    expect(await postOverSocket(port, '/v1/checkins', multipartBody(), headers)).toBe(202);
    expect(readToEnd.slice(0, 2)).toEqual([true, true]);
  });
});
