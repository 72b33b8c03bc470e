// The --shard side of `hotline sim`: its flag checks, made before any work starts.
import { InputError } from '../../scenarios/inputError.js';
import { type ReplicationRange, type ShardSpec, shardRange } from '../../sim/replications/shardRange.js';

/** The replications the shard runs; bad input (exit 2) for a shard without --out or with --json. */
export function checkShardFlags(
  shard: ShardSpec,
  flags: { replications: number; out?: string; json?: boolean },
): ReplicationRange {
  if (flags.out === undefined) {
    throw new InputError(undefined, [
      {
        path: '--shard',
        message:
          'needs --out <dir>: a shard is not a run; `hotline merge` makes the run from the shard folders',
      },
    ]);
  }
  if (flags.json) {
    throw new InputError(undefined, [
      { path: '--json', message: 'not with --shard: a shard has no summary of its own; merge the shards' },
    ]);
  }
  return shardRange(shard, flags.replications);
}
