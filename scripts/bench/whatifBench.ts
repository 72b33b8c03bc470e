// `npm run bench -- --only whatif`: a 10 x 10 grid (demand scale against staffing scale) of one covid
// day, 30 replications a cell, through the built CLI as a planner runs it (cells written, page made).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { WhatifFile } from '../../results/whatif/whatifFormat.js';
import { benchLine } from './benchLine.js';

export function whatifBench(repo: string): void {
  const folder = mkdtempSync(join(tmpdir(), 'hotline-whatif-bench-'));
  const out = join(folder, 'grid');
  try {
    const started = performance.now();
    execFileSync(
      process.execPath,
      [
        join(repo, 'dist', 'hotline.js'),
        'whatif',
        'scenarios/covid-hotline.json',
        '--days',
        '1',
        '-r',
        '30',
        '--threads',
        '2',
        '-q',
        '--vary',
        'channels.phone.demand.scale=0.8:1.25:0.05',
        '--vary',
        'agents.groups.0.staffing.scale=0.9:1.125:0.025',
        '--out',
        out,
      ],
      { cwd: repo, stdio: ['ignore', 'ignore', 'inherit'] },
    );
    const seconds = (performance.now() - started) / 1000;
    const whatif = JSON.parse(readFileSync(join(out, 'whatif.json'), 'utf8')) as WhatifFile;
    const cells = whatif.cells.length;
    benchLine(
      `whatif covid 1 day: ${cells} cells x ${whatif.replications} replications, 2 threads`,
      `${seconds.toFixed(1)} s wall, ${((seconds * 1000) / cells).toFixed(0)} ms a cell, ${((seconds * 1000) / (cells * whatif.replications)).toFixed(1)} ms a replication (target <= 60 s on 2 cores)`,
    );
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
