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
    const cpuBefore = childrenCpuSeconds();
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
    const cpuAfter = childrenCpuSeconds();
    // On a shared machine the wall time says more about the neighbours than about hotline: the CPU
    // time of the run (all threads) halved is what two idle cores would take at best.
    const cpu =
      cpuBefore === null || cpuAfter === null
        ? ''
        : `, CPU ${(cpuAfter - cpuBefore).toFixed(1)} s (>= ${((cpuAfter - cpuBefore) / 2).toFixed(1)} s wall on 2 idle cores)`;
    const whatif = JSON.parse(readFileSync(join(out, 'whatif.json'), 'utf8')) as WhatifFile;
    const cells = whatif.cells.length;
    benchLine(
      `whatif covid 1 day: ${cells} cells x ${whatif.replications} replications, 2 threads`,
      `${seconds.toFixed(1)} s wall, ${((seconds * 1000) / cells).toFixed(0)} ms a cell, ${((seconds * 1000) / (cells * whatif.replications)).toFixed(1)} ms a replication${cpu} (target <= 60 s on 2 cores)`,
    );
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** CPU seconds (user + system) of this process's finished children, from /proc (Linux); else null. */
function childrenCpuSeconds(): number | null {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    // Fields after the command name (which may hold spaces) start at field 3; cutime and cstime are 16, 17.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[13]) + Number(fields[14]);
    return Number.isFinite(ticks) ? ticks / 100 : null; // USER_HZ is 100 on Linux
  } catch {
    return null;
  }
}
