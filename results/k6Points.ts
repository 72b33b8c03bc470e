// Reads k6's `--out json=<file>` streams (one per k6 process, plain or .gz) into the facts the
// measured run is derived from: each channel's facts (its K6ChannelResults reads its own samples) and
// the run's transport health. Several files (execution segments) merge by concatenation: every contact
// is one sample, so merged counts, rates and percentiles are exact.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import type { AnyK6ChannelResults } from './K6ChannelResults.js';
import { K6_RESULTS, type K6Facts } from './k6Results.js';
import { LOAD_QUALITY_METRICS, type LoadQuality, LoadQualityCollector } from './loadQuality.js';

export interface K6Measurement {
  /** Each channel's facts (results/<channel>/ declare them), keyed by channel; empty when not replayed. */
  channels: K6Facts;
  httpRequests: number;
  httpFailed: number;
  droppedIterations: number;
  /** Number of k6 processes merged. */
  segments: number;
  /** Latency, failures by status, arrival lag per interval, dropped iterations, VUs (load-quality.json). */
  quality?: LoadQuality;
}

/** One sample of a k6 metric: its value, tags and metadata (e.g. a call's id). */
export interface K6Sample {
  value: number;
  tags: Record<string, string>;
  metadata: Record<string, string> | undefined;
}

/** Each channel's sample readers by k6 metric (results/<channel>/ declare theirs), with its channel. */
const CHANNEL_SAMPLES = new Map(
  (K6_RESULTS as readonly AnyK6ChannelResults[]).flatMap((results) =>
    Object.entries(results.samples).map(
      ([metric, read]) => [metric, { channel: results.channel, read }] as const,
    ),
  ),
);
/** The run's health metrics: counted whatever the interval (they carry none, or a warm-up's too). */
const HEALTH_METRICS = ['http_req_failed', 'http_reqs', 'dropped_iterations'];

interface PointLine {
  type?: string;
  metric?: string;
  data?: { time?: string; value?: number; tags?: Record<string, string>; metadata?: Record<string, string> };
}

/**
 * `isMeasured`: which intervals count (results/measuredWindow.ts; default all): samples of other
 * intervals (a warm-up's) are skipped here, so every figure derived from the measurement obeys it.
 */
export async function readK6Points(
  files: readonly string[],
  isMeasured: (interval: number) => boolean = () => true,
): Promise<K6Measurement> {
  const facts: Record<string, unknown> = {};
  for (const results of K6_RESULTS as readonly AnyK6ChannelResults[])
    facts[results.channel] = results.emptyFacts();
  const out: K6Measurement = {
    channels: facts as K6Facts,
    httpRequests: 0,
    httpFailed: 0,
    droppedIterations: 0,
    segments: 0,
  };
  const quality = new LoadQualityCollector();
  for (const file of files) {
    out.segments++;
    const raw = createReadStream(file);
    const input = file.endsWith('.gz') ? raw.pipe(createGunzip()) : raw;
    const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
    for await (const line of lines) {
      if (!line.startsWith('{"type":"Point"') && !line.includes('"Point"')) continue;
      const metric = /"metric":"([^"]+)"/.exec(line)?.[1];
      if (metric !== undefined && LOAD_QUALITY_METRICS.includes(metric)) {
        const point = JSON.parse(line) as PointLine;
        if (point.type === 'Point') {
          const time = point.data?.time === undefined ? undefined : Date.parse(point.data.time);
          quality.add(metric, point.data?.value ?? 0, point.data?.tags, time);
        }
      }
      if (metric === undefined) continue;
      const reader = CHANNEL_SAMPLES.get(metric);
      const health = HEALTH_METRICS.includes(metric);
      if (reader === undefined && !health) continue;
      const point = JSON.parse(line) as PointLine;
      if (point.type !== 'Point') continue;
      const value = point.data?.value ?? 0;
      const tags = point.data?.tags ?? {};
      if (!health && tags.interval !== undefined && !isMeasured(Number(tags.interval))) continue;
      if (reader !== undefined)
        reader.read({ value, tags, metadata: point.data?.metadata }, facts[reader.channel]);
      else if (metric === 'http_req_failed') {
        if (value) out.httpFailed++;
      } else if (metric === 'http_reqs') {
        out.httpRequests += value;
      } else {
        out.droppedIterations += value;
      }
    }
    quality.endSegment();
  }
  out.quality = quality.result();
  return out;
}
