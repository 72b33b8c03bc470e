import { buildStaffing } from '../../../scenarios/buildStaffing.js';
import { InputError, type InputIssue } from '../../../scenarios/inputError.js';
import { loadScenarioText } from '../../../scenarios/loadScenario.js';
import type { ScenarioModel } from '../../../scenarios/ScenarioModel.js';
import type { ShiftFile } from '../../../scenarios/scenarioSchema.js';
import { buildShiftColumns, type ShiftColumns } from './buildShiftColumns.js';
import { checkCoverable } from './checkCoverable.js';
import { intervalRates } from './intervalRates.js';
import type { ShiftTemplates } from './loadShiftTemplates.js';
import { mostAgentsPerInterval } from './mostAgentsPerInterval.js';
import { planToShifts } from './planToShifts.js';
import { requiredFromScenario } from './requiredFromScenario.js';
import { requirementFor } from './requirementFor.js';
import { CoverInfeasible, type CoverSolution, solveCover } from './solveCover.js';
import { stoppedBy } from './stoppedBy.js';
import { type PlanVerdict, type SimulationSettings, verifyPlan } from './verifyPlan.js';

export interface RosterOptions {
  readonly shrinkage: number;
  /** `--required`: a scenario whose group staffing is the requirement, instead of computing it. */
  readonly requiredFile?: string;
  readonly penalty?: number;
  readonly timeLimitS: number;
  /** Branch-and-bound nodes per solve at most: the deterministic limit (see CoverProblem.nodeLimit). */
  readonly nodeLimit?: number;
  readonly relativeGap?: number;
  /** Solve-and-simulate rounds at most; 0: solve once, no simulation. */
  readonly maxRounds: number;
  /** Agents added to a missed interval's requirement per round (default 1), up to what the caps allow. */
  readonly raiseBy?: number;
  /** Replications of the final check on fresh draws (default 30, at least the rounds'). */
  readonly checkReplications?: number;
  readonly simulation: SimulationSettings;
  /** One line per step (solve, simulation, raise), for stderr. */
  readonly onStep?: (line: string) => void;
}

export interface RosterRound {
  readonly round: number;
  /** Agents required in all intervals together, this round. */
  readonly requiredTotal: number;
  readonly cost: number;
  readonly gap: number;
  readonly solveS: number;
  /** What stopped this round's solve: the gap (optimal), the node limit or the time limit. */
  readonly status: CoverSolution['status'];
  /** Intervals missing a target in this round's simulation. */
  readonly missed: readonly number[];
  readonly seed: string;
  /** Of those, intervals whose requirement could not go up (the templates' caps). */
  readonly capped: readonly number[];
}

export interface StaffingFigures {
  /** Agents scheduled per interval (on duty, breaks out), as the scenario loader reads the staffing. */
  readonly scheduled: Float64Array;
  readonly agentHours: number;
  readonly cost: number;
}

export interface RosterResult {
  readonly scenario: ScenarioModel;
  readonly templates: ShiftTemplates;
  readonly group: string;
  readonly shiftCount: number;
  readonly templateShifts: number;
  /** The requirement the first round solved for, and the last one (raised where simulation missed). */
  readonly initialRequired: Int32Array;
  readonly required: Int32Array;
  readonly solution: CoverSolution;
  readonly shifts: ShiftFile[];
  readonly before: StaffingFigures;
  readonly after: StaffingFigures;
  readonly rounds: readonly RosterRound[];
  /** The last round's simulation; null when not simulated (maxRounds 0). */
  readonly verdict: PlanVerdict | null;
  /**
   * The final plan simulated again on fresh draws (seed `<seed>-check`): the rounds stop when their
   * last sample passes, which flatters the plan; this one played no part in any decision.
   */
  readonly check: (PlanVerdict & { readonly seed: string }) | null;
}

