import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { portalScenario } from '../../sim/channels/portal/testing.js';
import { listeningMocks } from '../testing/listeningMocks.js';
import { postOverSocket } from '../testing/postOverSocket.js';
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

describe('POST /v1/applications over a socket', () => {
  it('answers 415 for a wrong first file and 413 for a too big one, each followed by 8 MB of documents, then takes the next application', async () => {
    const { app, port, readToEnd } = await listeningMocks(portalScenario());
    apps.push(app);
    const exe = { name: 'documents', filename: 'scan.pdf', contentType: 'application/pdf', bytes: EXE(4096) };
    const bad = multipartBody([...GOOD_FIELDS, exe, pdfPart(PDF(4_000_000)), pdfPart(PDF(4_000_000))]);
    expect(await postOverSocket(port, '/v1/applications', bad.payload, bad.headers)).toBe(415);
    const tooBig = multipartBody([
      ...GOOD_FIELDS,
      pdfPart(PDF(MAX_DOCUMENT_BYTES + 1)),
      pdfPart(PDF(4_000_000)),
      pdfPart(PDF(4_000_000)),
    ]);
    expect(await postOverSocket(port, '/v1/applications', tooBig.payload, tooBig.headers)).toBe(413);
    const good = multipartBody([...GOOD_FIELDS, pdfPart()]);
    expect(await postOverSocket(port, '/v1/applications', good.payload, good.headers)).toBe(201);
    const state = (await app.inject({ url: '/v1/state' })).json();
    expect(state.portal.refused.wrongType).toBe(1);
    expect(state.portal.refused.tooBig).toBe(1);
    expect(state.portal.received).toBe(1);
    expect(readToEnd.slice(0, 3)).toEqual([true, true, true]);
  });
});
