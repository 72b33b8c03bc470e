import type { ScenarioModel } from '../../scenarios/ScenarioModel.js';
import { expectedContactTotals } from '../channels/expectedContactTotals.js';
import { DrawTape } from '../rng/DrawTape.js';
import { recycleReplication } from '../simulateReplication.js';
import { measureReplication, type ReplicationMetrics } from './measureReplication.js';
import type { RunWindow } from './runWindow.js';
import { loadSource, type ScenarioSource } from './ScenarioSource.js';
import { type BranchOf, simulateRun } from './simulateRun.js';

/** One task as a thread runs it: its index in the pool's list, its scenario and replication. */
export interface TaskRef {
  readonly task: number;
  readonly source: number;
  readonly replication: number;
}

/** Models kept loaded: a batch of a whatif grid spans a group of cells, each its own model. */
const MODELS_KEPT = 64;

/**
 * Runs expecting more contacts than this draw from their streams, untaped. A tape costs ~180 bytes a
 * contact in peak memory (a whatif of covid weeks, ~300,000 calls each, peaked ~110 MB higher on 2
 * threads), and thread count times that must stay well inside a planner's machine.
 */
export const MAX_TAPED_CONTACTS = 500_000;

/**
 * Runs tasks in one thread (a worker, or the main thread with --threads 1): loads each scenario once
 * (while it is among the last MODELS_KEPT used) and, for a batch of one replication's runs with
 * draws shared, gives them one DrawTape.
 */
export class TaskRunner {
  private readonly sources = new Map<number, ScenarioSource>();
  private readonly models = new Map<number, ScenarioModel>();

  constructor(
    private readonly seed: number | string,
    private readonly window: RunWindow | undefined,
    private readonly branchOf: BranchOf | undefined,
  ) {}

  addSource(index: number, source: ScenarioSource): void {
    this.sources.set(index, source);
  }

  /**
   * A tape for `batch` when its runs can share one: several plain runs of one replication, none
   * expecting more than MAX_TAPED_CONTACTS contacts.
   */
  tapeFor(batch: readonly TaskRef[]): DrawTape | undefined {
    if (batch.length < 2 || this.branchOf !== undefined) return undefined;
    const { replication } = batch[0]!;
    if (batch.some((t) => t.replication !== replication)) return undefined;
    const largest = Math.max(...batch.map((t) => this.expectedContacts(t.source)));
    return largest <= MAX_TAPED_CONTACTS ? new DrawTape(this.seed, replication) : undefined;
  }

  run(task: TaskRef, tape: DrawTape | undefined): ReplicationMetrics {
    const scenario = this.model(task.source);
    const counters = simulateRun(scenario, this.seed, task.replication, this.branchOf, tape);
    const metrics = measureReplication(scenario, counters, this.window);
    recycleReplication(counters);
    return metrics;
  }

  private expectedContacts(source: number): number {
    return expectedContactTotals(this.model(source).channels).reduce((sum, c) => sum + c.total, 0);
  }

  private model(source: number): ScenarioModel {
    let model = this.models.get(source);
    if (model === undefined) {
      model = loadSource(this.sources.get(source)!);
      if (this.models.size >= MODELS_KEPT) this.models.delete(this.models.keys().next().value!);
      this.models.set(source, model);
    }
    return model;
  }
}
