import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { newRunId } from './writeRunFolder.js';

const NOW = new Date('2026-11-22T01:30:00Z');

describe('newRunId', () => {
  const runs = mkdtempSync(join(tmpdir(), 'run-id-'));

  it('keeps a plain scenario name as it is', () => {
    expect(newRunId('covid-hotline', 1, NOW, runs)).toBe('20261122-013000-covid-hotline-s1');
  });

  it('never lets a name leave the runs folder or exceed a file name (found by npm run probe)', () => {
    for (const name of ['../../etc', 'a/b', 'x\u0000y', '/', '..', 'ü\u202e', 'x'.repeat(200_000)]) {
      const id = newRunId(name, 1, NOW, runs);
      expect(id, JSON.stringify(name.slice(0, 20))).toMatch(/^[A-Za-z0-9._-]+$/);
      expect(id.startsWith('.'), id).toBe(false);
      expect(Buffer.byteLength(id)).toBeLessThan(255);
    }
    expect(newRunId('a/b', 1, NOW, runs)).toBe('20261122-013000-a-b-s1');
    expect(newRunId('..', 1, NOW, runs)).toBe('20261122-013000-run-s1');
  });

  it('counts up when the id is taken', () => {
    mkdirSync(join(runs, '20261122-013000-taken-s1'));
    expect(newRunId('taken', 1, NOW, runs)).toBe('20261122-013000-taken-s1-2');
  });
});
