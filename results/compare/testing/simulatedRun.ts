// Bench and test support: a sim run built in memory, as `hotline sim` would write it, without a
// run folder. `asMeasurement` relabels a run of one replication as a k6 run: one sample path of the
// process, which is what a k6 replay is, so the comparison of two of them can be checked against
// simulated truth without running k6.

import type { RunWindow, WindowSpec } from '../../../sim/replications/runWindow.js';
import { simulateScenario } from '../../../sim/simulateScenario.js';
import { buildRunInfo, buildRunSummary } from '../../buildRunSummary.js';
import { intervalsByChannel } from '../../intervalsByChannel.js';
import { intervalsCsv } from '../../intervalsCsv.js';
import type { LoadedRun } from '../../loadRun.js';
import { type IntervalTable, parseIntervalsCsv } from '../../parseIntervalsCsv.js';
import { buildReplicationsFile } from '../../replicationsFile.js';

export interface SimulatedRunOptions {
  /** The scenario file's text. */
  text: string;
  replications: number;
  seed: number;
  /** Label the run as a measurement (kind k6, no replications.json), as a k6 replay's folder is. */
  asMeasurement?: boolean;
  /** Whole-run figures over this window of one day, as `hotline sim --day --from --to` (day 1 = first). */
  window?: WindowSpec;
}

export async function simulatedRun(o: SimulatedRunOptions, toolVersion = 'test'): Promise<LoadedRun> {
  const result = await simulateScenario(
    { text: o.text, file: 'scenario.json' },
    { replications: o.replications, seed: o.seed, threads: 1, window: o.window },
  );
  const id = `${o.asMeasurement ? 'measured' : 'seed'}-${o.seed}`;
  const csv = intervalsCsv(result.scenario, intervalsByChannel(result.summary));
  const info = buildRunInfo(result, id, toolVersion);
  const summary = buildRunSummary(result);
  return {
    folder: id,
    info: o.asMeasurement ? { ...info, kind: 'k6' } : info,
    summary: o.asMeasurement ? { ...summary, kind: 'k6' } : summary,
    intervals: o.asMeasurement
      ? onlyWindow(parseIntervalsCsv(id, csv), result.window)
      : parseIntervalsCsv(id, csv),
    replications: o.asMeasurement ? null : buildReplicationsFile(result.perReplication),
  } as LoadedRun;
}

/**
 * A k6 folder's intervals.csv has values only in the replayed window (empty cells elsewhere), and
 * batch means takes every interval with a value as an observation: a stand-in of a window keeps
 * the window's intervals only.
 */
function onlyWindow(table: IntervalTable, window: RunWindow | undefined): IntervalTable {
  if (!window) return table;
  const keep = <T>(xs: readonly (T | null)[]) =>
    xs.map((x, i) => (i >= window.fromInterval && i < window.toInterval ? x : null));
  const channels = Object.fromEntries(
    Object.entries(table.channels).map(([channel, series]) => [
      channel,
      Object.fromEntries(
        Object.entries(series).map(([metric, s]) => [
          metric,
          s && { mean: keep(s.mean), lo: keep(s.lo), hi: keep(s.hi) },
        ]),
      ),
    ]),
  );
  return { ...table, channels: channels as IntervalTable['channels'] };
}
