// A shard folder (`hotline sim --shard i/n --out <dir>`): one contiguous range of a run's replications,
// with everything `hotline merge` needs to rebuild the unsharded run byte for byte and to refuse
// folders that are not shards of one run. The per-replication metrics are kept at full precision
// (JSON round-trips a double exactly), in replication order, as the simulator measured them: the
// merge summarises exactly the numbers the unsharded run would have summarised.
import { type Static, Type } from '@sinclair/typebox';

export const SHARD_FORMAT_VERSION = 1;

/** shard.json: how the shard was made. */
export const SHARD_INFO_FILE = 'shard.json';
/** The scenario text, verbatim (its sha256 is scenario.contentHash), so the merge needs no other file. */
export const SHARD_SCENARIO_FILE = 'scenario.json';
/** metrics.json: each replication's metrics (intervals, days, run, classes, channels) of the range. */
export const SHARD_METRICS_FILE = 'metrics.json';

export const ShardInfoSchema = Type.Object({
  formatVersion: Type.Literal(SHARD_FORMAT_VERSION),
  kind: Type.Literal('sim-shard'),
  scenario: Type.Object({
    name: Type.String(),
    file: Type.Union([Type.String(), Type.Null()]),
    contentHash: Type.String(),
  }),
  seed: Type.Union([Type.Number(), Type.String()]),
  /** Replications of the whole run (all shards). */
  replications: Type.Integer({ minimum: 1 }),
  /** --days, or null for the calendar. */
  days: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()]),
  /** --day/--from/--to, or null for the whole horizon. */
  window: Type.Union([
    Type.Object({ day: Type.Integer({ minimum: 1 }), from: Type.String(), to: Type.String() }),
    Type.Null(),
  ]),
  /** --given-replication, or null for independent replications. */
  givenReplication: Type.Optional(Type.Union([Type.Integer({ minimum: 0 }), Type.Null()])),
  shard: Type.Object({
    index: Type.Integer({ minimum: 1 }),
    count: Type.Integer({ minimum: 1 }),
    /** Replication indices [from, to), 0-based. */
    from: Type.Integer({ minimum: 0 }),
    to: Type.Integer({ minimum: 1 }),
  }),
  toolVersion: Type.String(),
  startedAt: Type.String(),
  durationMs: Type.Number({ minimum: 0 }),
});

export type ShardInfo = Static<typeof ShardInfoSchema>;

/** metrics.json; a replication's metrics are passed through as the simulator made them. */
export const ShardMetricsSchema = Type.Object({
  formatVersion: Type.Literal(SHARD_FORMAT_VERSION),
  replications: Type.Array(Type.Object({})),
});
