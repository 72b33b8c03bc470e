import { InputError } from '../scenarios/inputError.js';
import { readScenarioFile } from '../scenarios/loadScenario.js';
import type { ScenarioModel } from '../scenarios/ScenarioModel.js';
import type { ReplicationMetrics } from './replications/measureReplication.js';
import { runReplications } from './replications/runReplications.js';
import { type RunWindow, resolveRunWindow, type WindowSpec } from './replications/runWindow.js';
import { loadSource, type ScenarioSource } from './replications/ScenarioSource.js';
import type { ReplicationRange } from './replications/shardRange.js';
import type { BranchOf } from './replications/simulateRun.js';
import { type ReplicationSummary, summarizeReplications } from './replications/summarizeReplications.js';

export interface SimulateOptions {
  replications: number;
  seed: number | string;
  days?: number;
  threads?: number;
  /** Whole-run metrics over this window of one day (--day, --from, --to). */
  window?: WindowSpec;
  /**
   * A conditional prediction: every replication is a branch of this replication from the window's
   * start (the state a warm-started mock holds there). Needs `window`.
   */
  givenReplication?: number;
  /** A shard: only these replications run (perReplication holds them); `replications` stays the run's. */
  range?: ReplicationRange;
  /** Aborting stops the worker threads and rejects with the signal's reason. */
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

export interface SimulationResult {
  scenario: ScenarioModel;
  file: string | undefined;
  seed: number | string;
  /** Replications of the whole run (a shard's perReplication holds only its range). */
  replications: number;
  perReplication: ReplicationMetrics[];
  summary: ReplicationSummary;
  /** The window `summary.run` covers; undefined for the whole horizon. */
  window: RunWindow | undefined;
  /** Set for a conditional prediction: the replications are branches of this one from the window start. */
  givenReplication?: number;
  startedAt: Date;
  durationMs: number;
}

/** The planner's main job as a function: load a scenario, run replications, summarize them. */
export async function simulateScenarioFile(
  file: string,
  options: SimulateOptions,
): Promise<SimulationResult> {
  const text = readScenarioFile(file);
  return simulateScenario({ text, file, options: { days: options.days } }, options);
}

export async function simulateScenario(
  source: ScenarioSource,
  options: SimulateOptions,
): Promise<SimulationResult> {
  if (!Number.isInteger(options.replications) || options.replications < 1) {
    throw new InputError(undefined, [
      {
        path: '--replications',
        message: 'expected a whole number of at least 1',
        value: options.replications,
      },
    ]);
  }
  const scenario = loadSource(source); // fails fast with InputError before any thread starts
  const window = options.window ? resolveRunWindow(scenario.calendar, options.window) : undefined;
  const branchOf = branchOfWindow(scenario, window, options.givenReplication);
  const startedAt = new Date();
  const started = performance.now();
  const perReplication = await runReplications(source, {
    ...options,
    window,
    ...(branchOf ? { branchOf } : {}),
  });
  return {
    scenario,
    file: source.file,
    seed: options.seed,
    replications: options.replications,
    perReplication,
    summary: summarizeReplications(perReplication),
    window,
    ...(options.givenReplication === undefined ? {} : { givenReplication: options.givenReplication }),
    startedAt,
    durationMs: performance.now() - started,
  };
}

/** Where the branches of a conditional prediction start: the window's first instant. */
export function branchOfWindow(
  scenario: ScenarioModel,
  window: RunWindow | undefined,
  givenReplication: number | undefined,
): BranchOf | undefined {
  if (givenReplication === undefined) return undefined;
  if (!Number.isInteger(givenReplication) || givenReplication < 0) {
    throw new InputError(undefined, [
      {
        path: '--given-replication',
        message: 'expected a replication index',
        value: givenReplication,
        allowed: '0 or more',
      },
    ]);
  }
  if (window === undefined) {
    throw new InputError(undefined, [
      {
        path: '--given-replication',
        message: 'branches start at a window: give the window with --day and --from',
        value: givenReplication,
      },
    ]);
  }
  return { replication: givenReplication, atS: window.fromInterval * scenario.calendar.intervalS };
}
