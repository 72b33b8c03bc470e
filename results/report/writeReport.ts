import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadRun } from '../loadRun.js';
import { checkOutputFile } from '../outputPath.js';
import { renderReport } from './renderReport.js';

export const REPORT_FILE = 'report.html';

/** Writes report.html into the run folder and returns its path. */
export function writeReport(nameOrPath: string): string {
  const run = loadRun(nameOrPath);
  const file = checkOutputFile('<run>', join(run.folder, REPORT_FILE));
  writeFileAtomically(file, renderReport(run));
  return file;
}

/** Write beside, then rename: a browser refreshing the page never reads half a file. */
export function writeFileAtomically(file: string, content: string): void {
  const temporary = `${file}.tmp-${process.pid}`;
  writeFileSync(temporary, content);
  renameSync(temporary, file);
}
