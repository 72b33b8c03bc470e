import type { FastifyRequest } from 'fastify';
import { type ErrorIssue, MockError } from '../errors.js';

/** A check-in upload as the route reads it: the selfie and the fields, checked. */
export interface CheckinUpload {
  /** Size of the photo; the mock checks its first bytes and keeps none (the model decides). */
  readonly photoBytes: number;
  readonly lat: number;
  readonly lon: number;
  readonly personId: string;
  readonly promptId: string;
}

/** Content types a client may declare for the photo; the bytes must be a JPEG's whatever it says. */
const PHOTO_TYPES = new Set(['image/jpeg', 'image/jpg', 'image/pjpeg', 'application/octet-stream']);
const ID = /^[A-Za-z0-9._-]{1,64}$/;

/** Every JPEG starts with SOI (FF D8) followed by a marker's FF; the declared type proves nothing. */
export function isJpeg(bytes: Buffer): boolean {
  return bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
}

/**
 * Reads a multipart check-in: file `photo` (a JPEG of at most `maxPhotoBytes`), fields `lat`, `lon`,
 * `personId`, `promptId`. Throws a MockError: 415 for a body that is not multipart or a photo that
 * is not a JPEG (magic bytes FF D8 FF), 413 for a photo over the limit, 400 naming every bad field.
 */
export async function readCheckinUpload(
  request: FastifyRequest,
  maxPhotoBytes: number,
): Promise<CheckinUpload> {
  if (!request.isMultipart())
    throw new MockError('unsupported_media_type', 'send the check-in as multipart/form-data', undefined, [
      { path: '', message: 'content type must be multipart/form-data' },
    ]);
  const fields = new Map<string, string>();
  let photo: PhotoRead | null = null;
  let photoType = '';
  const issues: ErrorIssue[] = [];
  // A photo over the limit is answered only once the whole body is read: a client still sending the
  // rest of it would otherwise stall against a reader that stopped.
  let refusal: MockError | null = null;
  try {
    for await (const part of request.parts()) {
      if (refusal !== null) {
        if (part.type === 'file') part.file.resume();
        continue;
      }
      if (part.type === 'file') {
        const read = await readPhoto(part.file);
        if (read.truncated) {
          refusal = tooLarge(maxPhotoBytes);
          continue;
        }
        if (part.fieldname !== 'photo' || photo !== null) {
          issues.push({ path: `/${part.fieldname}`, message: 'one file only, in the field photo' });
          continue;
        }
        photo = read;
        photoType = part.mimetype.toLowerCase();
      } else fields.set(part.fieldname, String(part.value));
    }
  } catch (error) {
    throw refusal ?? uploadError(error, maxPhotoBytes);
  }
  if (refusal !== null) throw refusal;
  if (photo === null || photo.bytes === 0)
    issues.push({ path: '/photo', message: 'photo is missing: send the selfie as the file field photo' });
  const lat = coordinate(fields.get('lat'), 'lat', 90, issues);
  const lon = coordinate(fields.get('lon'), 'lon', 180, issues);
  const personId = identifier(fields.get('personId'), 'personId', issues);
  const promptId = identifier(fields.get('promptId'), 'promptId', issues);
  if (issues.length > 0)
    throw new MockError('invalid_request', issues.map((i) => i.message).join('; '), undefined, issues);
  if (!PHOTO_TYPES.has(photoType) || !isJpeg(photo!.head))
    throw new MockError('unsupported_media_type', 'photo must be a JPEG image', undefined, [
      {
        path: '/photo',
        message: `photo must be a JPEG (bytes FF D8 FF, type image/jpeg); got type ${photoType || 'none'}${isJpeg(photo!.head) ? '' : ' and no JPEG signature'}`,
      },
    ]);
  return { photoBytes: photo!.bytes, lat: lat!, lon: lon!, personId: personId!, promptId: promptId! };
}

function coordinate(
  text: string | undefined,
  name: string,
  limit: number,
  issues: ErrorIssue[],
): number | null {
  if (text === undefined) {
    issues.push({ path: `/${name}`, message: `${name} is missing: a number from -${limit} to ${limit}` });
    return null;
  }
  const value = text.trim() === '' ? Number.NaN : Number(text);
  if (!Number.isFinite(value) || Math.abs(value) > limit) {
    issues.push({
      path: `/${name}`,
      message: `${name} "${text.slice(0, 40)}" is not a number from -${limit} to ${limit}`,
    });
    return null;
  }
  return value;
}

function identifier(text: string | undefined, name: string, issues: ErrorIssue[]): string | null {
  if (text === undefined || !ID.test(text)) {
    issues.push({
      path: `/${name}`,
      message: `${name} ${text === undefined ? 'is missing' : `"${text.slice(0, 40)}" is not allowed`}: 1-64 letters, digits, dot, dash or underscore`,
    });
    return null;
  }
  return text;
}

/** The multipart parser's limits as the mocks' errors. */
function uploadError(error: unknown, maxPhotoBytes: number): MockError {
  const code = (error as { code?: string }).code;
  switch (code) {
    case 'FST_REQ_FILE_TOO_LARGE':
      return tooLarge(maxPhotoBytes);
    case 'FST_FILES_LIMIT':
    case 'FST_FIELDS_LIMIT':
    case 'FST_PARTS_LIMIT':
      return new MockError(
        'invalid_request',
        'too many parts: one photo and the fields lat, lon, personId, promptId',
        undefined,
        [{ path: '', message: 'too many parts' }],
      );
  }
  if (error instanceof MockError) return error;
  return new MockError('invalid_request', 'the multipart body could not be read', undefined, [
    { path: '', message: 'malformed multipart body' },
  ]);
}

interface PhotoRead {
  /** Its first bytes (the JPEG signature is in the first 3). */
  readonly head: Buffer;
  readonly bytes: number;
  /** Cut at the size limit. */
  readonly truncated: boolean;
}

/** Reads the photo's stream through: keeps its first bytes and counts the rest (no copy of 200 KB). */
async function readPhoto(file: AsyncIterable<Buffer> & { truncated: boolean }): Promise<PhotoRead> {
  const head = Buffer.alloc(3);
  let bytes = 0;
  for await (const chunk of file) {
    if (bytes < head.length) chunk.copy(head, bytes, 0, Math.min(chunk.length, head.length - bytes));
    bytes += chunk.length;
  }
  return { head: head.subarray(0, Math.min(bytes, head.length)), bytes, truncated: file.truncated };
}

function tooLarge(maxPhotoBytes: number): MockError {
  return new MockError('payload_too_large', `photo is larger than ${maxPhotoBytes} bytes`, undefined, [
    { path: '/photo', message: `at most ${maxPhotoBytes} bytes` },
  ]);
}
