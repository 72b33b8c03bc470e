import { InputError } from '../../scenarios/inputError.js';
import type { ScenarioModel } from '../../scenarios/ScenarioModel.js';
import type { QueueMetrics, ServiceLevelVariant, StableQueueMetrics } from '../analytic/erlangC.js';
import {
  defaultMaxAgents,
  describeGoal,
  evaluateAgents,
  type StaffingDemand,
  type StaffingGoal,
} from '../analytic/fewestAgents.js';
import type { PlanningDeadline, PlanningQueue } from '../channels/ChannelPlanning.js';
import type { MetricRecord } from '../channels/ChannelPlugin.js';
import { channelPlugin } from '../channels/index.js';
import type { ChannelTargets } from '../metrics/judgeTargets.js';
import { metricSpec } from '../metrics/metricRegistry.js';
import type { ServiceLevelKind } from '../metrics/serviceLevel.js';

/**
 * A channel seen as the queue the staffing formula needs: its plug-in's PlanningQueue (how to read its
 * simulated load, the Erlang A parameters) with its targets as a staffing goal. Planning reads no
 * channel's fields itself: each channel declares them in `sim/channels/<name>/<name>Planning.ts`.
 */
export interface ChannelQueue extends PlanningQueue {
  readonly channel: string;
  readonly targets: ChannelTargets;
  readonly goal: StaffingGoal;
}

/** A channel planned as a deadline (its plug-in's PlanningDeadline) with its targets. */
export interface ChannelDeadline extends PlanningDeadline {
  readonly channel: string;
  readonly targets: ChannelTargets;
}

/** A channel planning leaves to the scenario's staffing, and why (its plug-in's words). */
export interface UnplannedChannel {
  readonly channel: string;
  readonly why: string;
}

const VARIANT_OF_KIND: Record<ServiceLevelKind, ServiceLevelVariant> = {
  answered: 'slAnswered',
  offered: 'slOffered',
  excludingShortAbandons: 'slExcludingShortAbandons',
};

/** The channel's planning queue, or null when its plug-in sets no requirement (unplannedWhy says why). */
export function channelQueue(scenario: ScenarioModel, channel: string): ChannelQueue | null {
  const plugin = channelPlugin(channel)!;
  const model = scenario.channels[channel as 'phone'];
  const queue = plugin.planning?.queue(model) ?? null;
  if (queue === null) return null;
  const targets = plugin.targets(model);
  const kind = metricSpec(channel as 'phone', targets.variant as 'slOffered').serviceLevel;
  if (!kind) throw new RangeError(`${channel}: ${targets.variant} is not a service level`);
  const goal: StaffingGoal = {
    variant: VARIANT_OF_KIND[kind],
    thresholdS: targets.thresholdS,
    goal: targets.goal,
    ...(targets.maxAbandonRate !== null ? { maxAbandon: targets.maxAbandonRate } : {}),
    ...(targets.maxAsaS !== null ? { maxAsaS: targets.maxAsaS } : {}),
  };
  return { ...queue, channel, targets, goal };
}

/** The channel's deadline requirement, or null when its plug-in declares none (e.g. a queue instead). */
export function channelDeadline(scenario: ScenarioModel, channel: string): ChannelDeadline | null {
  const plugin = channelPlugin(channel)!;
  const model = scenario.channels[channel as 'phone'];
  const deadline = plugin.planning?.deadline?.(model, scenario.calendar.intervalS) ?? null;
  if (deadline === null) return null;
  return { ...deadline, channel, targets: plugin.targets(model) };
}

/** Whether the channel's plug-in sets a requirement (a queue or a deadline). */
export function setsRequirement(scenario: ScenarioModel, channel: string): boolean {
  return channelQueue(scenario, channel) !== null || channelDeadline(scenario, channel) !== null;
}

/** Why a channel sets no requirement, in its plug-in's words. */
export function unplannedWhy(scenario: ScenarioModel, channel: string): string {
  const plugin = channelPlugin(channel)!;
  if (setsRequirement(scenario, channel)) return 'not planned: no agent group has its skill';
  if (!plugin.planning)
    return "not planned: the channel declares no planning; its groups keep the scenario's staffing";
  return plugin.planning.why?.(scenario.channels[channel as 'phone']) ?? 'sets no requirement';
}

/**
 * Agent-equivalents the channel's contacts ask for in one interval, as the simulation saw them: busy
 * agents plus the work of the contacts that abandoned (each would have held a slot for a holding time
 * had an agent been free). This estimates the offered load of the infinite-server system the ISA
 * staffs for, with carried-over work and retrials included. Counting the waiting contacts instead
 * (the queue) overshoots badly in an understaffed iteration, where most of them will abandon, and
 * made the covid week oscillate between under- and overstaffing.
 */
