import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { InputError } from '../scenarios/inputError.js';
import { shardRange } from '../sim/replications/shardRange.js';
import { readRunFile, readRunJson } from './readRunJson.js';
import {
  SHARD_INFO_FILE,
  SHARD_METRICS_FILE,
  SHARD_SCENARIO_FILE,
  type ShardInfo,
  ShardInfoSchema,
  ShardMetricsSchema,
} from './shardFormat.js';

export interface LoadedShard {
  /** As the user named it, for messages. */
  readonly folder: string;
  readonly info: ShardInfo;
  readonly scenarioText: string;
  /** The replications' metrics, in replication order (info.shard.from first). */
  readonly replications: readonly object[];
}

/** Reads and checks one shard folder; anything wrong is an InputError naming the folder or file. */
export function loadShard(folder: string): LoadedShard {
  if (!statSync(resolve(folder), { throwIfNoEntry: false })?.isDirectory()) {
    throw new InputError(folder, 'not a folder (expected a shard folder written by `hotline sim --shard`)');
  }
  const info = readRunJson(folder, SHARD_INFO_FILE, ShardInfoSchema);
  const scenarioFile = join(folder, SHARD_SCENARIO_FILE);
  const scenarioText = readRunFile(scenarioFile);
  if (createHash('sha256').update(scenarioText).digest('hex') !== info.scenario.contentHash) {
    throw new InputError(scenarioFile, `its sha256 is not the scenario.contentHash of ${SHARD_INFO_FILE}`);
  }
  const { index, count, from, to } = info.shard;
  const infoFile = join(folder, SHARD_INFO_FILE);
  if (index > count || count > info.replications) {
    throw new InputError(infoFile, [
      {
        path: '/shard',
        message: 'not a shard of the run',
        value: `${index}/${count}`,
        allowed: `1 <= i <= n <= ${info.replications}`,
      },
    ]);
  }
  const expected = shardRange({ index, count }, info.replications);
  if (from !== expected.from || to !== expected.to) {
    throw new InputError(infoFile, [
      {
        path: '/shard',
        message: `shard ${index}/${count} of ${info.replications} replications covers ${expected.from} to ${expected.to - 1}`,
        value: `${from} to ${to - 1}`,
      },
    ]);
  }
  const metrics = readRunJson(folder, SHARD_METRICS_FILE, ShardMetricsSchema);
  if (metrics.replications.length !== to - from) {
    throw new InputError(join(folder, SHARD_METRICS_FILE), [
      {
        path: '/replications',
        message: `expected ${to - from} replications (${from} to ${to - 1})`,
        value: `${metrics.replications.length} entries`,
      },
    ]);
  }
  return { folder, info, scenarioText, replications: metrics.replications };
}
