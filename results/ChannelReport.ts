import type { ChannelName } from '../sim/channels/index.js';
import type { AlignedAxis } from './compare/alignRuns.js';
import type { LoadedRun } from './loadRun.js';
import type { ChartSpec } from './report/chartSpec.js';

/**
 * A channel's part of the report and compare pages (results/<channel>/). renderReport and
 * renderCompare iterate the list in channelReports.ts, so the pages name no channel and a run
 * without phone is not laid out around phone.
 */
export interface ChannelReport {
  readonly channel: ChannelName;
  /** Its per-day / whole-run table and notes (HTML) on report.html; '' when the run lacks the channel. */
  summaryHtml(run: LoadedRun): string;
  /** Its charts on report.html; none when the run lacks the channel. */
  charts(run: LoadedRun): ChartSpec[];
  /** Its overlaid charts on the compare page (A = baseline), on the aligned axis. */
  compareCharts(runs: readonly LoadedRun[], axis: AlignedAxis): ChartSpec[];
}