export function simulatedLoad(
  queue: ChannelQueue,
  interval: MetricRecord,
  slots: number,
  holdingTimeS: number,
  intervalS: number,
): number {
  const occupancy = interval[queue.metrics.occupancy] ?? 0;
  const onDuty = interval.agentsOnDuty ?? 0;
  const abandoned = queue.metrics.abandoned === null ? 0 : (interval[queue.metrics.abandoned] ?? 0);
  return occupancy * onDuty + (abandoned * holdingTimeS) / intervalS / slots;
}

/** A load (agent-equivalents) and its probability weight. */
export interface WeightedLoad {
  readonly load: number;
  readonly weight: number;
}

/**
 * Fewest agents for an interval's load, by Erlang A on slots: the stationary answer for the
 * simulated load rather than for the interval's own arrivals (the modified-offered-load idea that
 * makes the ISA time-stable). The load is uncertain from day to day (`dailyCv` moves a whole day's
 * demand) and the targets apply to the mean over days, so the formula's figures are averaged over
 * the loads given, with their weights, before they are judged. `where` names the interval for errors.
 */
export function agentsForLoads(
  queue: ChannelQueue,
  loads: readonly WeightedLoad[],
  holdingTimeS: number,
  slots: number,
  where: string,
): number {
  const busy = loads.filter((l) => l.load > 1e-6);
  if (busy.length === 0) return 0;
  const demand = (load: number): StaffingDemand => ({
    arrivalRatePerS: (load * slots) / holdingTimeS,
    meanHandleTimeS: holdingTimeS,
    ...(Number.isFinite(queue.patienceS) ? { meanPatienceS: queue.patienceS } : {}),
  });
  const meets = (servers: number) =>
    meetsOnAverage(
      busy.map((l) => evaluateAgents(demand(l.load), servers, queue.goal.thresholdS)),
      busy,
      queue.goal,
    );
  // Service level rises and abandonment and ASA fall with every server added (Erlang A and C), so
  // the fewest servers are found by bisection: a linear scan from a lower bound cost two thirds of a
  // covid plan's time outside the simulator.
  const largest = Math.max(...busy.map((l) => l.load * slots));
  let high = defaultMaxAgents(largest);
  if (!meets(high)) {
    throw new InputError(undefined, [
      {
        path: `/channels/${queue.channel}/targets`,
        message: `cannot be met at ${where} (load ${(largest / slots).toFixed(1)} agents): no staffing up to ${high} ${slots > 1 ? 'slots' : 'agents'} meets ${describeGoal(queue.goal)}`,
        value: queue.targets,
        allowed: 'a lower goal, a longer threshold or a looser abandonment/ASA cap',
      },
    ]);
  }
  let low = 0; // never meets: no server, no answer
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (meets(mid)) high = mid;
    else low = mid;
  }
  return Math.ceil(high / slots);
}

/**
 * Day factors of a normal with mean 1 and the given cv at the 5-point Gauss-Hermite nodes, with their
 * weights: exact for moments up to the ninth, plenty for a smooth service-level curve. The simulator
 * draws a gamma with that mean and cv; at the cvs of day-to-day volume (a few percent) the two agree.
 */
export function dayFactorNodes(cv: number): WeightedLoad[] {
  if (cv <= 0) return [{ load: 1, weight: 1 }];
  const nodes = [
    [-2.856970013872806, 0.011257411327720691],
    [-1.355626179974266, 0.2220759220056126],
    [0, 0.5333333333333333],
    [1.355626179974266, 0.2220759220056126],
    [2.856970013872806, 0.011257411327720691],
  ] as const;
  return nodes.map(([z, weight]) => ({ load: Math.max(0, 1 + cv * z), weight }));
}

function meetsOnAverage(
  metrics: readonly QueueMetrics[],
  loads: readonly WeightedLoad[],
  goal: StaffingGoal,
): boolean {
  if (metrics.some((m) => !m.stable)) return false;
  const stable = metrics as readonly StableQueueMetrics[];
  const total = loads.reduce((sum, l) => sum + l.weight, 0);
  const mean = (f: (m: StableQueueMetrics) => number) =>
    stable.reduce((sum, m, k) => sum + loads[k]!.weight * f(m), 0) / total;
  if (mean((m) => m.serviceLevel[goal.variant]) < goal.goal) return false;
  if (goal.maxAbandon !== undefined && mean((m) => m.pAbandon) > goal.maxAbandon) return false;
  if (goal.maxAsaS !== undefined && mean((m) => m.asaS) > goal.maxAsaS) return false;
  return true;
}
