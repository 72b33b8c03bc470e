import type { ScenarioModel } from '../scenarios/ScenarioModel.js';
import type { ChannelProcess } from './channels/ChannelPlugin.js';
import type { ChannelCounters } from './channels/index.js';
import { runBatch, runUntil } from './engine/BatchDriver.js';
import { createModelRun } from './ModelRun.js';
import { recycleHistogramBlocks } from './metrics/WaitHistogram.js';
import type { DrawTape } from './rng/DrawTape.js';
import { BranchingStreams, tapedStreams } from './rng/Streams.js';

/**
 * A branch of a replication: the replication's own past up to `atS`, then draws of its own. Branches
 * of one replication share the state at `atS` (queue, callers on hold, retrials pending, the day's
 * demand factor): the prediction given what a warm-started mock holds at a window's start.
 */
export interface ReplicationBranch {
  readonly atS: number;
  readonly index: number;
}

/**
 * Runs one replication (or a branch of one) of the whole ecosystem in batch; the raw counters of each
 * channel. With `tape` (replication `replication`'s, shared with other runs of it), per-contact draws
 * are read from it: the same numbers, made once for all the runs.
 */
export function simulateReplication(
  scenario: ScenarioModel,
  seed: number | string,
  replication: number,
  branch?: ReplicationBranch,
  tape?: DrawTape,
): ChannelCounters {
  if (tape !== undefined && (branch !== undefined || tape.seed !== seed || tape.replication !== replication))
    throw new Error('simulateReplication: a tape serves plain runs of its own seed and replication only');
  const streams = branch
    ? new BranchingStreams(seed, replication, branch.index)
    : tape
      ? tapedStreams(tape)
      : undefined;
  const run = createModelRun(scenario, {
    seed,
    replication,
    mode: 'batch',
    ...(streams ? { streams } : {}),
  });
  if (branch && streams instanceof BranchingStreams) {
    runUntil(run.simulation, branch.atS);
    streams.branch();
  }
  runBatch(run.simulation);
  const horizonS = run.simulation.horizonS;
  const counters: Record<string, unknown> = {};
  for (const [name, process] of Object.entries(run.processes) as [string, ChannelProcess<unknown>][]) {
    process.finish(horizonS);
    counters[name] = process.counters;
  }
  return counters as ChannelCounters;
}

/**
 * Gives a replication's buffers back for the next one (its histogram blocks, megabytes in a long
 * run). Only once nothing reads `counters` again: after measureReplication, or in a bench loop.
 */
export function recycleReplication(counters: ChannelCounters): void {
  for (const channel of Object.values(counters)) {
    if (channel !== undefined) recycleHistogramBlocks(Object.values(channel as object));
  }
}
