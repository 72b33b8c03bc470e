import { describe, expect, it } from 'vitest';
import { documentKind } from '../../../mocks/portal/documentKind.js';
import { generatedPdf, MIN_PDF_BYTES } from './generatedPdf.js';

const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

describe('generatedPdf: a valid PDF of the asked size', () => {
  it('has the size, the magic, %%EOF, and a startxref that points at the xref table', () => {
    for (const size of [1, MIN_PDF_BYTES, 4096, 300_000, 5 * 1024 * 1024]) {
      const bytes = generatedPdf(size);
      expect(bytes.length).toBe(Math.max(size, MIN_PDF_BYTES));
      expect(documentKind(bytes)).toBe('pdf');
      const pdf = text(bytes);
      expect(pdf.endsWith('%%EOF\n')).toBe(true);
      const startxref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(pdf)![1]);
      expect(pdf.slice(startxref, startxref + 5)).toBe('xref\n');
    }
  });

  it('each xref entry points at its "n 0 obj", and the stream length is the bytes between stream and endstream', () => {
    const pdf = text(generatedPdf(10_000));
    const entries = [...pdf.matchAll(/(\d{10}) 00000 n /g)].map((m) => Number(m[1]));
    expect(entries).toHaveLength(4);
    entries.forEach((offset, i) => {
      expect(pdf.slice(offset, offset + 8)).toBe(`${i + 1} 0 obj\n`);
    });
    const length = Number(/\/Length (\d+)/.exec(pdf)![1]);
    const start = pdf.indexOf('stream\n') + 'stream\n'.length;
    expect(pdf.indexOf('\nendstream', start) - start).toBe(length);
    expect(length).toBe(10_000 - MIN_PDF_BYTES);
  });
});
