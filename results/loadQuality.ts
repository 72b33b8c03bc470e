// What QA asks about the load itself (not the system under test): how long requests took, which
// failed and with what status, how late calls were sent against their planned instants, per
// interval of the replayed window. Collected from k6's JSON sample stream beside the call facts
// (k6Points.ts) and stored as load-quality.json in the k6 run folder.
import { type Static, Type } from '@sinclair/typebox';

const Percentiles = Type.Union([
  Type.Object({ p50: Type.Number(), p95: Type.Number(), p99: Type.Number() }),
  Type.Null(),
]);

export const LoadQualityRowSchema = Type.Object({
  /** Scenario interval index; -1 for samples without one. */
  interval: Type.Integer(),
  requests: Type.Integer({ minimum: 0 }),
  /** http_req_duration, wall milliseconds. */
  latencyMs: Percentiles,
  /** Failed requests (k6's http_req_failed) by HTTP status; "0" is no response (aborted or network error). */
  failedByStatus: Type.Record(Type.String(), Type.Integer({ minimum: 0 })),
  /** Wall milliseconds between a call's planned instant and its sending (Poisson arrivals). */
  arrivalLagMs: Percentiles,
});

export const LoadQualitySchema = Type.Object({
  formatVersion: Type.Literal(1),
  intervals: Type.Array(LoadQualityRowSchema),
  whole: LoadQualityRowSchema,
  droppedIterations: Type.Integer({ minimum: 0 }),
  vusMax: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]),
});

export type LoadQualityRow = Static<typeof LoadQualityRowSchema>;
export type LoadQuality = Static<typeof LoadQualitySchema>;

/** The k6 metrics the collector reads. */
export const LOAD_QUALITY_METRICS = [
  'http_req_duration',
  'http_req_failed',
  'arrival_lag_ms',
  'dropped_iterations',
  'vus',
];

interface Bucket {
  latency: number[];
  lag: number[];
  failed: Record<string, number>;
}

/** Linear interpolation between order statistics (k6's own percentile rule). */
export function percentile(sorted: readonly number[], q: number): number {
  const position = q * (sorted.length - 1);
  const lo = Math.floor(position);
  const hi = Math.ceil(position);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (position - lo);
}

function percentiles(values: number[]): LoadQualityRow['latencyMs'] {
  if (values.length === 0) return null;
  const sorted = values.sort((a, b) => a - b);
  return { p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95), p99: percentile(sorted, 0.99) };
}

export class LoadQualityCollector {
  private readonly buckets = new Map<number, Bucket>();
  private dropped = 0;
  private vus: number | null = null;

  /** One k6 sample: its metric, value and tags (interval, status). */
  add(metric: string, value: number, tags: Record<string, string> | null | undefined): void {
    if (metric === 'dropped_iterations') this.dropped += value;
    else if (metric === 'vus') this.vus = Math.max(this.vus ?? 0, value);
    else {
      const bucket = this.bucket(Number(tags?.interval ?? -1));
      if (metric === 'http_req_duration') bucket.latency.push(value);
      else if (metric === 'arrival_lag_ms') bucket.lag.push(value);
      else if (metric === 'http_req_failed' && value) {
        const status = tags?.status ?? '0';
        bucket.failed[status] = (bucket.failed[status] ?? 0) + 1;
      }
    }
  }

  result(): LoadQuality {
    const keys = [...this.buckets.keys()].sort((a, b) => a - b);
    const row = (interval: number, b: Bucket): LoadQualityRow => ({
      interval,
      requests: b.latency.length,
      latencyMs: percentiles([...b.latency]),
      failedByStatus: { ...b.failed },
      arrivalLagMs: percentiles([...b.lag]),
    });
    const all: Bucket = { latency: [], lag: [], failed: {} };
    for (const b of this.buckets.values()) {
      all.latency.push(...b.latency);
      all.lag.push(...b.lag);
      for (const [status, n] of Object.entries(b.failed)) all.failed[status] = (all.failed[status] ?? 0) + n;
    }
    return {
      formatVersion: 1,
      intervals: keys.map((k) => row(k, this.buckets.get(k)!)),
      whole: row(-1, all),
      droppedIterations: this.dropped,
      vusMax: this.vus,
    };
  }

  private bucket(interval: number): Bucket {
    let b = this.buckets.get(interval);
    if (!b) {
      b = { latency: [], lag: [], failed: {} };
      this.buckets.set(interval, b);
    }
    return b;
  }
}
