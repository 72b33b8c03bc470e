import type * as fs from 'node:fs';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { simulateScenarioFile } from '../sim/simulateScenario.js';
import { loadRun } from './loadRun.js';
import { saveSimRun } from './saveSimRun.js';

// Records what each renamed folder held at the moment of its rename (the instant a run appears).
const renamed: { to: string; files: string[] }[] = [];
vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs')>();
  return {
    ...actual,
    renameSync: (from: fs.PathLike, to: fs.PathLike) => {
      if (actual.statSync(from).isDirectory()) {
        renamed.push({ to: String(to), files: actual.readdirSync(from).sort() });
      }
      actual.renameSync(from, to);
    },
  };
});

afterEach(() => {
  renamed.length = 0;
});

describe('saveSimRun', () => {
  it('writes report.html before the run folder is renamed into place (a kill never leaves a run without it)', async () => {
    const result = await simulateScenarioFile('scenarios/stationary-mmc.json', {
      replications: 2,
      seed: 1,
      threads: 1,
    });
    const out = join(mkdtempSync(join(tmpdir(), 'hotline-save-')), 'run');
    const saved = saveSimRun(result, 'test', out);
    expect(saved.folder).toBe(out);
    expect(renamed).toEqual([
      {
        to: out,
        files: ['intervals.csv', 'replications.json', 'report.html', 'run.json', 'summary.json'],
      },
    ]);
    expect(readdirSync(out)).toContain('report.html');
    expect(loadRun(out).info.id).toBe(basename(out));
    // Nothing temporary is left beside it.
    expect(readdirSync(join(out, '..'))).toEqual(['run']);
  });
});
