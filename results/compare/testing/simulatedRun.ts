// Bench and test support: a sim run built in memory, as `hotline sim` would write it, without a
// run folder. `asMeasurement` relabels a run of one replication as a k6 run: one sample path of the
// process, which is what a k6 replay is, so the comparison of two of them can be checked against
// simulated truth without running k6.

import { simulateScenario } from '../../../sim/simulateScenario.js';
import { buildRunInfo, buildRunSummary } from '../../buildRunSummary.js';
import { intervalsByChannel } from '../../intervalsByChannel.js';
import { intervalsCsv } from '../../intervalsCsv.js';
import type { LoadedRun } from '../../loadRun.js';
import { parseIntervalsCsv } from '../../parseIntervalsCsv.js';
import { buildReplicationsFile } from '../../replicationsFile.js';

export interface SimulatedRunOptions {
  /** The scenario file's text. */
  text: string;
  replications: number;
  seed: number;
  /** Label the run as a measurement (kind k6, no replications.json), as a k6 replay's folder is. */
  asMeasurement?: boolean;
}

export async function simulatedRun(o: SimulatedRunOptions, toolVersion = 'test'): Promise<LoadedRun> {
  const result = await simulateScenario(
    { text: o.text, file: 'scenario.json' },
    { replications: o.replications, seed: o.seed, threads: 1 },
  );
  const id = `${o.asMeasurement ? 'measured' : 'seed'}-${o.seed}`;
  const csv = intervalsCsv(result.scenario, intervalsByChannel(result.summary));
  const info = buildRunInfo(result, id, toolVersion);
  const summary = buildRunSummary(result);
  return {
    folder: id,
    info: o.asMeasurement ? { ...info, kind: 'k6' } : info,
    summary: o.asMeasurement ? { ...summary, kind: 'k6' } : summary,
    intervals: parseIntervalsCsv(id, csv),
    replications: o.asMeasurement ? null : buildReplicationsFile(result.perReplication),
  } as LoadedRun;
}
