import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import type { CheckinChannelFile } from '../../sim/channels/checkin/checkinSchema.js';
import { checkinScenario, quietCheckin } from '../../sim/channels/checkin/testing.js';
import { ManualTime } from '../../sim/testing/ManualTime.js';
import { buildMocks, type MocksOptions } from '../buildMocks.js';
import { fakeJpeg, fakePng, postCheckin } from './testing.js';

// POST /v1/checkins and GET /v1/checkins/:id through app.inject(), no port, on a hand-moved clock
// (time scale 1: one model second per injected wall second). Outcomes are made certain by the
// scenario (probability 0 or 1), so every expected status and instant is worked out by hand.

const apps: FastifyInstance[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()));
});

async function mocks(checkin: Partial<CheckinChannelFile> = {}, options: MocksOptions = {}, phone = false) {
  const time = new ManualTime();
  const scenario = checkinScenario({ ...quietCheckin(), ...checkin }, { reviewers: 1, phone });
  const app = await buildMocks(scenario, {
    timeScale: 1,
    wallNowMs: time.wallNowMs,
    timers: time,
    ...options,
  });
  apps.push(app);
  await app.ready();
  return { app, advance: (modelS: number) => time.advance(modelS * 1000) };
}

const status = async (app: FastifyInstance, id: string) =>
  (await app.inject({ method: 'GET', url: `/v1/checkins/${id}` })).json();

describe('POST /v1/checkins: the model verifies the upload', () => {
  it('accepts a JPEG with geolocation (202, pending), verified after the service latency', async () => {
    const { app, advance } = await mocks({ verification: { capacity: 5, latency: '10s' } });
    const response = await postCheckin(app);
    expect(response.statusCode).toBe(202);
    const body = response.json();
    expect(body).toMatchObject({
      id: 'c-0',
      status: 'pending',
      personId: 'p-1',
      promptId: 'q-1',
      submittedAtS: 0,
    });
    expect(response.headers.location).toBe('/v1/checkins/c-0');
    advance(9.999);
    expect((await status(app, 'c-0')).status).toBe('pending');
    advance(0.001);
    expect(await status(app, 'c-0')).toMatchObject({ status: 'verified', updatedAtS: 10 });
  });

  it('a failed photo says why, and its call joins the phone queue of the same run', async () => {
    const { app, advance } = await mocks(
      {
        failures: { noResponse: 0, appError: 0, geolocationWrong: 0, photoNotIdentified: 1 },
        calls: { photoNotIdentified: { probability: 1, delay: '30s' } },
      },
      {},
      true,
    );
    await postCheckin(app);
    advance(10);
    expect(await status(app, 'c-0')).toMatchObject({
      status: 'failed',
      mode: 'photoNotIdentified',
      updatedAtS: 10,
    });
    const caused = () => app.hotline.model.run.processes.phone!.counters.caused.reduce((a, b) => a + b, 0);
    advance(29.9);
    expect(caused()).toBe(0);
    advance(0.2);
    expect(caused()).toBe(1);
  });

  it('manual review: one reviewer of 60 s takes uploads in turn (under review, then verified)', async () => {
    const { app, advance } = await mocks({
      verification: { capacity: 5, latency: '10s', reviewShare: 1 },
      reviewTime: '60s',
    });
    await postCheckin(app);
    await postCheckin(app);
    advance(10);
    expect((await status(app, 'c-0')).status).toBe('underReview');
    expect((await status(app, 'c-1')).status).toBe('underReview');
    const state = (await app.inject({ method: 'GET', url: '/v1/state' })).json();
    expect(state.checkin).toMatchObject({ awaitingReview: 1, inVerification: 0 });
    advance(60);
    expect(await status(app, 'c-0')).toMatchObject({ status: 'verified', updatedAtS: 70 });
    expect((await status(app, 'c-1')).status).toBe('underReview');
    advance(60);
    expect(await status(app, 'c-1')).toMatchObject({ status: 'verified', updatedAtS: 130 });
  });
});

describe('POST /v1/checkins: bad uploads never reach the model and never crash the mock', () => {
  it('415 for PNG bytes declared as image/jpeg (magic bytes, not the mime type)', async () => {
    const { app } = await mocks();
    const response = await postCheckin(app, { photo: { bytes: fakePng(), type: 'image/jpeg' } });
    expect(response.statusCode).toBe(415);
    expect(response.json()).toMatchObject({ error: 'unsupported_media_type', issues: [{ path: '/photo' }] });
  });

  it('415 for JPEG bytes declared as image/png, and for a body that is not multipart', async () => {
    const { app } = await mocks();
    expect((await postCheckin(app, { photo: { bytes: fakeJpeg(), type: 'image/png' } })).statusCode).toBe(
      415,
    );
    const json = await app.inject({ method: 'POST', url: '/v1/checkins', payload: { lat: 1 } });
    expect(json.statusCode).toBe(415);
    expect(json.json().error).toBe('unsupported_media_type');
  });

  it('413 over the photo limit (configured 1,000 bytes; 1,000 pass)', async () => {
    const { app } = await mocks({}, { maxCheckinPhotoBytes: 1000 });
    const over = await postCheckin(app, { photo: { bytes: fakeJpeg(1001) } });
    expect(over.statusCode).toBe(413);
    expect(over.json()).toMatchObject({ error: 'payload_too_large', issues: [{ path: '/photo' }] });
    expect((await postCheckin(app, { photo: { bytes: fakeJpeg(1000) } })).statusCode).toBe(202);
  });

  it('400 naming each bad field: lat out of range, lon not a number, missing person, missing photo', async () => {
    const { app } = await mocks();
    const response = await postCheckin(app, {
      fields: { lat: '91', lon: 'east', promptId: 'q-1' },
      photo: null,
    });
    expect(response.statusCode).toBe(400);
    const paths = response.json().issues.map((i: { path: string }) => i.path);
    expect(paths.sort()).toEqual(['/lat', '/lon', '/personId', '/photo']);
    expect(response.json().message).toContain('lat "91" is not a number from -90 to 90');
  });

  it('400 for a body that claims multipart but is not', async () => {
    const { app } = await mocks();
    const response = await app.inject({
      method: 'POST',
      url: '/v1/checkins',
      headers: { 'content-type': 'multipart/form-data; boundary=xyz' },
      payload: 'this is not a multipart body',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toBe('invalid_request');
    expect((await postCheckin(app)).statusCode).toBe(202); // and the mock still serves
  });

  it('404 for an unknown check-in id; /metrics counts every answer by status', async () => {
    const { app } = await mocks();
    expect((await app.inject({ method: 'GET', url: '/v1/checkins/c-99' })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/v1/checkins/nonsense' })).statusCode).toBe(404);
    await postCheckin(app);
    await postCheckin(app, { photo: { bytes: fakePng() } });
    await postCheckin(app, { fields: { lat: 'x', lon: '1', personId: 'p', promptId: 'q' } });
    await postCheckin(app, { fields: { lat: 'x', lon: '1', personId: 'p', promptId: 'q' } });
    const metrics = (await app.inject({ method: 'GET', url: '/metrics' })).body;
    expect(metrics).toContain('hotline_checkin_uploads_total{outcome="202"} 1');
    expect(metrics).toContain('hotline_checkin_uploads_total{outcome="415"} 1');
    expect(metrics).toContain('hotline_checkin_uploads_total{outcome="400"} 2');
    expect(metrics).toContain('hotline_checkin_uploads_by_status{status="pending"} 1');
  });
});
