import { join } from 'node:path';
import type { SimulationResult } from '../sim/simulateScenario.js';
import { buildRunInfo, buildRunSummary } from './buildRunSummary.js';
import { intervalsByChannel } from './intervalsByChannel.js';
import { intervalsCsv } from './intervalsCsv.js';
import { buildReplicationsFile } from './replicationsFile.js';
import { writeReport } from './report/writeReport.js';
import { newRunId, RUNS_DIR_FLAG, runsDirectory, writeRunFolder } from './writeRunFolder.js';

export interface SavedRun {
  id: string;
  folder: string;
}

/**
 * Writes run.json, summary.json, intervals.csv, replications.json and report.html into
 * results/runs/<id>/ (or `out`), atomically: the report too is written before the folder appears.
 */
export function saveSimRun(result: SimulationResult, toolVersion: string, out?: string): SavedRun {
  const runsDir = runsDirectory();
  const id = out
    ? (out.split(/[\\/]/).filter(Boolean).pop() ?? 'run')
    : newRunId(result.scenario.name, result.seed, result.startedAt, runsDir);
  const folder = writeRunFolder(
    out ?? join(runsDir, id),
    {
      'run.json': `${JSON.stringify(buildRunInfo(result, id, toolVersion), null, 2)}\n`,
      'summary.json': `${JSON.stringify(buildRunSummary(result), null, 2)}\n`,
      'intervals.csv': intervalsCsv(result.scenario, intervalsByChannel(result.summary)),
      'replications.json': `${JSON.stringify(buildReplicationsFile(result.perReplication))}\n`,
    },
    { flag: out ? '--out' : RUNS_DIR_FLAG, beforeRename: (temporary) => writeReport(temporary) },
  );
  return { id, folder };
}