/**
 * `hotline roster`: requirement -> covering program -> shifts -> simulation; where an interval still
 * misses a target, its requirement goes up by one agent (`raiseBy`) and the program is solved again,
 * until every interval meets its targets or `maxRounds` rounds are done.
 */
export async function planRoster(
  text: string,
  file: string | undefined,
  templates: ShiftTemplates,
  options: RosterOptions,
): Promise<RosterResult> {
  const step = options.onStep ?? (() => {});
  const scenario = loadScenarioText(text, file);
  const group = pickGroup(scenario, templates);
  const { calendar } = scenario;
  const columns = buildShiftColumns(templates, calendar);
  const initialRequired = options.requiredFile
    ? requiredFromScenario(options.requiredFile, group, calendar)
    : await computedRequirement(text, file, group, options);
  if (options.penalty === undefined) checkCoverable(initialRequired, columns, calendar, templates.file);
  const most = mostAgentsPerInterval(columns, initialRequired.length);
  step(
    `${columns.columns.length} candidate shifts (${columns.instances.length} template shifts with break placements), ${initialRequired.length} intervals`,
  );

  const required = initialRequired.slice();
  const rounds: RosterRound[] = [];
  let solution: CoverSolution;
  let shifts: ShiftFile[];
  let verdict: PlanVerdict | null = null;
  for (let round = 1; ; round++) {
    // The solver runs to its time limit in WebAssembly; a signal is honoured between steps.
    options.simulation.signal?.throwIfAborted();
    solution = await solve(required, columns, options, templates.file);
    options.simulation.signal?.throwIfAborted();
    shifts = planToShifts(columns.columns, solution.agents);
    step(
      `round ${round}: solved in ${solution.solveS.toFixed(1)} s (${solution.nodes} nodes, ${stoppedBy(solution)}), cost ${solution.cost.toFixed(0)}, gap ${(solution.gap * 100).toFixed(2)}%`,
    );
    if (options.maxRounds === 0) break;
    // Fresh draws every round (seed <seed>-<round>): with one sample for all rounds, an interval whose
    // sample mean passes by luck would never be raised, and the plan would fit that sample's noise.
    const seed = `${options.simulation.seed}-${round}`;
    verdict = await verifyPlan(text, file, group, shifts, { ...options.simulation, seed });
    const capped = verdict.missed.filter((k) => required[k]! + 1 > most[k]!);
    const raiseBy = options.raiseBy ?? 1;
    rounds.push({
      round,
      requiredTotal: required.reduce((a, b) => a + b, 0),
      cost: solution.cost,
      gap: solution.gap,
      solveS: solution.solveS,
      status: solution.status,
      missed: verdict.missed,
      seed,
      capped,
    });
    step(`round ${round}: simulated (seed ${seed}), ${verdict.missed.length} intervals miss a target`);
    const raisable = verdict.missed.filter((k) => required[k]! + 1 <= most[k]!);
    if (verdict.missed.length === 0 || round >= options.maxRounds || raisable.length === 0) break;
    for (const k of raisable) required[k] = Math.min(required[k]! + raiseBy, most[k]!);
  }

  let check: RosterResult['check'] = null;
  if (verdict) {
    const seed = `${options.simulation.seed}-check`;
    const replications = Math.max(options.simulation.replications, options.checkReplications ?? 30);
    const settings = { ...options.simulation, seed, replications };
    check = { ...(await verifyPlan(text, file, group, shifts, settings)), seed };
    step(
      `check on fresh draws (seed ${seed}, ${replications} replications): ${check.missed.length} intervals miss a target by the mean, ${check.missedBeyondNoise.length} beyond noise`,
    );
  }

  const rates = intervalRates(templates, calendar, templates.costPerAgentHour);
  const current = scenario.agentGroups.find((g) => g.name === group)!.staffing.scheduledPerInterval;
  const hours = calendar.intervalS / 3600;
  let beforeCost = 0;
  let beforeHours = 0;
  current.forEach((agents, k) => {
    beforeHours += agents * hours;
    beforeCost += agents * hours * rates[k]!;
  });
  let afterCost = 0;
  let afterHours = 0;
  columns.columns.forEach((column, j) => {
    afterCost += solution.agents[j]! * column.cost;
    afterHours += solution.agents[j]! * column.agentHours;
  });
  return {
    scenario,
    templates,
    group,
    shiftCount: columns.columns.length,
    templateShifts: columns.instances.length,
    initialRequired,
    required,
    solution,
    shifts,
    before: { scheduled: current, agentHours: beforeHours, cost: beforeCost },
    after: { scheduled: plannedAgents(shifts, scenario), agentHours: afterHours, cost: afterCost },
    rounds,
    verdict,
    check,
  };
}

