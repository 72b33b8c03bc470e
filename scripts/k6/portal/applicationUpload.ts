// One portal submission as a multipart/form-data body, built in k6's iteration code: the form's
// fields and every document under `documents` (k6's object bodies cannot repeat a field name). Free
// of k6 and Node imports: bundled into the k6 script, unit-tested in Node against the mocks' route.
import { fillPrintable, generatedJpeg } from '../generatedJpeg.js';
import { generatedPdf } from './generatedPdf.js';
import type { PlannedApplication, PlannedDocument } from './portalApplications.js';

/** What an upload needs of its planned application (the plans file's entry carries it). */
export type UploadedApplication = Pick<PlannedApplication, 'type' | 'documents' | 'refusal' | 'birthDate'>;

export interface ApplicationUpload {
  body: Uint8Array;
  contentType: string;
}

const FILES = {
  pdf: { extension: 'pdf', contentType: 'application/pdf' },
  jpeg: { extension: 'jpg', contentType: 'image/jpeg' },
  text: { extension: 'txt', contentType: 'text/plain' },
} as const;

/** A document's bytes: a valid PDF or JPEG of its size, or printable text (neither: a wrong type). */
export function documentBytes(document: PlannedDocument): Uint8Array {
  if (document.kind === 'pdf') return generatedPdf(document.bytes);
  if (document.kind === 'jpeg') return generatedJpeg(document.bytes);
  const text = new Uint8Array(document.bytes);
  fillPrintable(text);
  return text;
}

/** The date as the bad input FACTS names (mm/dd/yyyy instead of yyyy-mm-dd), e.g. 12/31/2024. */
export function usStyleDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-');
  return `${m}/${d}/${y}`;
}

/**
 * The multipart body of one submission: applicantName, birthDate (mm/dd/yyyy for a deliberately bad
 * field), applicationType, then each document. The boundary starts with "--" after CRLF, which the
 * generated documents never contain (NULs, or ascending printable runs that never repeat a byte).
 */
export function applicationUpload(
  application: UploadedApplication,
  applicantName: string,
  boundary: string,
): ApplicationUpload {
  const birthDate =
    application.refusal === 'badField' ? usStyleDate(application.birthDate) : application.birthDate;
  const fields: [string, string][] = [
    ['applicantName', applicantName],
    ['birthDate', birthDate],
    ['applicationType', application.type],
  ];
  const chunks: (string | Uint8Array)[] = [];
  for (const [name, value] of fields)
    chunks.push(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
  application.documents.forEach((document, i) => {
    const file = FILES[document.kind];
    chunks.push(
      `--${boundary}\r\nContent-Disposition: form-data; name="documents"; filename="document-${i + 1}.${file.extension}"\r\nContent-Type: ${file.contentType}\r\n\r\n`,
      documentBytes(document),
      '\r\n',
    );
  });
  chunks.push(`--${boundary}--\r\n`);
  return { body: concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Strings (ASCII: the headers and fields) and byte arrays, end to end. */
function concat(chunks: readonly (string | Uint8Array)[]): Uint8Array {
  const size = chunks.reduce((sum, c) => sum + c.length, 0);
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    if (typeof chunk === 'string') for (let i = 0; i < chunk.length; i++) out[at + i] = chunk.charCodeAt(i);
    else out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
