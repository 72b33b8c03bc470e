import { InputError } from '../../scenarios/inputError.js';
import type { ScenarioModel } from '../../scenarios/ScenarioModel.js';
import { erlangOnDuty } from '../channels/phone/erlangOnDuty.js';
import { type StaffingRequirement, scheduledAfterShrinkage } from './StaffingRequirement.js';

/**
 * Per-interval Erlang staffing (the SIPP approach: each interval treated as stationary). Phone only:
 * chat holds several sessions per agent and has no closed formula here. Erlang A needs exponential
 * patience; the mean of the scenario's patience (share-weighted over classes) stands in for it, and
 * talk + after-call work make the handle time. Callers served by the IVR alone do not reach agents.
 */
export function erlangRequirement(scenario: ScenarioModel, shrinkage: number): StaffingRequirement {
  const phone = scenario.channels.phone;
  const others = Object.keys(scenario.channels).filter((c) => c !== 'phone');
  if (!phone || others.length > 0) {
    throw new InputError(undefined, [
      {
        path: '--method',
        message: `erlang: the formulas cover the phone channel alone; this scenario has ${Object.keys(scenario.channels).join(', ')}`,
        value: 'erlang',
        allowed: 'simulation, for chat or for several channels sharing agents',
      },
    ]);
  }
  const phoneGroups = scenario.agentGroups.filter((g) => g.skills.includes('phone'));
  if (phoneGroups.length !== 1) {
    throw new InputError(undefined, [
      {
        path: '--method',
        message: `erlang: ${phoneGroups.length} agent groups take phone calls (${phoneGroups.map((g) => g.name).join(', ')}); the formula cannot split calls between groups`,
        value: 'erlang',
        allowed: 'simulation, or one group with the phone skill',
      },
    ]);
  }
  const onDuty = erlangOnDuty(phone, scenario.calendar.intervalS);
  return {
    method: 'erlang',
    shrinkage,
    calendar: scenario.calendar,
    groups: [
      {
        group: phoneGroups[0]!.name,
        channels: ['phone'],
        onDuty,
        scheduled: scheduledAfterShrinkage(onDuty, shrinkage),
      },
    ],
  };
}
