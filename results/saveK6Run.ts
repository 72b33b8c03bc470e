// Writes a measured (k6) run in the format of `hotline sim` (run.json, summary.json, intervals.csv,
// kind 'k6') plus k6's own artifacts (raw summary JSON, JUnit XML, web dashboard), atomically.
import { join } from 'node:path';
import type { ScenarioModel } from '../scenarios/ScenarioModel.js';
import type { AnyChannelPlugin } from '../sim/channels/ChannelPlugin.js';
import { type ChannelMap, channelEntries, presentChannels } from '../sim/channels/index.js';
import { datedDays, targetsSummary } from './buildRunSummary.js';
import { intervalsCsv } from './intervalsCsv.js';
import type { K6ChannelLevels } from './K6ChannelResults.js';
import type { ThresholdResult } from './k6Summary.js';
import { writeReport } from './report/writeReport.js';
import { RESULT_FORMAT_VERSION, type RunInfo, type RunSummary } from './runFormat.js';
import type { ServerCrossCheck } from './serverCrossCheck.js';
import { newRunId, RUNS_DIR_FLAG, runsDirectory, writeRunFolder } from './writeRunFolder.js';

/** run.json of a k6 run: RunInfo plus how the replay was made. */
export interface K6RunInfo extends RunInfo {
  k6: {
    version: string;
    /** Base URL replayed against, or 'mocks' when `hotline load` started the mocks itself. */
    target: string;
    timeScale: number;
    window: { day: number; from: string; to: string };
    segments: number;
    /** Planned contacts by replayed channel (calls, sessions, uploads, e-mails); older runs: plannedCalls. */
    planned: Record<string, number>;
    exitCode: number;
    thresholds: ThresholdResult[];
  };
}

export interface K6RunInput {
  scenario: ScenarioModel;
  file: string | null;
  seed: number | string;
  /** What k6 measured, by channel (the channels the scenario has). */
  channels: ChannelMap<K6ChannelLevels>;
  info: K6RunInfo['k6'];
  startedAt: Date;
  durationMs: number;
  toolVersion: string;
  /** The client's measurement beside the server's self-report. */
  crossCheck?: ServerCrossCheck;
  /** Extra files (name -> text): k6 summaries, junit.xml, dashboard.html, mock-state.json... */
  artifacts: Record<string, string>;
}

export interface SavedK6Run {
  id: string;
  folder: string;
  summary: RunSummary;
}

/** `window` as run.json's k6 block has it (day 0 = first); summary.json says day 1 = first, like sim. */
export function buildK6RunSummary(
  scenario: ScenarioModel,
  measured: ChannelMap<K6ChannelLevels>,
  window: K6RunInfo['k6']['window'],
): RunSummary {
  const byName = measured as Readonly<Record<string, K6ChannelLevels | undefined>>;
  const channels = presentChannels(scenario.channels).filter((c) => byName[c.name] !== undefined);
  const byChannel = <T>(value: (channel: AnyChannelPlugin, levels: K6ChannelLevels) => T) =>
    Object.fromEntries(channels.map((c) => [c.name, value(c, byName[c.name]!)]));
  return {
    formatVersion: RESULT_FORMAT_VERSION,
    kind: 'k6',
    scenario: scenario.name,
    replications: 1,
    window: { day: window.day + 1, from: window.from, to: window.to },
    channels: byChannel((_, levels) => levels.run),
    targets: byChannel((c) =>
      targetsSummary(c.targets((scenario.channels as Record<string, unknown>)[c.name])),
    ),
    days: byChannel((_, levels) => datedDays(scenario, levels.days)),
  };
}

export function saveK6Run(input: K6RunInput, out?: string): SavedK6Run {
  const { scenario } = input;
  const runsDir = runsDirectory();
  const id = out
    ? (out.split(/[\\/]/).filter(Boolean).pop() ?? 'run')
    : newRunId(scenario.name, `${input.seed}-k6`, input.startedAt, runsDir);
  const info: K6RunInfo = {
    formatVersion: RESULT_FORMAT_VERSION,
    kind: 'k6',
    id,
    scenario: { name: scenario.name, file: input.file, contentHash: scenario.contentHash },
    seed: input.seed,
    replications: 1,
    days: scenario.calendar.days,
    startDate: scenario.calendar.startDate,
    intervalMinutes: scenario.calendar.intervalS / 60,
    window: { day: input.info.window.day + 1, from: input.info.window.from, to: input.info.window.to },
    toolVersion: input.toolVersion,
    startedAt: input.startedAt.toISOString(),
    durationMs: Math.round(input.durationMs),
    k6: input.info,
  };
  const summary = buildK6RunSummary(scenario, input.channels, input.info.window);
  if (input.crossCheck) summary.serverCrossCheck = input.crossCheck;
  // report.html is written into the temporary folder, so the run appears whole or not at all.
  const folder = writeRunFolder(
    out ?? join(runsDir, id),
    {
      'run.json': `${JSON.stringify(info, null, 2)}\n`,
      'summary.json': `${JSON.stringify(summary, null, 2)}\n`,
      'intervals.csv': intervalsCsv(
        scenario,
        Object.fromEntries(channelEntries(input.channels).map(([name, levels]) => [name, levels.intervals])),
      ),
      ...input.artifacts,
    },
    { flag: out ? '--out' : RUNS_DIR_FLAG, beforeRename: (temporary) => writeReport(temporary) },
  );
  return { id, folder, summary };
}
