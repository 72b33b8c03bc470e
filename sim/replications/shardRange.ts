import { InputError } from '../../scenarios/inputError.js';

/** Shard i of n (1-based), as `hotline sim --shard i/n` takes it. */
export interface ShardSpec {
  readonly index: number;
  readonly count: number;
}

/** A contiguous range of replication indices [from, to). */
export interface ReplicationRange {
  readonly from: number;
  readonly to: number;
}

const SHARD_FLAG = '--shard';
const ALLOWED = 'i/n with whole numbers 1 <= i <= n, e.g. 2/3';

/** Parses `i/n`; anything else is bad input naming the flag (exit 2). */
export function parseShard(raw: string): ShardSpec {
  const match = /^([0-9]{1,6})\/([0-9]{1,6})$/.exec(raw);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) {
    throw new InputError(undefined, [
      { path: SHARD_FLAG, message: 'expected shard i of n', value: raw, allowed: ALLOWED },
    ]);
  }
  return { index, count };
}

/**
 * The replications shard i of n runs: contiguous, every index in exactly one shard, sizes differing
 * by at most one. A replication's random streams depend on its index only (createStream), so which
 * shard runs it cannot change its figures. More shards than replications would leave some empty.
 */
export function shardRange(shard: ShardSpec, replications: number): ReplicationRange {
  if (shard.count > replications) {
    throw new InputError(undefined, [
      {
        path: SHARD_FLAG,
        message: `more shards than replications (${replications})`,
        value: `${shard.index}/${shard.count}`,
        allowed: `n from 1 to --replications (${replications})`,
      },
    ]);
  }
  return {
    from: Math.floor(((shard.index - 1) * replications) / shard.count),
    to: Math.floor((shard.index * replications) / shard.count),
  };
}
