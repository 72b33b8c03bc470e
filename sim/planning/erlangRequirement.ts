import { InputError } from '../../scenarios/inputError.js';
import type { ScenarioModel } from '../../scenarios/ScenarioModel.js';
import { channelPlugin } from '../channels/index.js';
import { intervalLabel } from './planStaffing.js';
import { type StaffingRequirement, scheduledAfterShrinkage } from './StaffingRequirement.js';

/**
 * Per-interval Erlang staffing (the SIPP approach: each interval treated as stationary), for a
 * scenario of one channel whose plug-in has a closed formula (`planning.erlangOnDuty`; today phone:
 * Erlang A on the classes' mean patience, talk + after-call work as the handle time), served by one
 * group. Chat holds several sessions per agent and has no closed formula here.
 */
export function erlangRequirement(scenario: ScenarioModel, shrinkage: number): StaffingRequirement {
  const channels = Object.keys(scenario.channels);
  const channel = channels.length === 1 ? channels[0]! : undefined;
  const formula = channel === undefined ? undefined : channelPlugin(channel)?.planning?.erlangOnDuty;
  if (channel === undefined || formula === undefined) {
    throw new InputError(undefined, [
      {
        path: '--method',
        message: `erlang: the formulas cover one channel alone, and one with a closed formula (phone); this scenario has ${channels.join(', ')}`,
        value: 'erlang',
        allowed: 'simulation, for chat or for several channels sharing agents',
      },
    ]);
  }
  const groups = scenario.agentGroups.filter((g) => g.skills.includes(channel));
  if (groups.length !== 1) {
    throw new InputError(undefined, [
      {
        path: '--method',
        message: `erlang: ${groups.length} agent groups take ${channel} contacts (${groups.map((g) => g.name).join(', ')}); the formula cannot split contacts between groups`,
        value: 'erlang',
        allowed: `simulation, or one group with the ${channel} skill`,
      },
    ]);
  }
  const calendar = scenario.calendar;
  const onDuty = formula(scenario.channels[channel as 'phone'], calendar.intervalS, (i) =>
    intervalLabel(calendar, i),
  );
  return {
    method: 'erlang',
    shrinkage,
    calendar,
    groups: [
      {
        group: groups[0]!.name,
        channels: [channel],
        onDuty,
        scheduled: scheduledAfterShrinkage(onDuty, shrinkage),
      },
    ],
  };
}
