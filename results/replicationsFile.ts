// replications.json: the run- and day-level metrics of every replication, so `hotline compare` can
// pair two sim runs replication by replication (common random numbers) instead of comparing two
// independent means. Optional in a run folder: readers fall back to unpaired statistics without it.
import { metricNames } from '../sim/metrics/metricRegistry.js';
import type { PhoneMetric, PhoneMetrics } from '../sim/metrics/PhoneMetrics.js';
import type { ReplicationMetrics } from '../sim/replications/measureReplication.js';
import { RESULT_FORMAT_VERSION } from './runFormat.js';
import type { ReplicationsData } from './runSchema.js';

/** Column-wise: one array per metric, one value per replication (null where undefined). */
export type MetricColumns = Partial<Record<PhoneMetric, Array<number | null>>>;

export function buildReplicationsFile(perReplication: readonly ReplicationMetrics[]): ReplicationsData {
  const days = perReplication[0]?.days.length ?? 0;
  return {
    formatVersion: RESULT_FORMAT_VERSION,
    replications: perReplication.length,
    channels: {
      phone: {
        run: columns(perReplication.map((r) => r.run)),
        days: Array.from({ length: days }, (_, d) => columns(perReplication.map((r) => r.days[d]!))),
      },
      ...(perReplication[0]?.chat
        ? {
            chat: {
              run: channelColumns(
                'chat',
                perReplication.map((r) => r.chat!.run),
              ),
              days: Array.from({ length: days }, (_, d) =>
                channelColumns(
                  'chat',
                  perReplication.map((r) => r.chat!.days[d]!),
                ),
              ),
            },
          }
        : {}),
    },
  };
}

function columns(rows: readonly PhoneMetrics[]): MetricColumns {
  const out: MetricColumns = {};
  for (const metric of metricNames('phone')) out[metric] = rows.map((row) => round(row[metric]));
  return out;
}

function channelColumns(
  channel: string,
  rows: readonly Readonly<Record<string, number | null>>[],
): Record<string, Array<number | null>> {
  const out: Record<string, Array<number | null>> = {};
  for (const metric of metricNames(channel)) out[metric] = rows.map((row) => round(row[metric] ?? null));
  return out;
}

// Nine significant digits keep paired differences exact enough while the file stays small.
function round(value: number | null): number | null {
  return value === null ? null : Number(value.toPrecision(9));
}
