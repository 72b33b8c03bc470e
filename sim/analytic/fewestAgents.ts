import { erlangA } from './erlangA.js';
import { erlangC, type QueueMetrics, type ServiceLevelVariant, type StableQueueMetrics } from './erlangC.js';

/** Demand of one interval. With a patience the model is Erlang A, without it Erlang C. */
export interface StaffingDemand {
  arrivalRatePerS: number;
  meanHandleTimeS: number;
  meanPatienceS?: number;
}

/** "goal of contacts answered within thresholdS, on the named variant", plus optional caps. */
export interface StaffingGoal {
  variant: ServiceLevelVariant;
  thresholdS: number;
  /** Fraction in (0, 1): 1 is only reached at infinite staffing. */
  goal: number;
  /** Largest acceptable P(abandon), a fraction. */
  maxAbandon?: number;
  maxAsaS?: number;
}

export type FewestAgentsResult =
  | { found: true; agents: number; metrics: StableQueueMetrics }
  | { found: false; maxAgentsTried: number; reason: string };

/** Metrics at one staffing level, with the model the demand calls for. */
export function evaluateAgents(demand: StaffingDemand, agents: number, thresholdS: number): QueueMetrics {
  const input = {
    arrivalRatePerS: demand.arrivalRatePerS,
    meanHandleTimeS: demand.meanHandleTimeS,
    agents,
    thresholdS,
  };
  return demand.meanPatienceS === undefined
    ? erlangC(input)
    : erlangA({ ...input, meanPatienceS: demand.meanPatienceS });
}

export function meetsGoal(metrics: QueueMetrics, goal: StaffingGoal): boolean {
  if (!metrics.stable) return false;
  if (metrics.serviceLevel[goal.variant] < goal.goal) return false;
  if (goal.maxAbandon !== undefined && metrics.pAbandon > goal.maxAbandon) return false;
  if (goal.maxAsaS !== undefined && metrics.asaS > goal.maxAsaS) return false;
  return true;
}

/**
 * Default search ceiling: square-root staffing says agents = a + beta sqrt(a) with beta around 0-3
 * for any usual goal; beta = 10 plus 50 leaves room for extreme goals and small loads while keeping
 * an unreachable goal from scanning forever.
 */
export function defaultMaxAgents(loadErlangs: number): number {
  return Math.ceil(loadErlangs + 10 * Math.sqrt(loadErlangs)) + 50;
}

/**
 * Smallest agent count meeting the goal, scanning upward so that the answer is the fewest even where
 * a metric is not monotone in agents. The scan starts at a proven lower bound:
 * - Erlang C has no steady state below floor(a) + 1 agents;
 * - in Erlang A answered contacts cannot exceed c mu per second, so P(answered) <= c / a, and both
 *   slOffered <= P(answered) and 1 - maxAbandon <= P(answered) bound c from below.
 */
export function fewestAgents(
  demand: StaffingDemand,
  goal: StaffingGoal,
  options: { maxAgents?: number } = {},
): FewestAgentsResult {
  assertGoal(goal);
  const load = demand.arrivalRatePerS * demand.meanHandleTimeS;
  const from = lowestCandidate(load, demand.meanPatienceS !== undefined, goal);
  const maxAgents = options.maxAgents ?? defaultMaxAgents(load);
  for (let agents = from; agents <= maxAgents; agents++) {
    const metrics = evaluateAgents(demand, agents, goal.thresholdS);
    if (metrics.stable && meetsGoal(metrics, goal)) return { found: true, agents, metrics };
  }
  return {
    found: false,
    maxAgentsTried: maxAgents,
    reason: `no staffing from ${from} to ${maxAgents} agents meets ${describeGoal(goal)}`,
  };
}

function lowestCandidate(load: number, withPatience: boolean, goal: StaffingGoal): number {
  if (!withPatience) return Math.floor(load) + 1;
  // The bounds are strict (occupancy < 1), so shaving 1e-9 off before ceil only guards rounding.
  let bound = 1;
  if (goal.variant === 'slOffered') bound = Math.max(bound, Math.ceil(goal.goal * load - 1e-9));
  if (goal.maxAbandon !== undefined) bound = Math.max(bound, Math.ceil((1 - goal.maxAbandon) * load - 1e-9));
  return bound;
}

export function describeGoal(goal: StaffingGoal): string {
  const parts = [`${goal.variant} >= ${goal.goal} at ${goal.thresholdS}s`];
  if (goal.maxAbandon !== undefined) parts.push(`P(abandon) <= ${goal.maxAbandon}`);
  if (goal.maxAsaS !== undefined) parts.push(`ASA <= ${goal.maxAsaS}s`);
  return parts.join(', ');
}

function assertGoal(goal: StaffingGoal): void {
  if (!(goal.goal > 0 && goal.goal < 1))
    throw new RangeError(`fewestAgents: goal must be in (0, 1), got ${goal.goal}`);
  if (goal.maxAbandon !== undefined && !(goal.maxAbandon >= 0 && goal.maxAbandon <= 1)) {
    throw new RangeError(`fewestAgents: maxAbandon must be in [0, 1], got ${goal.maxAbandon}`);
  }
  if (goal.maxAsaS !== undefined && !(goal.maxAsaS >= 0)) {
    throw new RangeError(`fewestAgents: maxAsaS must be >= 0, got ${goal.maxAsaS}`);
  }
}