async function solve(
  required: Int32Array,
  columns: ShiftColumns,
  options: RosterOptions,
  file: string | undefined,
): Promise<CoverSolution> {
  try {
    return await solveCover({
      required,
      columns: columns.columns,
      instances: columns.instances,
      timeLimitS: options.timeLimitS,
      ...(options.nodeLimit !== undefined ? { nodeLimit: options.nodeLimit } : {}),
      ...(options.penalty !== undefined ? { penalty: options.penalty } : {}),
      ...(options.relativeGap !== undefined ? { relativeGap: options.relativeGap } : {}),
    });
  } catch (error) {
    if (!(error instanceof CoverInfeasible)) throw error;
    // Every interval can be reached alone (checkCoverable passed), but not all at once: minAgents,
    // or caps shared by the break placements of a shift.
    throw new InputError(file, [
      {
        path: '/templates',
        message:
          "no plan meets every interval within the templates' minAgents and maxAgents together (each interval alone can be covered); loosen the caps or accept shortfalls with --penalty",
      },
    ]);
  }
}

async function computedRequirement(
  text: string,
  file: string | undefined,
  group: string,
  options: RosterOptions,
): Promise<Int32Array> {
  options.onStep?.("requirement: hotline staff's plan for the scenario's targets");
  const requirement = await requirementFor(text, file, {
    shrinkage: options.shrinkage,
    seed: options.simulation.seed,
    ...(options.simulation.threads === undefined ? {} : { threads: options.simulation.threads }),
    ...(options.simulation.signal === undefined ? {} : { signal: options.simulation.signal }),
  });
  const found = requirement.groups.find((g) => g.group === group);
  if (!found) {
    throw new InputError(file, [
      {
        path: '/agents/groups',
        message: `no requirement for group ${group} (computed for ${requirement.groups.map((g) => g.group).join(', ')})`,
      },
    ]);
  }
  return found.scheduled;
}

function pickGroup(scenario: ScenarioModel, templates: ShiftTemplates): string {
  const names = scenario.agentGroups.map((g) => g.name);
  const group = templates.group ?? (names.length === 1 ? names[0] : undefined);
  if (group === undefined || !names.includes(group)) {
    const issue: InputIssue = {
      path: '/group',
      message:
        group === undefined
          ? 'the scenario has several agent groups; name the one the shifts are for'
          : `the scenario has no agent group ${group}`,
      ...(group !== undefined ? { value: group } : {}),
      allowed: names.join(', '),
    };
    throw new InputError(templates.file, [issue]);
  }
  return group;
}

/** Agents scheduled per interval by the plan, read back through the scenario loader. */
function plannedAgents(shifts: ShiftFile[], scenario: ScenarioModel): Float64Array {
  if (shifts.length === 0)
    return new Float64Array(scenario.calendar.days * scenario.calendar.intervalsPerDay);
  const issues: InputIssue[] = [];
  const staffing = buildStaffing({ kind: 'shifts', shifts }, scenario.calendar, issues, '/plan');
  if (issues.length > 0) throw new Error(`the plan's shifts do not load: ${issues[0]!.message}`);
  return staffing.scheduledPerInterval;
}
