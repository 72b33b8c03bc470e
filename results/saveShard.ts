import type { ReplicationRange, ShardSpec } from '../sim/replications/shardRange.js';
import type { SimulationResult } from '../sim/simulateScenario.js';
import {
  SHARD_FORMAT_VERSION,
  SHARD_INFO_FILE,
  SHARD_METRICS_FILE,
  SHARD_SCENARIO_FILE,
  type ShardInfo,
} from './shardFormat.js';
import { writeRunFolder } from './writeRunFolder.js';

export interface ShardRun {
  /** The simulation of the shard's range: perReplication holds replications range.from..range.to-1. */
  result: SimulationResult;
  /** The scenario file's text, verbatim. */
  scenarioText: string;
  /** --days, if given. */
  days: number | undefined;
  shard: ShardSpec;
  range: ReplicationRange;
  toolVersion: string;
}

/** Writes a shard folder atomically (temp folder + rename), like a run folder. Returns its path. */
export function saveShard(run: ShardRun, out: string): string {
  const { result } = run;
  if (result.perReplication.length !== run.range.to - run.range.from) {
    throw new RangeError(
      `shard ${run.shard.index}/${run.shard.count} has ${result.perReplication.length} replications, not ${run.range.to - run.range.from}`,
    );
  }
  const w = result.window;
  const info: ShardInfo = {
    formatVersion: SHARD_FORMAT_VERSION,
    kind: 'sim-shard',
    scenario: {
      name: result.scenario.name,
      file: result.file ?? null,
      contentHash: result.scenario.contentHash,
    },
    seed: result.seed,
    replications: result.replications,
    days: run.days ?? null,
    window: w ? { day: w.day, from: w.from, to: w.to } : null,
    givenReplication: result.givenReplication ?? null,
    shard: { ...run.shard, ...run.range },
    toolVersion: run.toolVersion,
    startedAt: result.startedAt.toISOString(),
    durationMs: Math.round(result.durationMs),
  };
  return writeRunFolder(out, {
    [SHARD_INFO_FILE]: `${JSON.stringify(info, null, 2)}\n`,
    [SHARD_SCENARIO_FILE]: run.scenarioText,
    [SHARD_METRICS_FILE]: `${JSON.stringify({ formatVersion: SHARD_FORMAT_VERSION, replications: result.perReplication })}\n`,
  });
}
