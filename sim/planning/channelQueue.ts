import { InputError } from '../../scenarios/inputError.js';
import type { ScenarioModel } from '../../scenarios/ScenarioModel.js';
import type { QueueMetrics, ServiceLevelVariant, StableQueueMetrics } from '../analytic/erlangC.js';
import {
  evaluateAgents,
  fewestAgents,
  type StaffingDemand,
  type StaffingGoal,
} from '../analytic/fewestAgents.js';
import type { MetricRecord } from '../channels/ChannelPlugin.js';
import { channelPlugin } from '../channels/index.js';
import type { ChannelTargets } from '../metrics/judgeTargets.js';
import { metricSpec } from '../metrics/metricRegistry.js';
import type { ServiceLevelKind } from '../metrics/serviceLevel.js';

/**
 * A channel seen as the queue the staffing formula needs: how to read its simulated load, and the
 * Erlang A parameters (mean holding time of a slot, mean patience, goal). The only place planning
 * reads channel-specific fields; a new channel adds its entry here.
 */
export interface ChannelQueue {
  readonly channel: string;
  readonly targets: ChannelTargets;
  readonly goal: StaffingGoal;
  /** Mean patience of a contact waiting for an agent, seconds (Erlang A). */
  readonly patienceS: number;
  /** Mean time a contact holds a slot, seconds; null: estimated from the simulation. */
  readonly holdingTimeS: number | null;
  /** The interval's busy agent time as a share of on-duty time (a chat session counts 1/slots). */
  readonly occupancyMetric: string;
}

const VARIANT_OF_KIND: Record<ServiceLevelKind, ServiceLevelVariant> = {
  answered: 'slAnswered',
  offered: 'slOffered',
  excludingShortAbandons: 'slExcludingShortAbandons',
};

export function channelQueue(scenario: ScenarioModel, channel: string): ChannelQueue {
  const targets = channelPlugin(channel)!.targets(scenario.channels[channel as 'phone']);
  const kind = metricSpec(channel as 'phone', targets.variant as 'slOffered').serviceLevel;
  if (!kind) throw new RangeError(`${channel}: ${targets.variant} is not a service level`);
  const goal: StaffingGoal = {
    variant: VARIANT_OF_KIND[kind],
    thresholdS: targets.thresholdS,
    goal: targets.goal,
    ...(targets.maxAbandonRate !== null ? { maxAbandon: targets.maxAbandonRate } : {}),
    ...(targets.maxAsaS !== null ? { maxAsaS: targets.maxAsaS } : {}),
  };
  const phone = scenario.channels.phone;
  if (channel === 'phone' && phone) {
    return {
      channel,
      targets,
      goal,
      patienceS: phone.classes.reduce((sum, c) => sum + c.share * c.patience.mean, 0),
      holdingTimeS: phone.talkTime.mean + (phone.afterCallWork?.mean ?? 0),
      occupancyMetric: 'occupancy',
    };
  }
  const chat = scenario.channels.chat;
  if (channel === 'chat' && chat) {
    // A session holds its slot over several messages and think times: no model field gives that
    // holding time directly, so it is measured from the simulation (busy slot time / sessions taken).
    return {
      channel,
      targets,
      goal,
      patienceS: chat.patience.mean,
      holdingTimeS: null,
      occupancyMetric: 'occupancySlots',
    };
  }
  throw new RangeError(`planning does not know channel ${channel}`);
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
  const occupancy = interval[queue.occupancyMetric] ?? 0;
  const onDuty = interval.agentsOnDuty ?? 0;
  const abandoned = interval.abandoned ?? 0;
  return occupancy * onDuty + (abandoned * holdingTimeS) / intervalS / slots;
}

/**
 * Fewest agents for the loads one interval had in the replications (agent-equivalents), by Erlang A
 * on slots: the stationary answer for the simulated load rather than for the interval's own arrivals
 * (the modified-offered-load idea that makes the ISA time-stable). The targets apply to the mean over
 * replications, and replications differ (the day factor of `dailyCv` moves a whole day's demand), so
 * the figures the formula gives at each replication's load are averaged before they are judged:
 * staffing for the mean load alone left the covid peak at 40-60% on its busier days.
 * `where` names the interval for the error.
 */
export function agentsForLoads(
  queue: ChannelQueue,
  loads: readonly number[],
  holdingTimeS: number,
  slots: number,
  where: string,
): number {
  const busy = loads.filter((load) => load > 1e-6);
  if (busy.length === 0) return 0;
  const demand = (load: number): StaffingDemand => ({
    arrivalRatePerS: (load * slots) / holdingTimeS,
    meanHandleTimeS: holdingTimeS,
    ...(Number.isFinite(queue.patienceS) ? { meanPatienceS: queue.patienceS } : {}),
  });
  const bound = (load: number): number => {
    const result = fewestAgents(demand(load), queue.goal);
    if (!result.found) {
      throw new InputError(undefined, [
        {
          path: `/channels/${queue.channel}/targets`,
          message: `cannot be met at ${where} (load ${load.toFixed(1)} agents): ${result.reason}`,
          value: queue.targets,
          allowed: 'a lower goal, a longer threshold or a looser abandonment/ASA cap',
        },
      ]);
    }
    return result.agents;
  };
  // Every replication meets the goal at the largest load's staffing, none below the smallest's.
  const from = bound(Math.min(...busy));
  const to = bound(Math.max(...busy));
  for (let servers = from; servers < to; servers++) {
    if (
      meetsOnAverage(
        busy.map((load) => evaluateAgents(demand(load), servers, queue.goal.thresholdS)),
        queue.goal,
      )
    ) {
      return Math.ceil(servers / slots);
    }
  }
  return Math.ceil(to / slots);
}

function meetsOnAverage(metrics: readonly QueueMetrics[], goal: StaffingGoal): boolean {
  if (metrics.some((m) => !m.stable)) return false;
  const stable = metrics as readonly StableQueueMetrics[];
  const mean = (f: (m: StableQueueMetrics) => number) =>
    stable.reduce((sum, m) => sum + f(m), 0) / stable.length;
  if (mean((m) => m.serviceLevel[goal.variant]) < goal.goal) return false;
  if (goal.maxAbandon !== undefined && mean((m) => m.pAbandon) > goal.maxAbandon) return false;
  if (goal.maxAsaS !== undefined && mean((m) => m.asaS) > goal.maxAsaS) return false;
  return true;
}
