import type { ScenarioModel } from '../../scenarios/ScenarioModel.js';
import { channelPlugin } from '../channels/index.js';
import { erlangScope, isErlangScope } from './erlangScope.js';
import type { StaffingMethod } from './StaffingRequirement.js';

export interface MethodChoice {
  readonly method: StaffingMethod;
  /** One line for the user: why this method, by default. */
  readonly reason: string;
}

/**
 * The default method. Erlang's per-interval formula holds only where each interval is its own
 * stationary queue: one channel alone, within the formula's scope (erlangScope), and the plug-in
 * saying it holds for the scenario (phone: no retrials, which carry demand from one interval to the
 * next, and the same demand in every open interval, no lag between arrivals and the load they bring).
 * Anything else gets the simulation method.
 */
export function chooseStaffingMethod(scenario: ScenarioModel): MethodChoice {
  const channels = Object.keys(scenario.channels);
  // A channel that shares the agents without a requirement of its own (outbound) still takes their
  // time, which the formula does not see: exact only for a channel alone.
  if (channels.length !== 1) {
    return { method: 'simulation', reason: `channels ${channels.join(' + ')}: no closed formula` };
  }
  const scope = erlangScope(scenario);
  if (!isErlangScope(scope)) return { method: 'simulation', reason: scope.reason };
  const planning = channelPlugin(scope.channel)!.planning!;
  const model = scenario.channels[scope.channel as 'phone'];
  const { holds, reason } = planning.erlangHolds?.(model) ?? { holds: true, reason: 'a stationary queue' };
  if (!holds) return { method: 'simulation', reason };
  return { method: 'erlang', reason: `one ${scope.channel} channel, ${reason}: Erlang A holds` };
}
