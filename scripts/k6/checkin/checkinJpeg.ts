// The selfie every check-in of the replay uploads: a small JPEG-shaped byte array, built once in k6's
// init code. Free of k6 and Node imports: bundled into the k6 script, unit-tested in Node.

/** Default size of the generated photo, bytes (a few KB: the replay measures the service, not the link). */
export const CHECKIN_JPEG_BYTES = 4096;

/**
 * A byte array a JPEG reader accepts as far as the mocks look: SOI (FF D8), an APP0 JFIF segment
 * (FF E0), a comment segment (FF FE) of filler up to `size`, and EOI (FF D9). No pixels: the model,
 * not the picture, decides whether the selfie is identified.
 */
export function checkinJpeg(size = CHECKIN_JPEG_BYTES): Uint8Array {
  const app0 = [
    0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0, 0,
  ];
  const fixed = 2 + app0.length + 4 + 2; // SOI, APP0, COM marker + length, EOI
  const comment = Math.min(65_533, Math.max(0, size - fixed));
  const bytes = new Uint8Array(fixed + comment);
  let at = 0;
  const put = (...values: number[]) => {
    for (const v of values) bytes[at++] = v;
  };
  put(0xff, 0xd8, ...app0, 0xff, 0xfe, ((comment + 2) >> 8) & 0xff, (comment + 2) & 0xff);
  for (let i = 0; i < comment; i++) bytes[at++] = 0x20 + (i % 95); // printable, never FF
  put(0xff, 0xd9);
  return bytes;
}
