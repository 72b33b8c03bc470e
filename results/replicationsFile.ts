import type { MetricRecord } from '../sim/channels/ChannelPlugin.js';
import { channelEntries } from '../sim/channels/index.js';
import { metricNames } from '../sim/metrics/metricRegistry.js';
import type { ReplicationMetrics } from '../sim/replications/measureReplication.js';
import { RESULT_FORMAT_VERSION } from './runFormat.js';
import type { ReplicationsData } from './runSchema.js';

/** Column-wise: one array per metric, one value per replication (null where undefined). */
export type MetricColumns = Partial<Record<string, Array<number | null>>>;

export function buildReplicationsFile(perReplication: readonly ReplicationMetrics[]): ReplicationsData {
  const channels: Record<string, { run: MetricColumns; days: MetricColumns[] }> = {};
  for (const [channel, first] of channelEntries(perReplication[0]?.channels ?? {})) {
    const all = perReplication.map((r) => r.channels[channel]!);
    channels[channel] = {
      run: columns(
        channel,
        all.map((m) => m.run),
      ),
      days: first.days.map((_, d) =>
        columns(
          channel,
          all.map((m) => m.days[d]!),
        ),
      ),
    };
  }
  return { formatVersion: RESULT_FORMAT_VERSION, replications: perReplication.length, channels };
}

function columns(channel: string, rows: readonly MetricRecord[]): MetricColumns {
  const out: MetricColumns = {};
  for (const metric of metricNames(channel)) out[metric] = rows.map((row) => round(row[metric] ?? null));
  return out;
}

function round(value: number | null): number | null {
  return value === null ? null : Number(value.toPrecision(9));
}
