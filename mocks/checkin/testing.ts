// Test support for the check-in transport: multipart bodies built by hand (as a client would send
// them, byte for byte) and small check-in scenarios. Not product code.
import type { FastifyInstance } from 'fastify';

export const BOUNDARY = '----hotline-test-boundary';

/** A JPEG's first bytes (SOI + APP0 marker) followed by `size - 4` filler bytes. */
export function fakeJpeg(size = 2048): Buffer {
  const bytes = Buffer.alloc(size, 0x5a);
  bytes[0] = 0xff;
  bytes[1] = 0xd8;
  bytes[2] = 0xff;
  bytes[3] = 0xe0;
  return bytes;
}

/** A PNG's signature and filler: not a JPEG whatever the declared type. */
export function fakePng(size = 2048): Buffer {
  const bytes = Buffer.alloc(size, 0x11);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(bytes);
  return bytes;
}

export interface UploadParts {
  fields?: Record<string, string>;
  photo?: { bytes: Buffer; type?: string; filename?: string; field?: string } | null;
}

/** A multipart/form-data body: the fields, then the photo (default: a small JPEG). */
export function multipartBody(parts: UploadParts = {}): Buffer {
  const fields = parts.fields ?? { lat: '55.7558', lon: '37.6173', personId: 'p-1', promptId: 'q-1' };
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    chunks.push(
      Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  }
  const photo = parts.photo === undefined ? { bytes: fakeJpeg() } : parts.photo;
  if (photo !== null) {
    chunks.push(
      Buffer.from(
        `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${photo.field ?? 'photo'}"; filename="${photo.filename ?? 'selfie.jpg'}"\r\nContent-Type: ${photo.type ?? 'image/jpeg'}\r\n\r\n`,
      ),
      photo.bytes,
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  return Buffer.concat(chunks);
}

/** POST /v1/checkins through inject. */
export function postCheckin(app: FastifyInstance, parts: UploadParts = {}) {
  return app.inject({
    method: 'POST',
    url: '/v1/checkins',
    headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
    payload: multipartBody(parts),
  });
}
