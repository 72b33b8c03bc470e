// Test support: a LoadedRun built from a few fields, for comparisons and alignment without a run folder.
import type { LoadedRun } from '../../loadRun.js';
import type { MetricSeries } from '../../parseIntervalsCsv.js';
import type { MetricValue } from '../../runMetrics.js';

export interface FakeRunOptions {
  kind: 'sim' | 'k6';
  id?: string;
  startDate?: string;
  days?: number;
  intervalMinutes?: number;
  replications?: number;
  seed?: number;
  window?: { day: number; from: string; to: string };
  /** Run-level phone figures (the run has phone unless only chat figures are given). */
  phone?: Record<string, MetricValue>;
  /** Run-level chat figures (the run has chat when given). */
  chat?: Record<string, MetricValue>;
  /** Per-interval phone means, by metric (one value per interval of the calendar). */
  intervals?: Record<string, Array<number | null>>;
  /** Per-interval CI bounds, by metric. */
  bounds?: Record<string, { lo: Array<number | null>; hi: Array<number | null> }>;
}

export function fakeRun(o: FakeRunOptions): LoadedRun {
  const startDate = o.startDate ?? '2020-12-07';
  const days = o.days ?? 1;
  const minutes = o.intervalMinutes ?? 30;
  const perDay = (24 * 60) / minutes;
  const date: string[] = [];
  const start: string[] = [];
  for (let d = 0; d < days; d++) {
    const day = new Date(Date.parse(`${startDate}T00:00:00Z`) + d * 86_400_000).toISOString().slice(0, 10);
    for (let k = 0; k < perDay; k++) {
      date.push(day);
      const m = k * minutes;
      start.push(`${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`);
    }
  }
  const phone: Record<string, MetricSeries> = {};
  for (const [metric, mean] of Object.entries(o.intervals ?? {})) {
    const b = o.bounds?.[metric];
    phone[metric] = { mean, lo: b?.lo ?? mean.map(() => null), hi: b?.hi ?? mean.map(() => null) };
  }
  const replications = o.replications ?? (o.kind === 'k6' ? 1 : 30);
  const window = o.window ? { window: o.window } : {};
  return {
    folder: `/fake/${o.id ?? o.kind}`,
    info: {
      formatVersion: 2,
      kind: o.kind,
      id: o.id ?? o.kind,
      scenario: { name: 'fake', file: null, contentHash: '0'.repeat(64) },
      seed: o.seed ?? 1,
      replications,
      days,
      startDate,
      intervalMinutes: minutes,
      ...window,
      toolVersion: 'test',
      startedAt: '2026-01-01T00:00:00.000Z',
      durationMs: 0,
    },
    summary: {
      formatVersion: 2,
      kind: o.kind,
      scenario: 'fake',
      replications,
      ...window,
      channels: {
        ...(o.phone !== undefined || o.chat === undefined ? { phone: o.phone ?? {} } : {}),
        ...(o.chat === undefined ? {} : { chat: o.chat }),
      },
      targets: {
        phone: { variant: 'slOffered', thresholdS: 20, goal: 0.8, maxAbandonRate: null, maxAsaS: null },
      },
      days: { phone: [] },
    },
    intervals: { date, start, channels: { phone, chat: {}, checkin: {} } },
    replications: null,
  } as LoadedRun;
}
