// A minimal valid PDF of any size, built in k6's iteration code for the portal's documents. Free of
// k6 and Node imports: bundled into the k6 script, unit-tested in Node.

/** Digits of the stream length and of startxref: fixed width (leading zeros are valid PDF integers). */
const NUMBER_WIDTH = 10;

const pad = (n: number) => String(n).padStart(NUMBER_WIDTH, '0');

/** Catalog, page tree, one A4 page whose content is object 4 (the filler stream). */
const HEADER = '%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n';
const OBJECTS = [
  '1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n',
  '2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n',
  '3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << >> /Contents 4 0 R >>\nendobj\n',
];
const streamHead = (length: number) => `4 0 obj\n<< /Length ${pad(length)} >>\nstream\n`;
const STREAM_TAIL = '\nendstream\nendobj\n';

function trailer(offsets: readonly number[], xrefAt: number): string {
  const entries = offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  return `xref\n0 ${offsets.length + 1}\n0000000000 65535 f \n${entries}trailer\n<< /Size ${offsets.length + 1} /Root 1 0 R >>\nstartxref\n${pad(xrefAt)}\n%%EOF\n`;
}

/** Bytes of everything but the stream's content: the smallest PDF built. */
export const MIN_PDF_BYTES =
  HEADER.length +
  OBJECTS.reduce((sum, o) => sum + o.length, 0) +
  streamHead(0).length +
  STREAM_TAIL.length +
  trailer([0, 0, 0, 0], 0).length;

/**
 * A PDF of exactly `size` bytes (at least MIN_PDF_BYTES): one empty page whose content stream is
 * `size - MIN_PDF_BYTES` NUL bytes (white space in PDF syntax), with a correct cross-reference
 * table. The stream is left as allocated (zeros, native), so megabytes cost no per-byte script loop.
 */
export function generatedPdf(size: number): Uint8Array {
  const bytes = new Uint8Array(Math.max(MIN_PDF_BYTES, Math.floor(size)));
  const content = bytes.length - MIN_PDF_BYTES;
  let at = 0;
  const put = (text: string) => {
    for (let i = 0; i < text.length; i++) bytes[at + i] = text.charCodeAt(i);
    at += text.length;
  };
  const offsets: number[] = [];
  put(HEADER);
  for (const object of [...OBJECTS, streamHead(content)]) {
    offsets.push(at);
    put(object);
  }
  at += content;
  put(STREAM_TAIL);
  put(trailer(offsets, at));
  return bytes;
}
