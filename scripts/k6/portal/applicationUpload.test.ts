import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { buildMocks } from '../../../mocks/buildMocks.js';
import { MAX_DOCUMENT_BYTES } from '../../../mocks/portal/applicationsRoute.js';
import { documentKind } from '../../../mocks/portal/documentKind.js';
import { portalScenario } from '../../../sim/channels/portal/testing.js';
import { ManualTime } from '../../../sim/testing/ManualTime.js';
import {
  applicationUpload,
  documentBytes,
  type UploadedApplication,
  usStyleDate,
} from './applicationUpload.js';
import { PORTAL_MAX_DOCUMENT_BYTES } from './portalApplications.js';
import { checkedStage, plannedOutcome, receiptId, submissionOutcome } from './portalResponses.js';

// The replay's multipart bodies against the mocks' own route (app.inject, a hand-moved clock): the
// truth is the route's validation, which the replay's bad uploads must reach reason by reason.
const apps: FastifyInstance[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((a) => a.close()));
});

async function portalMocks() {
  const time = new ManualTime();
  const app = await buildMocks(portalScenario(), { timeScale: 60, wallNowMs: time.wallNowMs, timers: time });
  apps.push(app);
  await app.ready();
  const post = (application: UploadedApplication, n: number) => {
    const upload = applicationUpload(application, `run-1-applicant-${n}`, `hotline-portal-run-1-${n}`);
    return app.inject({
      method: 'POST',
      url: '/v1/applications',
      payload: Buffer.from(upload.body),
      headers: { 'content-type': upload.contentType },
    });
  };
  return { app, post };
}

const valid: UploadedApplication = {
  type: 'benefit',
  documents: [
    { kind: 'pdf', bytes: 300_000 },
    { kind: 'jpeg', bytes: 150_000 },
    { kind: 'pdf', bytes: 2_000 },
  ],
  refusal: null,
  birthDate: '1984-12-31',
};

describe('applicationUpload: the replay submission as the portal mock reads it', () => {
  it('a valid application is received (201) with every document counted, and its status can be checked', async () => {
    const { app, post } = await portalMocks();
    const res = await post(valid, 0);
    expect(res.statusCode).toBe(201);
    expect(submissionOutcome(res.statusCode)).toBe('received');
    expect(res.json()).toMatchObject({ applicationType: 'benefit', documents: 3, status: 'received' });
    const id = receiptId(res.body);
    expect(id).toBe('A-1');
    const check = await app.inject({ url: `/v1/applications/${id}` });
    expect(checkedStage(check.statusCode, check.body)).toBe('received');
    const missing = await app.inject({ url: '/v1/applications/A-99' });
    expect(checkedStage(missing.statusCode, missing.body)).toBe('error');
  });

  it('each deliberately bad upload gets its status and reason: 415 wrong type, 413 over 5 MB, 400 naming birthDate', async () => {
    const { app, post } = await portalMocks();
    const bad = (refusal: UploadedApplication['refusal'], documents = valid.documents) => ({
      ...valid,
      refusal,
      documents,
    });
    const wrongType = await post(bad('wrongType', [{ kind: 'text', bytes: 4000 }, ...valid.documents]), 1);
    expect(wrongType.statusCode).toBe(415);
    const tooBig = await post(bad('tooBig', [{ kind: 'pdf', bytes: PORTAL_MAX_DOCUMENT_BYTES + 65_536 }]), 2);
    expect(tooBig.statusCode).toBe(413);
    const badField = await post(bad('badField'), 3);
    expect(badField.statusCode).toBe(400);
    expect(badField.json().issues).toEqual([expect.objectContaining({ path: '/birthDate' })]);
    expect(badField.json().issues[0].message).toContain('"12/31/1984"');
    for (const [res, refusal] of [
      [wrongType, 'wrongType'],
      [tooBig, 'tooBig'],
      [badField, 'badField'],
    ] as const)
      expect(submissionOutcome(res.statusCode)).toBe(plannedOutcome(refusal));
    const state = (await app.inject({ url: '/v1/state' })).json();
    expect(state.portal.refused).toEqual({ wrongType: 1, tooBig: 1, badField: 1 });
    expect(state.portal.received).toBe(0);
  });

  it("the replay's limit is the mock's, and a document at exactly the limit is received", async () => {
    expect(PORTAL_MAX_DOCUMENT_BYTES).toBe(MAX_DOCUMENT_BYTES);
    const { post } = await portalMocks();
    const res = await post({ ...valid, documents: [{ kind: 'jpeg', bytes: PORTAL_MAX_DOCUMENT_BYTES }] }, 4);
    expect(res.statusCode).toBe(201);
  });

  it('documents have their planned size and kind; text is neither PDF nor JPEG; dates go mm/dd/yyyy', () => {
    for (const kind of ['pdf', 'jpeg', 'text'] as const) {
      const bytes = documentBytes({ kind, bytes: 12_345 });
      expect(bytes.length).toBe(12_345);
      expect(documentKind(bytes)).toBe(kind === 'text' ? null : kind);
    }
    expect(usStyleDate('2024-12-31')).toBe('12/31/2024');
  });
});
