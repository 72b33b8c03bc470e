import { InputError, type InputIssue } from '../scenarios/inputError.js';
import { loadScenarioText } from '../scenarios/loadScenario.js';
import type { ReplicationMetrics } from '../sim/replications/measureReplication.js';
import { resolveRunWindow } from '../sim/replications/runWindow.js';
import { shardRange } from '../sim/replications/shardRange.js';
import { summarizeReplications } from '../sim/replications/summarizeReplications.js';
import type { SimulationResult } from '../sim/simulateScenario.js';
import { type LoadedShard, loadShard } from './loadShard.js';
import type { ShardInfo } from './shardFormat.js';

export interface MergedShards {
  /** The run as the unsharded `hotline sim` would have produced it (saveSimRun writes it). */
  result: SimulationResult;
  toolVersion: string;
}

/** What must be equal in every shard of one run, with how to show it. */
const SAME_RUN: ReadonlyArray<[string, (info: ShardInfo) => unknown]> = [
  ['scenario.contentHash', (info) => info.scenario.contentHash],
  ['seed', (info) => info.seed],
  ['replications', (info) => info.replications],
  ['days', (info) => info.days],
  ['window', (info) => info.window],
  ['givenReplication', (info) => info.givenReplication ?? null],
  ['shard.count', (info) => info.shard.count],
  ['toolVersion', (info) => info.toolVersion],
];

/**
 * Checks that the folders are the shards of one run, each range exactly once, and joins their
 * replications in replication order: the summary is computed from the same numbers in the same
 * order as the unsharded run's, so summary.json, intervals.csv and replications.json are identical.
 * run.json differs only in id, startedAt (the earliest shard's) and durationMs (the shards' sum).
 */
export function mergeShards(folders: readonly string[]): MergedShards {
  const shards = folders.map(loadShard);
  checkSameRun(shards);
  const ordered = checkCoverage(shards);
  const { info, scenarioText } = ordered[0]!;
  const file = info.scenario.file ?? undefined;
  const scenario = loadScenarioText(scenarioText, file, info.days === null ? {} : { days: info.days });
  const window = info.window ? resolveRunWindow(scenario.calendar, info.window) : undefined;
  const perReplication = ordered.flatMap((shard) => shard.replications) as ReplicationMetrics[];
  const startedAt = Math.min(...ordered.map((shard) => Date.parse(shard.info.startedAt)));
  return {
    result: {
      scenario,
      file,
      seed: info.seed,
      replications: info.replications,
      perReplication,
      summary: summarizeReplications(perReplication),
      window,
      ...(info.givenReplication == null ? {} : { givenReplication: info.givenReplication }),
      startedAt: new Date(Number.isFinite(startedAt) ? startedAt : 0),
      durationMs: ordered.reduce((sum, shard) => sum + shard.info.durationMs, 0),
    },
    toolVersion: info.toolVersion,
  };
}

function checkSameRun(shards: readonly LoadedShard[]): void {
  const first = shards[0]!;
  const issues: InputIssue[] = [];
  for (const shard of shards.slice(1)) {
    for (const [field, read] of SAME_RUN) {
      const mine = JSON.stringify(read(shard.info));
      const theirs = JSON.stringify(read(first.info));
      if (mine !== theirs) {
        issues.push({
          path: `${shard.folder}: shard.json ${field}`,
          message: `differs from ${first.folder} (${theirs}): not a shard of the same run`,
          value: read(shard.info),
        });
      }
    }
  }
  if (issues.length > 0) throw new InputError(undefined, issues);
}

/** The shards ordered 1..n, or bad input naming every missing and every repeated shard. */
function checkCoverage(shards: readonly LoadedShard[]): LoadedShard[] {
  const { count } = shards[0]!.info.shard;
  const { replications } = shards[0]!.info;
  const issues: InputIssue[] = [];
  const ordered: LoadedShard[] = [];
  for (let index = 1; index <= count; index++) {
    const found = shards.filter((shard) => shard.info.shard.index === index);
    const { from, to } = shardRange({ index, count }, replications);
    if (found.length === 0) {
      issues.push({
        path: '<shard folders>',
        message: `missing shard ${index}/${count} (replications ${from} to ${to - 1})`,
      });
    } else if (found.length > 1) {
      issues.push({
        path: '<shard folders>',
        message: `shard ${index}/${count} given more than once (overlap): ${found.map((s) => s.folder).join(', ')}`,
      });
    } else {
      ordered.push(found[0]!);
    }
  }
  if (issues.length > 0) throw new InputError(undefined, issues);
  return ordered;
}
