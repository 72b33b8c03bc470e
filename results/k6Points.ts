// Reads k6's `--out json=<file>` streams (one per k6 process, plain or .gz) into the facts the
// measured run is derived from. Several files (execution segments) merge by concatenation: every
// call is one `call_wait_s` sample, so merged counts, rates and percentiles are exact.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { K6_RESULTS } from './k6Results.js';
import { LOAD_QUALITY_METRICS, type LoadQuality, LoadQualityCollector } from './loadQuality.js';

export interface MeasuredCall {
  /** Scenario interval index (tag `interval`). */
  interval: number;
  /** answered, abandoned, blocked, closed, selfServed or error. */
  outcome: string;
  /** Model seconds (0 when the target did not report one). */
  waitS: number;
  /** A caller calling again (tag attempt=retrial). */
  retrial: boolean;
  /** The server's own outcome from its reply (tag server_outcome); 'none' when it gave none (hang-up). */
  serverOutcome?: string;
  /** The call's id (sample metadata call_id), for reconciling with the target's log. */
  callId?: string;
}

/** The server's self-report (a cross-check of the client's measurement). */
export interface ServerReported {
  /** Outcome in the server's reply. */
  outcome: string;
  /** Wait the server reported, model seconds. */
  waitS: number;
}

/** One chat session of a replay (metric chat_session_wait_s). */
export interface MeasuredSession {
  interval: number;
  /** closed, abandoned, left, completed or error. */
  outcome: string;
  /** Whether a first reply came. */
  answered: boolean;
  /** Model seconds: the first response when answered, otherwise the time to the session's end. */
  waitS: number;
}

export interface K6Measurement {
  calls: MeasuredCall[];
  /** server_wait_s samples: calls whose reply carried a wait. */
  serverReported?: ServerReported[];
  /** wait_gap_s samples: client wait minus server wait, calls answered on both sides. */
  waitGapsS?: number[];
  /** Chat sessions (empty when the replay had no chat). */
  chatSessions?: MeasuredSession[];
  /** Every chat reply's time (model seconds) with its interval. */
  chatReplies?: { interval: number; s: number }[];
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

/** Each channel's sample readers by k6 metric (results/<channel>/ declare theirs). */
const CHANNEL_SAMPLES = new Map(K6_RESULTS.flatMap((channel) => Object.entries(channel.samples)));
/** The run's health metrics: counted whatever the interval (they carry none, or a warm-up's too). */
const HEALTH_METRICS = ['http_req_failed', 'http_reqs', 'dropped_iterations'];

interface PointLine {
  type?: string;
  metric?: string;
  data?: { value?: number; tags?: Record<string, string>; metadata?: Record<string, string> };
}

/**
 * `isMeasured`: which intervals count (results/measuredWindow.ts; default all): samples of other
 * intervals (a warm-up's) are skipped here, so every figure derived from the measurement obeys it.
 */
export async function readK6Points(
  files: readonly string[],
  isMeasured: (interval: number) => boolean = () => true,
): Promise<K6Measurement> {
  const out: K6Measurement = {
    calls: [],
    ...Object.assign({}, ...K6_RESULTS.map((channel) => channel.emptyFacts())),
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
        if (point.type === 'Point') quality.add(metric, point.data?.value ?? 0, point.data?.tags);
      }
      if (metric === undefined) continue;
      const read = CHANNEL_SAMPLES.get(metric);
      const health = HEALTH_METRICS.includes(metric);
      if (read === undefined && !health) continue;
      const point = JSON.parse(line) as PointLine;
      if (point.type !== 'Point') continue;
      const value = point.data?.value ?? 0;
      const tags = point.data?.tags ?? {};
      if (!health && tags.interval !== undefined && !isMeasured(Number(tags.interval))) continue;
      if (read !== undefined) read({ value, tags, metadata: point.data?.metadata }, out);
      else if (metric === 'http_req_failed') {
        if (value) out.httpFailed++;
      } else if (metric === 'http_reqs') {
        out.httpRequests += value;
      } else {
        out.droppedIterations += value;
      }
    }
  }
  out.quality = quality.result();
  return out;
}
