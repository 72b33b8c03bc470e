import type { ScenarioModel } from '../../scenarios/ScenarioModel.js';
import { channelPlugin } from '../channels/index.js';
import type { StaffingMethod } from './StaffingRequirement.js';

export interface MethodChoice {
  readonly method: StaffingMethod;
  /** One line for the user: why this method, by default. */
  readonly reason: string;
}

/**
 * The default method. Erlang's per-interval formula holds only where each interval is its own
 * stationary queue: one channel whose plug-in has the formula, served by one group, and the plug-in
 * saying it holds for the scenario (phone: no retrials, which carry demand from one interval to the
 * next, and the same demand in every open interval, no lag between arrivals and the load they bring).
 * Anything else gets the simulation method.
 */
export function chooseStaffingMethod(scenario: ScenarioModel): MethodChoice {
  const channels = Object.keys(scenario.channels);
  if (channels.length !== 1) {
    return { method: 'simulation', reason: `channels ${channels.join(' + ')}: no closed formula` };
  }
  const channel = channels[0]!;
  const planning = channelPlugin(channel)?.planning;
  if (!planning?.erlangOnDuty) return { method: 'simulation', reason: `${channel}: no closed formula` };
  const groups = scenario.agentGroups.filter((g) => g.skills.includes(channel));
  if (groups.length !== 1) {
    return { method: 'simulation', reason: `${groups.length} groups share the ${channel} contacts` };
  }
  const model = scenario.channels[channel as 'phone'];
  const { holds, reason } = planning.erlangHolds?.(model) ?? { holds: true, reason: 'a stationary queue' };
  if (!holds) return { method: 'simulation', reason };
  return { method: 'erlang', reason: `one ${channel} channel, ${reason}: Erlang A holds` };
}
