// What QA asks about the load itself (not the system under test): how long requests took, which
// failed and with what status, how late calls were sent against their planned instants, per
// interval of the replayed window. Collected from k6's JSON sample stream beside the call facts
// (k6Points.ts) and stored as load-quality.json in the k6 run folder. Fields added later
// (vusMax per interval, arrival lag per channel) are optional: older folders stay readable.
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
  /** Wall milliseconds between a call's planned instant and its sending (Poisson arrivals), all channels. */
  arrivalLagMs: Percentiles,
  /**
   * The same per channel (the sample's `channel` tag, else k6's `scenario`): phone calls and chat
   * sessions are sent by different scenarios, and one lagging must not hide in the other's samples.
   */
  arrivalLagMsByChannel: Type.Optional(Type.Record(Type.String(), Percentiles)),
  /**
   * The most VUs while the interval was being sent (k6's `vus` samples, placed by their time between
   * the first samples of this interval and of the next), summed over the k6 processes; null if none.
   */
  vusMax: Type.Optional(Type.Union([Type.Integer({ minimum: 0 }), Type.Null()])),
});

export const LoadQualitySchema = Type.Object({
  formatVersion: Type.Literal(1),
  intervals: Type.Array(LoadQualityRowSchema),
  whole: LoadQualityRowSchema,
  droppedIterations: Type.Integer({ minimum: 0 }),
  /** The most VUs of each k6 process, summed over the processes (segments). */
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
  lagByChannel: Map<string, number[]>;
  failed: Record<string, number>;
  vusMax: number | null;
}

const emptyBucket = (): Bucket => ({
  latency: [],
  lag: [],
  lagByChannel: new Map(),
  failed: {},
  vusMax: null,
});

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

/** The interval whose first sample came last at or before `time`; null before the first. */
function intervalAt(starts: ReadonlyArray<[number, number]>, time: number): number | null {
  let found: number | null = null;
  for (const [interval, start] of starts) {
    if (start > time) break;
    found = interval;
  }
  return found;
}

const addUp = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : a + b);

/**
 * Reads one k6 process's samples after another (`endSegment` between them). VUs carry no interval:
 * each `vus` sample is placed by its time in the interval whose first tagged sample came last
 * before it, per process, and the processes' maxima are summed (they run side by side).
 */
export class LoadQualityCollector {
  private readonly buckets = new Map<number, Bucket>();
  private dropped = 0;
  private vusMax: number | null = null;
  /** This process's: the first sample's time per interval, and its vus samples (time, value). */
  private starts = new Map<number, number>();
  private vusSamples: Array<[number, number]> = [];

  /** One k6 sample: its metric, value, tags (interval, status, channel) and time (epoch ms), if known. */
  add(metric: string, value: number, tags: Record<string, string> | null | undefined, timeMs?: number): void {
    if (metric === 'dropped_iterations') this.dropped += value;
    else if (metric === 'vus') {
      if (timeMs !== undefined && Number.isFinite(timeMs)) this.vusSamples.push([timeMs, value]);
      else this.vusSamples.push([Number.NEGATIVE_INFINITY, value]);
    } else {
      const interval = Number(tags?.interval ?? -1);
      if (interval >= 0 && timeMs !== undefined && Number.isFinite(timeMs))
        this.starts.set(interval, Math.min(this.starts.get(interval) ?? timeMs, timeMs));
      const bucket = this.bucket(interval);
      if (metric === 'http_req_duration') bucket.latency.push(value);
      else if (metric === 'arrival_lag_ms') {
        bucket.lag.push(value);
        const channel = tags?.channel ?? tags?.scenario ?? 'unknown';
        const list = bucket.lagByChannel.get(channel) ?? [];
        list.push(value);
        bucket.lagByChannel.set(channel, list);
      } else if (metric === 'http_req_failed' && value) {
        const status = tags?.status ?? '0';
        bucket.failed[status] = (bucket.failed[status] ?? 0) + 1;
      }
    }
  }

  /** The end of one k6 process's stream: its VUs go to their intervals, its maximum to the run's. */
  endSegment(): void {
    const order = [...this.starts.entries()].sort(([, a], [, b]) => a - b);
    const perInterval = new Map<number, number>();
    let most: number | null = null;
    for (const [time, value] of this.vusSamples) {
      most = Math.max(most ?? 0, value);
      const at = intervalAt(order, time);
      if (at !== null) perInterval.set(at, Math.max(perInterval.get(at) ?? 0, value));
    }
    for (const [interval, value] of perInterval) {
      const bucket = this.bucket(interval);
      bucket.vusMax = addUp(bucket.vusMax, value);
    }
    this.vusMax = addUp(this.vusMax, most);
    this.starts = new Map();
    this.vusSamples = [];
  }

  result(): LoadQuality {
    if (this.vusSamples.length > 0 || this.starts.size > 0) this.endSegment();
    const keys = [...this.buckets.keys()].sort((a, b) => a - b);
    const row = (interval: number, b: Bucket): LoadQualityRow => ({
      interval,
      requests: b.latency.length,
      latencyMs: percentiles([...b.latency]),
      failedByStatus: { ...b.failed },
      arrivalLagMs: percentiles([...b.lag]),
      arrivalLagMsByChannel: Object.fromEntries(
        [...b.lagByChannel.entries()]
          .sort(([x], [y]) => x.localeCompare(y))
          .map(([c, v]) => [c, percentiles([...v])]),
      ),
      vusMax: b.vusMax,
    });
    const all = emptyBucket();
    for (const b of this.buckets.values()) {
      all.latency.push(...b.latency);
      all.lag.push(...b.lag);
      for (const [channel, v] of b.lagByChannel)
        all.lagByChannel.set(channel, [...(all.lagByChannel.get(channel) ?? []), ...v]);
      for (const [status, n] of Object.entries(b.failed)) all.failed[status] = (all.failed[status] ?? 0) + n;
    }
    all.vusMax = this.vusMax;
    return {
      formatVersion: 1,
      intervals: keys.map((k) => row(k, this.buckets.get(k)!)),
      whole: row(-1, all),
      droppedIterations: this.dropped,
      vusMax: this.vusMax,
    };
  }

  private bucket(interval: number): Bucket {
    let b = this.buckets.get(interval);
    if (!b) {
      b = emptyBucket();
      this.buckets.set(interval, b);
    }
    return b;
  }
}
