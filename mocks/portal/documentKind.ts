/** The document kinds the portal takes (FACTS: portal-support, "PDF or JPG"). */
export type DocumentKind = 'pdf' | 'jpeg';

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"
const JPEG_MAGIC = [0xff, 0xd8, 0xff];

const startsWith = (bytes: Uint8Array, magic: readonly number[]) =>
  bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);

/**
 * What a file is by its first bytes, whatever its name or declared type says (a .exe renamed .pdf
 * is not a PDF); null for anything else, an empty file included.
 */
export function documentKind(bytes: Uint8Array): DocumentKind | null {
  if (startsWith(bytes, PDF_MAGIC)) return 'pdf';
  if (startsWith(bytes, JPEG_MAGIC)) return 'jpeg';
  return null;
}
