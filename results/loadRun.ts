import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { InputError, type InputIssue } from '../scenarios/inputError.js';
import { migrateReplicationsV1, migrateSummaryV1 } from './migrateRunV1.js';
import { type IntervalTable, parseIntervalsCsv } from './parseIntervalsCsv.js';
import { readRunFile, readRunJson } from './readRunJson.js';
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
  const intervals = parseIntervalsCsv(intervalsFile, readRunFile(intervalsFile));
  checkIntervalCount(intervalsFile, info, intervals);
  const replications = !existsSync(join(folder, 'replications.json'))
    ? null
    : v1
      ? migrateReplicationsV1(readRunJson(folder, 'replications.json', ReplicationsFileV1Schema))
      : readRunJson(folder, 'replications.json', ReplicationsFileSchema);
  if (replications) checkReplicationCounts(join(folder, 'replications.json'), info, replications);
  return { folder, info, summary, intervals, replications };
}

// Paired comparisons read replication r of A against replication r of B: a column of another length
// than run.json's replications (or a day count other than its days) would pair the wrong numbers.
function checkReplicationCounts(file: string, info: RunInfoData, data: ReplicationsData): void {
  const issues: InputIssue[] = [];
  const expected = info.replications;
  if (data.replications !== expected) {
    issues.push({
      path: '/replications',
      message: `says ${data.replications} replications, run.json says ${expected}`,
      value: data.replications,
      allowed: String(expected),
    });
  }
  const columns: [string, Record<string, unknown[] | undefined>][] = [];
  for (const [channel, data_] of Object.entries(data.channels)) {
    const byChannel = data_ as {
      run: Record<string, unknown[] | undefined>;
      days: Record<string, unknown[] | undefined>[];
    };
    if (byChannel.days.length !== info.days) {
      issues.push({
        path: `/channels/${channel}/days`,
        message: `has ${byChannel.days.length} days, run.json says ${info.days}`,
        allowed: `${info.days} entries`,
      });
    }
    columns.push([`/channels/${channel}/run`, byChannel.run]);
    byChannel.days.forEach((day, d) => {
      columns.push([`/channels/${channel}/days/${d}`, day]);
    });
  }
  for (const [path, metrics] of columns) {
    for (const [metric, values] of Object.entries(metrics)) {
      if (values !== undefined && values.length !== expected && issues.length < 5) {
        issues.push({
          path: `${path}/${metric}`,
          message: `has ${values.length} values, one per replication is ${expected}`,
          allowed: `${expected} values`,
        });
      }
    }
  }
  if (issues.length > 0) {
    throw new InputError(file, [
      { path: '', message: 'does not match its run (the file is truncated, corrupt or from another run)' },
      ...issues,
    ]);
  }
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
