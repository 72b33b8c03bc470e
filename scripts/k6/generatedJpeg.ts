// A JPEG-shaped byte array of any size, built in k6's init or iteration code (check-in selfies,
// portal documents). Free of k6 and Node imports: bundled into the k6 script, unit-tested in Node.

/** SOI (FF D8) and an APP0 JFIF segment (FF E0, 16 bytes): what readers look for first. */
const HEAD = [
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01,
  0, 0,
];
/** A comment segment carries at most this many bytes after its 2-byte length. */
const MAX_COMMENT = 65_533;
/** SOI + APP0, one empty COM segment, EOI: the smallest array built. */
export const MIN_JPEG_BYTES = HEAD.length + 4 + 2;

/**
 * A byte array a JPEG reader accepts as far as the mocks look: SOI, APP0 JFIF, comment segments
 * (FF FE) of printable filler up to `size`, and EOI (FF D9). No pixels: the model, not the picture,
 * decides what becomes of the upload. The filler is written by doubling copies (native in k6), so a
 * document of megabytes costs no per-byte script loop.
 */
export function generatedJpeg(size: number): Uint8Array {
  const bytes = new Uint8Array(Math.max(MIN_JPEG_BYTES, Math.floor(size)));
  fillPrintable(bytes);
  bytes.set(HEAD, 0);
  const end = bytes.length - 2;
  let at = HEAD.length;
  while (at < end) {
    const room = end - at - 4;
    let comment = Math.min(MAX_COMMENT, room);
    // A segment needs 4 bytes of header: never leave 1-3 bytes for the next one.
    const left = room - comment;
    if (left > 0 && left < 4) comment -= 4;
    bytes.set([0xff, 0xfe, ((comment + 2) >> 8) & 0xff, (comment + 2) & 0xff], at);
    at += 4 + comment;
  }
  bytes.set([0xff, 0xd9], end);
  return bytes;
}

/** Printable bytes 0x20-0x7E repeated (never FF: nothing a reader could take for a marker). */
export function fillPrintable(bytes: Uint8Array): void {
  const period = Math.min(95, bytes.length);
  for (let i = 0; i < period; i++) bytes[i] = 0x20 + i;
  for (let filled = period; filled < bytes.length; filled *= 2)
    bytes.copyWithin(filled, 0, Math.min(filled, bytes.length - filled));
}
