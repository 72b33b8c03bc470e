import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_DOCUMENTS } from '../../sim/channels/portal/portalLimits.js';
import { portalScenario } from '../../sim/channels/portal/testing.js';
import { ManualTime } from '../../sim/testing/ManualTime.js';
import { buildMocks } from '../buildMocks.js';
import { MAX_DOCUMENT_BYTES } from './applicationsRoute.js';
import { EXE, GOOD_FIELDS, JPEG, multipartBody, type Part, PDF, pdfPart } from './testing.js';

// POST /v1/applications and GET /v1/applications/:id through app.inject, with multipart bodies built
// by hand and a hand-moved clock: 1 wall second = 1 model hour. The scenario starts on Monday
// 2021-03-01; every application takes 3 working days, so one received Monday 00:00 is decided
// Thursday 00:00 (model time 259,200 s) and its documents are checked Tuesday 00:00 (86,400 s).
const SCALE = 3600;
const apps: FastifyInstance[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((a) => a.close()));
});

async function portalMocks() {
  const time = new ManualTime();
  const scenario = portalScenario((f) => {
    f.channels.portal.applicationTypes[0]!.decisionDays = 3;
  });
  const app = await buildMocks(scenario, { timeScale: SCALE, wallNowMs: time.wallNowMs, timers: time });
  apps.push(app);
  const post = (parts: readonly Part[]) =>
    app.inject({ method: 'POST', url: '/v1/applications', ...multipartBody(parts) });
  return { app, time, post, advanceModelS: (s: number) => time.advance((s / SCALE) * 1000) };
}

