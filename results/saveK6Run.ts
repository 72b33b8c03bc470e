// Writes a measured (k6) run in the format of `hotline sim` (run.json, summary.json, intervals.csv,
// kind 'k6') plus k6's own artifacts (raw summary JSON, JUnit XML, web dashboard), atomically.
import { join } from 'node:path';
import type { ScenarioModel } from '../scenarios/ScenarioModel.js';
import { datedDays, targetsSummary } from './buildRunSummary.js';
import { intervalsCsv } from './intervalsCsv.js';
import type { K6ChatSummary, K6PhoneSummary, ThresholdResult } from './k6Summary.js';
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
    plannedCalls: number;
    exitCode: number;
    thresholds: ThresholdResult[];
  };
}

export interface K6RunInput {
  scenario: ScenarioModel;
  file: string | null;
  seed: number | string;
  summary: K6PhoneSummary;
  /** The measured chat channel; absent when the replay had no chat. */
  chat?: K6ChatSummary | null;
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
  summary: K6PhoneSummary,
  window: K6RunInfo['k6']['window'],
  chat: K6ChatSummary | null = null,
): RunSummary {
  const targets = scenario.phone.targets;
  const base: RunSummary = {
    formatVersion: RESULT_FORMAT_VERSION,
    kind: 'k6',
    scenario: scenario.name,
    replications: 1,
    window: { day: window.day + 1, from: window.from, to: window.to },
    channels: { phone: summary.run },
    targets: { phone: targetsSummary(targets) },
    days: { phone: datedDays(scenario, summary.days) },
  };
  if (chat === null || scenario.chat === null) return base;
  // Format 2 accepts every registered channel beside phone (runSchema.ts byChannel).
  const channels = base.channels as Record<string, unknown>;
  channels.chat = chat.run;
  (base.targets as Record<string, unknown>).chat = targetsSummary(scenario.chat.targets);
  (base.days as Record<string, unknown>).chat = datedDays(
    scenario,
    chat.days as unknown as Parameters<typeof datedDays>[1],
  );
  return base;
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
  const summary = buildK6RunSummary(scenario, input.summary, input.info.window, input.chat ?? null);
  if (input.crossCheck) summary.serverCrossCheck = input.crossCheck;
  // report.html is written into the temporary folder, so the run appears whole or not at all.
  const folder = writeRunFolder(
    out ?? join(runsDir, id),
    {
      'run.json': `${JSON.stringify(info, null, 2)}\n`,
      'summary.json': `${JSON.stringify(summary, null, 2)}\n`,
      'intervals.csv': intervalsCsv(
        scenario,
        input.summary.intervals,
        input.chat ? { chat: input.chat.intervals } : {},
      ),
      ...input.artifacts,
    },
    { flag: out ? '--out' : RUNS_DIR_FLAG, beforeRename: (temporary) => writeReport(temporary) },
  );
  return { id, folder, summary };
}
