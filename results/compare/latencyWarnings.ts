import type { LoadedRun } from '../loadRun.js';

/** Above this share of the SL threshold, the median client − server wait gap distorts the SL. */
export const LATENCY_SHARE_OF_THRESHOLD = 0.25;

/**
 * A k6 run measures each wait on the client's clock: wall milliseconds times the time scale, so
 * transport latency (k6 and the target starved of CPU, the network) adds to every wait, the
 * immediately answered ones too. The cross-check (summary.serverCrossCheck) has the client − server
 * gap of each answered call. When its median is a quarter of the SL threshold or more, the run's SL
 * (and ASA, abandonment) measure that latency, for the whole run at once: batch means sees no such
 * run-wide offset in the spread of the run's own intervals, and a gate on it cries wolf. Measured in
 * `npm run bench -- --only gate-k6` (time scale 600, load average 17 on 2 cores): median gaps of
 * 5-13 model s gave client SLs of 0.51-0.75 where the server's were 0.90-0.99; healthy runs' medians
 * were 0.6-1.8 s. Warns; a run without a cross-check (older folders) or a target says nothing.
 */
export function latencyWarnings(run: LoadedRun): string[] {
  if (run.info.kind !== 'k6') return [];
  const check = run.summary.serverCrossCheck;
  const thresholdS = (run.summary.targets as Record<string, { thresholdS?: number } | undefined>).phone
    ?.thresholdS;
  if (!check?.waitGapS || thresholdS === undefined) return [];
  const gap = check.waitGapS;
  if (gap.p50 < LATENCY_SHARE_OF_THRESHOLD * thresholdS) return [];
  const timeScale = (run.info as { k6?: { timeScale?: number } }).k6?.timeScale;
  const wallMs = timeScale
    ? ` (${((gap.p50 / timeScale) * 1000).toFixed(0)} ms of wall time at time scale ${timeScale})`
    : '';
  const sl = (x: number | null) => (x === null ? 'n/a' : x.toFixed(3));
  return [
    `${run.info.id}: client waits exceed the server's by a median of ${gap.p50.toFixed(1)} model s${wallMs}, ` +
      `p95 ${gap.p95.toFixed(1)} s, against an SL threshold of ${thresholdS} s: its figures measure that latency ` +
      `(client slOffered ${sl(check.client.slOffered)}, server ${sl(check.server.slOffered)}), for the whole run, ` +
      'which no interval of the comparison carries; replay at a lower --time-scale or on a quieter machine before gating on it',
  ];
}
