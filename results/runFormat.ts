// The result format shared by predicted (sim) and measured (k6) runs. Bump RESULT_FORMAT_VERSION on
// any incompatible change; readers refuse newer versions with a clear message. The types are
// Static<> of the TypeBox schemas in runSchema.ts, the one source of the format.
import type { MetricSummaries, MetricSummary } from '../sim/replications/summarizeReplications.js';
import type { RunInfoData, RunKind, RunSummaryData, TargetsSummary, WindowInfo } from './runSchema.js';

export const RESULT_FORMAT_VERSION = 2;

/** run.json: how the run was made. */
export type RunInfo = RunInfoData;

/** summary.json: deterministic for a given scenario, seed and replication count (no timestamps). */
export type RunSummary = RunSummaryData;

export type { MetricSummaries, MetricSummary, RunKind, TargetsSummary, WindowInfo };