describe('POST /v1/applications', () => {
  it('receives a valid application with a PDF and a JPEG; its status follows the model', async () => {
    const { app, post, advanceModelS } = await portalMocks();
    const jpeg: Part = { name: 'documents', filename: 'photo.jpg', contentType: 'image/jpeg', bytes: JPEG() };
    const res = await post([...GOOD_FIELDS, pdfPart(), jpeg]);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({
      applicationId: 'A-1',
      applicationType: 'benefit',
      status: 'received',
      receivedAtS: 0,
      documents: 2,
      deadlineWorkingDays: 3,
    });
    const status = async () => (await app.inject({ url: '/v1/applications/A-1' })).json();
    expect(await status()).toMatchObject({ status: 'received', documentsCheckedAtS: null, decidedAtS: null });
    advanceModelS(86_400);
    expect(await status()).toMatchObject({ status: 'documentsChecked', documentsCheckedAtS: 86_400 });
    advanceModelS(3 * 86_400 - 86_400 - 1);
    expect(await status()).toMatchObject({ status: 'documentsChecked', decidedAtS: null });
    advanceModelS(1);
    expect(await status()).toMatchObject({
      status: 'decided',
      decidedAtS: 259_200,
      decisionWorkingDays: 3,
      onTime: true,
    });
    const counters = app.hotline.model.run.processes.portal!.counters;
    expect(counters.received.reduce((a, b) => a + b, 0)).toBe(1);
    expect(counters.decided.reduce((a, b) => a + b, 0)).toBe(1);
    expect(counters.statusChecks.reduce((a, b) => a + b, 0)).toBe(4);
  });

  it('takes a file of exactly 5 MB', async () => {
    const { post } = await portalMocks();
    const res = await post([...GOOD_FIELDS, pdfPart(PDF(MAX_DOCUMENT_BYTES))]);
    expect(res.statusCode).toBe(201);
  });

  it('takes as many files as the scenario may draw (the portal limit), and 413 for one more', async () => {
    const { post } = await portalMocks();
    const files = (n: number) => Array.from({ length: n }, (_, i) => pdfPart(PDF(100), `page${i}.pdf`));
    const most = await post([...GOOD_FIELDS, ...files(MAX_DOCUMENTS)]);
    expect(most.statusCode).toBe(201);
    expect(most.json()).toMatchObject({ documents: MAX_DOCUMENTS });
    const tooMany = await post([...GOOD_FIELDS, ...files(MAX_DOCUMENTS + 1)]);
    expect(tooMany.statusCode).toBe(413);
    expect(tooMany.json()).toMatchObject({
      message: expect.stringContaining(`at most ${MAX_DOCUMENTS} documents`),
    });
  });

  it('413 for a file over 5 MB, naming the file and its place', async () => {
    const { post } = await portalMocks();
    const res = await post([...GOOD_FIELDS, pdfPart(), pdfPart(PDF(MAX_DOCUMENT_BYTES + 1), 'scan.pdf')]);
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({
      error: 'payload_too_large',
      message: expect.stringMatching(/"scan.pdf" in documents is over 5 MB/),
      issues: [{ path: '/documents/1' }],
    });
  });

  it.each([
    ['a .exe renamed .pdf', EXE(), 'form.pdf', /neither a PDF nor a JPEG/],
    [
      'a .txt',
      new TextEncoder().encode('my passport number is ...'),
      'notes.txt',
      /neither a PDF nor a JPEG/,
    ],
    ['an empty file', new Uint8Array(0), 'empty.pdf', /is empty/],
  ])('415 for %s', async (_what, bytes, filename, message) => {
    const { post } = await portalMocks();
    const res = await post([...GOOD_FIELDS, pdfPart(bytes, filename)]);
    expect(res.statusCode).toBe(415);
    expect(res.json()).toMatchObject({
      error: 'unsupported_media_type',
      message: expect.stringMatching(message),
      issues: [{ path: '/documents/0' }],
    });
  });

  it('400 naming birthDate for 12/31/2024, with the allowed format', async () => {
    const { post } = await portalMocks();
    const res = await post([
      { name: 'applicantName', value: 'Anna Ivanova' },
      { name: 'birthDate', value: '12/31/2024' },
      { name: 'applicationType', value: 'benefit' },
      pdfPart(),
    ]);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({
      error: 'invalid_request',
      message: expect.stringMatching(/birthDate "12\/31\/2024" is not a date; allowed: yyyy-mm-dd/),
      issues: [{ path: '/birthDate', message: expect.any(String) }],
    });
  });

  it('400 naming a missing field, an unknown type and missing documents', async () => {
    const { post } = await portalMocks();
    const res = await post([
      { name: 'birthDate', value: '1990-04-17' },
      { name: 'applicationType', value: 'pension' },
    ]);
    expect(res.statusCode).toBe(400);
    expect(res.json().issues.map((i: { path: string }) => i.path)).toEqual([
      '/applicantName',
      '/applicationType',
      '/documents',
    ]);
    expect(res.json().message).toMatch(/allowed: benefit/);
  });

  it('415 for a body that is not multipart; a broken multipart body is a 4xx and the mock goes on', async () => {
    const { app, post } = await portalMocks();
    const json = await app.inject({
      method: 'POST',
      url: '/v1/applications',
      payload: { applicantName: 'x' },
    });
    expect(json.statusCode).toBe(415);
    expect(json.json()).toMatchObject({ error: 'unsupported_media_type' });
    const { payload, headers } = multipartBody([...GOOD_FIELDS, pdfPart()]);
    const broken = await app.inject({
      method: 'POST',
      url: '/v1/applications',
      headers,
      payload: payload.subarray(0, payload.length - 200),
    });
    expect(broken.statusCode).toBeGreaterThanOrEqual(400);
    expect(broken.statusCode).toBeLessThan(500);
    expect((await post([...GOOD_FIELDS, pdfPart()])).statusCode).toBe(201);
  });

  it('counts every response by route and status in /metrics and /v1/state, and refusals by reason in the model', async () => {
    const { app, post, advanceModelS } = await portalMocks();
    await post([...GOOD_FIELDS, pdfPart()]);
    await post([...GOOD_FIELDS, pdfPart(EXE())]);
    await post([...GOOD_FIELDS, pdfPart(PDF(MAX_DOCUMENT_BYTES + 10))]);
    await post([...GOOD_FIELDS.slice(0, 2), pdfPart()]);
    await post([...GOOD_FIELDS.slice(0, 2), pdfPart()]);
    await app.inject({ url: '/v1/applications/A-1' });
    await app.inject({ url: '/v1/applications/A-99' });
    const metrics = (await app.inject({ url: '/metrics' })).body;
    for (const [status, n] of [
      ['201', 1],
      ['400', 2],
      ['413', 1],
      ['415', 1],
    ] as const)
      expect(metrics).toContain(
        `hotline_portal_responses_total{route="POST /v1/applications",status="${status}"} ${n}`,
      );
    expect(metrics).toContain(
      'hotline_portal_responses_total{route="GET /v1/applications/:id",status="200"} 1',
    );
    expect(metrics).toContain(
      'hotline_portal_responses_total{route="GET /v1/applications/:id",status="404"} 1',
    );
    expect(metrics).toContain('hotline_portal_refused_total{reason="badField"} 2');
    const state = (await app.inject({ url: '/v1/state' })).json();
    expect(state.portal).toMatchObject({
      received: 1,
      refused: { wrongType: 1, tooBig: 1, badField: 2 },
      responses: { 'POST /v1/applications': { '201': 1, '400': 2, '413': 1, '415': 1 } },
    });
    const c = app.hotline.model.run.processes.portal!.counters;
    const sum = (a: Float64Array) => a.reduce((x, y) => x + y, 0);
    expect([
      sum(c.refusedWrongType),
      sum(c.refusedTooBig),
      sum(c.refusedBadField),
      sum(c.submissions),
    ]).toEqual([1, 1, 2, 5]);
    // The support contacts those refusals caused (1 s later) reach phone and chat in the mocks' run.
    advanceModelS(60);
    const run = app.hotline.model.run.processes;
    const support = (suffix: string) =>
      Object.entries(c)
        .filter(([k]) => k.startsWith('support') && k.endsWith(suffix))
        .reduce((acc, [, v]) => acc + sum(v as Float64Array), 0);
    expect(sum(run.phone!.counters.caused)).toBe(support('Phone'));
    expect(sum(run.chat!.counters.caused)).toBe(support('Chat'));
    expect((await app.inject({ url: '/health' })).statusCode).toBe(200);
  });
});
