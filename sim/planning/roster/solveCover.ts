import type highsImport from 'highs';
import { InputError } from '../../../scenarios/inputError.js';

type HighsLoader = typeof highsImport.default;

/**
 * The package is imported on first use, so commands that never solve do not load it. Its types
 * describe its CommonJS build (the loader under `default`); Node's import runs its ES module, whose
 * default export is the loader itself. Take whichever this runtime gave.
 */
async function loadHighs(): ReturnType<HighsLoader> {
  const module = (await import('highs')).default as unknown as HighsLoader | { default: HighsLoader };
  return typeof module === 'function' ? module() : module.default();
}

/** A covering program: pick whole numbers of each column so every interval has its agents, cheapest. */
export interface CoverProblem {
  /** Agents required per interval (rows). */
  readonly required: Int32Array;
  readonly columns: readonly {
    readonly covers: Int32Array;
    readonly cost: number;
    readonly instance: number;
  }[];
  /** Caps shared by the columns of one instance (the break placements of one shift): min and max agents. */
  readonly instances: readonly { readonly min: number; readonly max: number | null }[];
  /** Cost per uncovered agent-interval: coverage becomes soft. Absent: every interval must be covered. */
  readonly penalty?: number;
  /**
   * A safety net: the plan a solve stopped by time depends on how fast the machine was, so it should
   * be the node limit, not this, that stops a hard solve.
   */
  readonly timeLimitS?: number;
  /**
   * Branch-and-bound nodes at most (HiGHS's mip_max_nodes): a limit on work, not time, so a solve it
   * stops ends with the same plan on any machine (HiGHS runs single-threaded here and is deterministic).
   */
  readonly nodeLimit?: number;
  /** Stop when (cost - bound) / cost is at most this (HiGHS's mip_rel_gap). */
  readonly relativeGap?: number;
}

/**
 * What stopped a solve: 'optimal' within the relative gap; 'nodeLimit': the best plan after the node
 * limit's branch and bound (the same plan on every machine); 'timeLimit': the best plan when time ran
 * out (depends on the machine's speed).
 */
export type CoverStatus = 'optimal' | 'nodeLimit' | 'timeLimit';

export interface CoverSolution {
  readonly status: CoverStatus;
  /** Branch-and-bound nodes HiGHS processed (1: solved at the root). */
  readonly nodes: number;
  /** Agents per column. */
  readonly agents: Int32Array;
  /** Agents missing per interval (soft coverage only; all zero otherwise). */
  readonly shortfall: Int32Array;
  /** Cost of the plan (penalties included), recomputed from the whole numbers chosen. */
  readonly cost: number;
  /** HiGHS's proven lower bound on any plan's cost (the MIP dual bound). */
  readonly bound: number;
  /** (cost - bound) / cost; 0 for a proven optimum at cost 0. */
  readonly gap: number;
  /** Optimum of the LP relaxation (fractional agents): a lower bound on the MIP cost. */
  readonly lpBound: number;
  readonly solveS: number;
}

export class CoverInfeasible extends Error {
  constructor() {
    super("no plan meets every requirement within the templates' caps");
    this.name = 'CoverInfeasible';
  }
}

type Highs = Awaited<ReturnType<typeof loadHighs>>;
let highsPromise: Promise<Highs> | undefined;

/** HiGHS compiled to WebAssembly, loaded once per process. */
function highs(): Promise<Highs> {
  highsPromise ??= loadHighs();
  return highsPromise;
}

/**
 * Solves the program with HiGHS's branch and cut (and its LP relaxation apart, for the bound).
 * Throws CoverInfeasible when hard coverage cannot be met, or when time ran out before any plan.
 */
