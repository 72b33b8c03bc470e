import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { buildMocks } from '../../../mocks/buildMocks.js';
import { isJpeg } from '../../../mocks/checkin/readCheckinUpload.js';
import { postCheckin } from '../../../mocks/checkin/testing.js';
import { checkinScenario, quietCheckin } from '../../../sim/channels/checkin/testing.js';
import { ManualTime } from '../../../sim/testing/ManualTime.js';
import { CHECKIN_JPEG_BYTES, checkinJpeg } from './checkinJpeg.js';

const apps: FastifyInstance[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()));
});

describe('checkinJpeg: the selfie the replay uploads', () => {
  it('starts FF D8 FF, ends FF D9, has the asked size, and its COM segment length covers the filler', () => {
    const bytes = checkinJpeg();
    expect(bytes.length).toBe(CHECKIN_JPEG_BYTES);
    expect([...bytes.subarray(0, 4)]).toEqual([0xff, 0xd8, 0xff, 0xe0]);
    expect([...bytes.subarray(-2)]).toEqual([0xff, 0xd9]);
    // SOI 2 + APP0 18 = 20; the COM marker at 20, its length (2 + filler) at 22-23, EOI after the filler.
    expect([bytes[20], bytes[21]]).toEqual([0xff, 0xfe]);
    const comLength = (bytes[22]! << 8) | bytes[23]!;
    expect(22 + comLength + 2).toBe(bytes.length);
    // No FF inside the filler: nothing a reader could take for a marker.
    expect(bytes.subarray(24, -2).includes(0xff)).toBe(false);
    expect(checkinJpeg(100).length).toBe(100);
  });

  it("passes the mock's magic check, and the mock accepts it as a check-in's photo (202)", async () => {
    const bytes = Buffer.from(checkinJpeg());
    expect(isJpeg(bytes.subarray(0, 3))).toBe(true);
    const time = new ManualTime();
    const app = await buildMocks(checkinScenario(quietCheckin()), {
      timeScale: 1,
      wallNowMs: time.wallNowMs,
      timers: time,
    });
    apps.push(app);
    await app.ready();
    const response = await postCheckin(app, {
      photo: { bytes },
      fields: { lat: '55.70123', lon: '37.6', personId: 'run-1-p7', promptId: 'run-1-q0' },
    });
    expect(response.statusCode).toBe(202);
    expect(response.json()).toMatchObject({ status: 'pending', personId: 'run-1-p7' });
  });
});
