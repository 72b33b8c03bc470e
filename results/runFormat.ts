// The result format shared by predicted (sim) and measured (k6) runs. Bump RESULT_FORMAT_VERSION on
// any incompatible change; readers refuse newer versions with a clear message.
import type { ClassSummary, MetricSummary, PhoneSummary } from '../sim/replications/summarizeReplications.js';
import type { ServerCrossCheck } from './serverCrossCheck.js';

export const RESULT_FORMAT_VERSION = 1;

export type RunKind = 'sim' | 'k6';

/** One day's window that the run-level metrics cover (`--day`, `--from`, `--to`); day 1 = first. */
export interface WindowInfo {
  day: number;
  from: string;
  to: string;
}

/** run.json: how the run was made. */
export interface RunInfo {
  formatVersion: number;
  kind: RunKind;
  id: string;
  scenario: { name: string; file: string | null; contentHash: string };
  seed: number | string;
  replications: number;
  days: number;
  startDate: string;
  intervalMinutes: number;
  /** Absent: the run-level metrics cover the whole horizon. */
  window?: WindowInfo;
  toolVersion: string;
  startedAt: string;
  durationMs: number;
}

export interface TargetsSummary {
  variant: string;
  thresholdS: number;
  goal: number;
  maxAbandonRate: number | null;
  maxAsaS: number | null;
}

/** summary.json: deterministic for a given scenario, seed and replication count (no timestamps). */
export interface RunSummary {
  formatVersion: number;
  kind: RunKind;
  scenario: string;
  replications: number;
  channels: string[];
  /** The window `phone` covers; absent for the whole horizon. Days are always whole days. */
  window?: WindowInfo;
  phone: PhoneSummary;
  targets: { phone: TargetsSummary };
  days: { phone: Array<{ date: string; weekday: string } & PhoneSummary> };
  /** Whole run per priority class (highest priority first); absent in runs that predate it. */
  classes?: { phone: Array<{ name: string; priority: number; share: number } & ClassSummary> };
  /** k6 runs: the client's measurement beside the server's self-report (results/serverCrossCheck.ts). */
  serverCrossCheck?: ServerCrossCheck;
}

export type { ClassSummary, MetricSummary, PhoneSummary };
