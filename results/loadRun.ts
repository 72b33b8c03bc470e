import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../scenarios/inputError.js';
import { migrateReplicationsV1, migrateSummaryV1 } from './migrateRunV1.js';
import { type IntervalTable, parseIntervalsCsv } from './parseIntervalsCsv.js';
import { readRunJson } from './readRunJson.js';
import { resolveRunFolder } from './resolveRunFolder.js';
import {
  type ReplicationsData,
  ReplicationsFileSchema,
  type RunInfoData,
  RunInfoSchema,
  type RunSummaryData,
  RunSummarySchema,
} from './runSchema.js';
import { ReplicationsFileV1Schema, RunSummaryV1Schema } from './runSchemaV1.js';

/** A run folder read back and checked: what reports and comparisons work from. */
export interface LoadedRun {
  folder: string;
  info: RunInfoData;
  summary: RunSummaryData;
  intervals: IntervalTable;
  /** Per-replication values (sim runs since replications.json exists); null otherwise. */
  replications: ReplicationsData | null;
}

const REQUIRED = ['run.json', 'summary.json', 'intervals.csv'];

/** Loads a run by folder path or run id; any problem is an InputError saying what is wrong. */
export function loadRun(nameOrPath: string): LoadedRun {
  const folder = resolveRunFolder(nameOrPath);
  const missing = REQUIRED.filter((name) => !existsSync(join(folder, name)));
  if (missing.length === REQUIRED.length) {
    throw new InputError(folder, `not a run folder (no ${REQUIRED.join(', ')})`);
  }
  if (missing.length > 0) {
    throw new InputError(folder, `incomplete run folder: ${missing.join(', ')} missing`);
  }
  const info = readRunJson(folder, 'run.json', RunInfoSchema);
  // Format 1 folders (before the format was keyed by channel) are migrated on load.
  const v1 = info.formatVersion === 1;
  const summary = v1
    ? migrateSummaryV1(readRunJson(folder, 'summary.json', RunSummaryV1Schema))
    : readRunJson(folder, 'summary.json', RunSummarySchema);
  const intervalsFile = join(folder, 'intervals.csv');
  const intervals = parseIntervalsCsv(intervalsFile, readFileSync(intervalsFile, 'utf8'));
  checkIntervalCount(intervalsFile, info, intervals);
  const replications = !existsSync(join(folder, 'replications.json'))
    ? null
    : v1
      ? migrateReplicationsV1(readRunJson(folder, 'replications.json', ReplicationsFileV1Schema))
      : readRunJson(folder, 'replications.json', ReplicationsFileSchema);
  return { folder, info, summary, intervals, replications };
}

// A simulated run covers its whole calendar; fewer rows means the file was cut short. A measured
// run may stop early, so it only needs rows.
function checkIntervalCount(file: string, info: RunInfoData, intervals: IntervalTable): void {
  const expected = info.days * Math.round((24 * 60) / info.intervalMinutes);
  const rows = intervals.date.length;
  if (info.kind === 'sim' ? rows !== expected : rows === 0) {
    throw new InputError(
      file,
      `has ${rows} phone intervals, expected ${info.kind === 'sim' ? expected : 'at least 1'}; ` +
        'the file is truncated or corrupt',
    );
  }
}
