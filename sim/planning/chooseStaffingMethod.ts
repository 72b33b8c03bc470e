import type { ScenarioModel } from '../../scenarios/ScenarioModel.js';
import type { StaffingMethod } from './StaffingRequirement.js';

export interface MethodChoice {
  readonly method: StaffingMethod;
  /** One line for the user: why this method, by default. */
  readonly reason: string;
}

/**
 * The default method. Erlang's per-interval formula holds only where each interval is its own
 * stationary queue: one phone channel, one group serving phone alone, no retrials (which carry demand
 * from one interval to the next) and the same demand in every open interval (no lag between arrivals
 * and the load they bring). Anything else gets the simulation method.
 */
export function chooseStaffingMethod(scenario: ScenarioModel): MethodChoice {
  const channels = Object.keys(scenario.channels);
  const phone = scenario.channels.phone;
  if (!phone || channels.length > 1) {
    return { method: 'simulation', reason: `channels ${channels.join(' + ')}: no closed formula` };
  }
  const groups = scenario.agentGroups.filter((g) => g.skills.includes('phone'));
  if (groups.length !== 1) return { method: 'simulation', reason: `${groups.length} groups share the calls` };
  if (phone.retrial) return { method: 'simulation', reason: 'retrials carry demand across intervals' };
  const open = [...phone.expectedCalls].filter((_, i) => phone.open[i] === 1);
  const low = Math.min(...open);
  const high = Math.max(...open);
  // 1%: a shape written by hand as all ones may still round differently across days.
  if (open.length > 0 && high > low * 1.01) {
    return { method: 'simulation', reason: 'demand varies over the day: the load lags the arrivals' };
  }
  return { method: 'erlang', reason: 'one phone channel, flat demand, no retrials: Erlang A holds' };
}
