// Format 1 -> 2: the phone figures move under `channels.phone`; replications.json's columns under
// `channels.phone`. intervals.csv needs no migration: parseIntervalsCsv reads both layouts.
import type { MetricColumnsData, ReplicationsData, RunSummaryData } from './runSchema.js';
import type { ReplicationsFileV1, RunSummaryV1 } from './runSchemaV1.js';

export function migrateSummaryV1(v1: RunSummaryV1): RunSummaryData {
  const { channels: _list, phone, formatVersion: _version, ...rest } = v1;
  return { ...rest, formatVersion: 2, channels: { phone } } as RunSummaryData;
}

export function migrateReplicationsV1(v1: ReplicationsFileV1): ReplicationsData {
  return {
    formatVersion: 2,
    replications: v1.replications,
    channels: { phone: { run: v1.run as MetricColumnsData, days: v1.days as MetricColumnsData[] } },
  };
}
