import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { portalScenario } from '../../sim/channels/portal/testing.js';
import { ManualTime } from '../../sim/testing/ManualTime.js';
import { buildMocks } from '../buildMocks.js';
import { MAX_DOCUMENT_BYTES } from './applicationsRoute.js';
import { EXE, GOOD_FIELDS, multipartBody, PDF, pdfPart } from './testing.js';

// Over a real socket on 127.0.0.1 (app.inject hands the route the whole body at once, so it cannot
// show this): a refusal found early in a body (a wrong file type first, megabytes of documents after
// it) must still reach a client that keeps sending. The route reads the rest of the body before it
// answers, so the client's writes never stall against a reader that stopped (k6's uploads hung until
// their timeout). Truth: when each response is finished, its request was read to the end.
const apps: FastifyInstance[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((a) => a.close()));
});

/**
 * POST the body in 64 KB writes, each after the previous one drained; resolves with the status code
 * as soon as the answer comes (then stops sending: a server that answered early is not waited for).
 */
function post(port: number, payload: Buffer, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, method: 'POST', path: '/v1/applications', headers },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
        req.destroy();
      },
    );
    req.on('error', (error) => {
      if (!req.destroyed) reject(error);
    });
    let at = 0;
    const write = () => {
      while (at < payload.length) {
        const chunk = payload.subarray(at, at + 65_536);
        at += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', write);
      }
      req.end();
    };
    write();
  });
}

describe('POST /v1/applications over a socket', () => {
  it('answers 415 for a wrong first file and 413 for a too big one, each followed by 8 MB of documents, then takes the next application', async () => {
    const time = new ManualTime();
    const app = await buildMocks(portalScenario(), {
      timeScale: 60,
      wallNowMs: time.wallNowMs,
      timers: time,
    });
    apps.push(app);
    await app.listen({ host: '127.0.0.1', port: 0 });
    const readToEnd: boolean[] = [];
    app.server.on('request', (req, res) => res.on('finish', () => readToEnd.push(req.complete)));
    const { port } = app.server.address() as AddressInfo;
    const exe = { name: 'documents', filename: 'scan.pdf', contentType: 'application/pdf', bytes: EXE(4096) };
    const bad = multipartBody([...GOOD_FIELDS, exe, pdfPart(PDF(4_000_000)), pdfPart(PDF(4_000_000))]);
    expect(await post(port, bad.payload, bad.headers)).toBe(415);
    const tooBig = multipartBody([
      ...GOOD_FIELDS,
      pdfPart(PDF(MAX_DOCUMENT_BYTES + 1)),
      pdfPart(PDF(4_000_000)),
      pdfPart(PDF(4_000_000)),
    ]);
    expect(await post(port, tooBig.payload, tooBig.headers)).toBe(413);
    const good = multipartBody([...GOOD_FIELDS, pdfPart()]);
    expect(await post(port, good.payload, good.headers)).toBe(201);
    const state = (await app.inject({ url: '/v1/state' })).json();
    expect(state.portal.refused.wrongType).toBe(1);
    expect(state.portal.refused.tooBig).toBe(1);
    expect(state.portal.received).toBe(1);
    expect(readToEnd.slice(0, 3)).toEqual([true, true, true]);
  });
});
