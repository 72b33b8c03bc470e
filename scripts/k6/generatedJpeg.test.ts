import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { buildMocks } from '../../mocks/buildMocks.js';
import { isJpeg } from '../../mocks/checkin/readCheckinUpload.js';
import { postCheckin } from '../../mocks/checkin/testing.js';
import { checkinScenario, quietCheckin } from '../../sim/channels/checkin/testing.js';
import { ManualTime } from '../../sim/testing/ManualTime.js';
import { generatedJpeg, MIN_JPEG_BYTES } from './generatedJpeg.js';

const apps: FastifyInstance[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()));
});

/** Walks the segments after SOI + APP0: each COM segment's length must land on the next marker. */
function segmentEnds(bytes: Uint8Array): number[] {
  const ends: number[] = [];
  let at = 20;
  while (bytes[at] === 0xff && bytes[at + 1] === 0xfe) {
    at += 2 + ((bytes[at + 2]! << 8) | bytes[at + 3]!);
    ends.push(at);
  }
  return ends;
}

describe('generatedJpeg: the selfie and the documents the replays upload', () => {
  it('starts FF D8 FF, ends FF D9, has the asked size, and its COM segment length covers the filler', () => {
    const bytes = generatedJpeg(4096);
    expect(bytes.length).toBe(4096);
    expect([...bytes.subarray(0, 4)]).toEqual([0xff, 0xd8, 0xff, 0xe0]);
    expect([...bytes.subarray(-2)]).toEqual([0xff, 0xd9]);
    // SOI 2 + APP0 18 = 20; the COM marker at 20, its length (2 + filler) at 22-23, EOI after the filler.
    expect([bytes[20], bytes[21]]).toEqual([0xff, 0xfe]);
    const comLength = (bytes[22]! << 8) | bytes[23]!;
    expect(22 + comLength + 2).toBe(bytes.length);
    // No FF inside the filler: nothing a reader could take for a marker.
    expect(bytes.subarray(24, -2).includes(0xff)).toBe(false);
    expect(generatedJpeg(100).length).toBe(100);
    expect(generatedJpeg(1).length).toBe(MIN_JPEG_BYTES);
  });

  it('spans megabytes with chained COM segments that end exactly at EOI, whatever the size', () => {
    // 65,533 bytes of comment per segment: sizes around the segment boundaries, and 5 MB.
    for (const size of [
      20 + 4 + 65_533 + 2,
      20 + 4 + 65_533 + 3,
      20 + 4 + 65_533 + 5,
      20 + 2 * 65_537 + 3,
      5_000_000,
    ]) {
      const bytes = generatedJpeg(size);
      expect(bytes.length).toBe(size);
      const ends = segmentEnds(bytes);
      expect(ends[ends.length - 1], String(size)).toBe(size - 2);
      expect([...bytes.subarray(-2)]).toEqual([0xff, 0xd9]);
      // Each segment within the format's limit: 4 header bytes + at most 65,533.
      const starts = [20, ...ends];
      for (let i = 0; i < ends.length; i++) expect(ends[i]! - starts[i]!).toBeLessThanOrEqual(65_537);
    }
  });

  it("passes the mock's magic check, and the mock accepts it as a check-in's photo (202)", async () => {
    const bytes = Buffer.from(generatedJpeg(4096));
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