export async function solveCover(problem: CoverProblem): Promise<CoverSolution> {
  const solver = await highs();
  const started = performance.now();
  const { required, columns, instances } = problem;
  const soft = problem.penalty !== undefined;

  // Rows: one per interval that needs agents, one per instance with a cap or a minimum.
  const rowOfInterval = new Int32Array(required.length).fill(-1);
  const rowLower: number[] = [];
  const rowUpper: number[] = [];
  required.forEach((agents, i) => {
    if (agents <= 0) return;
    rowOfInterval[i] = rowLower.length;
    rowLower.push(agents);
    rowUpper.push(solver.infinity);
  });
  // An instance with one column (a shift without breaks) takes its caps as that column's bounds; only
  // instances shared by several break placements need a row.
  const columnsOfInstance = new Int32Array(instances.length);
  for (const column of columns) columnsOfInstance[column.instance]! += 1;
  const rowOfInstance = new Int32Array(instances.length).fill(-1);
  instances.forEach((instance, k) => {
    if (instance.min <= 0 && instance.max === null) return;
    if (columnsOfInstance[k] === 1) return;
    rowOfInstance[k] = rowLower.length;
    rowLower.push(instance.min);
    rowUpper.push(instance.max ?? solver.infinity);
  });

  const starts: number[] = [0];
  const indices: number[] = [];
  const values: number[] = [];
  const colCost: number[] = [];
  for (const column of columns) {
    for (const k of column.covers) {
      const row = rowOfInterval[k]!;
      if (row >= 0) {
        indices.push(row);
        values.push(1);
      }
    }
    const capRow = rowOfInstance[column.instance]!;
    if (capRow >= 0) {
      indices.push(capRow);
      values.push(1);
    }
    starts.push(indices.length);
    colCost.push(column.cost);
  }
  // Soft coverage: a continuous shortfall per covered row at the penalty. It is whole at the optimum
  // anyway (requirements and coverage are whole numbers), so it needs no integrality.
  const slackRows = soft ? rowOfInterval.filter((r) => r >= 0) : new Int32Array(0);
  for (const row of slackRows) {
    indices.push(row);
    values.push(1);
    starts.push(indices.length);
    colCost.push(problem.penalty!);
  }
  const numCols = colCost.length;
  const colLower = new Float64Array(numCols);
  const colUpper = new Float64Array(numCols).fill(solver.infinity);
  columns.forEach((column, j) => {
    const instance = instances[column.instance]!;
    if (columnsOfInstance[column.instance] !== 1) return;
    colLower[j] = instance.min;
    colUpper[j] = instance.max ?? solver.infinity;
  });
  // An instance without columns with a minimum cannot be met.
  if (instances.some((instance, k) => columnsOfInstance[k] === 0 && instance.min > 0))
    throw new CoverInfeasible();
  const data = {
    numCols,
    numRows: rowLower.length,
    colCost,
    colLower,
    colUpper,
    rowLower,
    rowUpper,
    matrix: { format: 'csc' as const, numRows: rowLower.length, numCols, starts, indices, values },
  };
  const integrality = new Int32Array(numCols);
  integrality.fill(solver.constants.variableType.integer, 0, columns.length);

  const lpBound = solver.withModel(data, (model) => {
    model.options.set({
      output_flag: false,
      ...(problem.timeLimitS ? { time_limit: problem.timeLimitS } : {}),
    });
    model.run();
    const status = model.getModelStatus();
    if (status === solver.constants.modelStatus.infeasible) throw new CoverInfeasible();
    if (status === solver.constants.modelStatus.empty)
      return colCost.reduce((sum, c, j) => sum + c * colLower[j]!, 0);
    return status === solver.constants.modelStatus.optimal
      ? model.getObjectiveValue()
      : Number.NEGATIVE_INFINITY;
  });

  // The time limit covers both solves: the branch and cut gets what the LP left.
  const left = problem.timeLimitS
    ? Math.max(1, problem.timeLimitS - (performance.now() - started) / 1000)
    : undefined;
  return solver.withModel({ ...data, integrality }, (model): CoverSolution => {
    model.options.set({
      output_flag: false,
      ...(left !== undefined ? { time_limit: left } : {}),
      ...(problem.nodeLimit !== undefined ? { mip_max_nodes: problem.nodeLimit } : {}),
      ...(problem.relativeGap !== undefined ? { mip_rel_gap: problem.relativeGap } : {}),
    });
    model.run();
    const status = model.getModelStatus();
    const codes = solver.constants.modelStatus;
    if (status === codes.infeasible) throw new CoverInfeasible();
    // 'empty': nothing to decide (no column, or no row and no cost worth paying): every column at its
    // lower bound, which is optimal as costs are not negative.
    const empty = status === codes.empty;
    const hasPlan = empty || Number(model.info.get('primal_solution_status')) === 2;
    if (!hasPlan) {
      const byNodes = status === codes.solutionLimit;
      throw new InputError(undefined, [
        {
          path: byNodes ? '--node-limit' : '--time-limit',
          message: `HiGHS found no plan within the ${byNodes ? 'node' : 'time'} limit (model status ${status}); allow more ${byNodes ? 'nodes' : 'time'}`,
          value: byNodes ? problem.nodeLimit : problem.timeLimitS,
        },
      ]);
    }
    const x = empty ? colLower : model.getSolution().colValue;
    const agents = new Int32Array(columns.length);
    for (let j = 0; j < columns.length; j++) agents[j] = Math.round(x[j]!);
    const covered = new Int32Array(required.length);
    columns.forEach((column, j) => {
      if (agents[j]! > 0) for (const k of column.covers) covered[k]! += agents[j]!;
    });
    const shortfall = required.map((r, i) => Math.max(0, r - covered[i]!));
    let cost = 0;
    columns.forEach((column, j) => {
      cost += agents[j]! * column.cost;
    });
    if (soft) for (const s of shortfall) cost += s * problem.penalty!;
    const bound = empty ? cost : Number(model.info.get('mip_dual_bound'));
    return {
      status: coverStatus(status, codes, empty),
      nodes: empty ? 0 : Number(model.info.get('mip_node_count')),
      agents,
      shortfall,
      cost,
      bound,
      gap: cost > 0 ? (cost - bound) / cost : 0,
      lpBound,
      solveS: (performance.now() - started) / 1000,
    };
  });
}

/**
 * HiGHS's model status as what stopped the solve. A node limit ends with 'solution limit' (HiGHS
 * reports its node, leaf and improving-solution limits alike); anything else that left a plan behind
 * without proving it (an interrupt, an iteration limit) counts as time: it is not reproducible either.
 */
function coverStatus(status: number, codes: Highs['constants']['modelStatus'], empty: boolean): CoverStatus {
  if (empty || status === codes.optimal) return 'optimal';
  if (status === codes.solutionLimit) return 'nodeLimit';
  return 'timeLimit';
}
