// Test support for the portal transport: multipart bodies built by hand. Not product code.

export type Part =
  | { readonly name: string; readonly value: string }
  | {
      readonly name: string;
      readonly filename: string;
      readonly contentType: string;
      readonly bytes: Uint8Array;
    };

const BOUNDARY = '----hotline-test-boundary-7d1f';

/** A multipart/form-data body and its content-type header, byte for byte as RFC 7578 has it. */
export function multipartBody(parts: readonly Part[]): { payload: Buffer; headers: Record<string, string> } {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    if ('value' in part) {
      chunks.push(
        Buffer.from(
          `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${part.name}"\r\n\r\n${part.value}\r\n`,
        ),
      );
      continue;
    }
    chunks.push(
      Buffer.from(
        `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${part.name}"; filename="${part.filename}"\r\nContent-Type: ${part.contentType}\r\n\r\n`,
      ),
      Buffer.from(part.bytes),
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  return {
    payload: Buffer.concat(chunks),
    headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
  };
}

/** A file of `size` bytes that starts with `magic` (the rest zeros). */
export function fileOf(magic: string | readonly number[], size: number): Uint8Array {
  const head = typeof magic === 'string' ? Buffer.from(magic, 'latin1') : Uint8Array.from(magic);
  const bytes = new Uint8Array(size);
  bytes.set(head.subarray(0, size));
  return bytes;
}

export const PDF = (size = 2048) => fileOf('%PDF-1.7\n', size);
export const JPEG = (size = 2048) => fileOf([0xff, 0xd8, 0xff, 0xe0], size);
/** A Windows executable ("MZ"), whatever name it is sent under. */
export const EXE = (size = 2048) => fileOf('MZ\x90\x00', size);

export const GOOD_FIELDS: readonly Part[] = [
  { name: 'applicantName', value: 'Anna Ivanova' },
  { name: 'birthDate', value: '1990-04-17' },
  { name: 'applicationType', value: 'benefit' },
];

export const pdfPart = (bytes = PDF(), filename = 'passport.pdf'): Part => ({
  name: 'documents',
  filename,
  contentType: 'application/pdf',
  bytes,
});
