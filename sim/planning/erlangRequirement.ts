import { InputError } from '../../scenarios/inputError.js';
import type { ScenarioModel } from '../../scenarios/ScenarioModel.js';
import { erlangScope, isErlangScope } from './erlangScope.js';
import { intervalLabel } from './planStaffing.js';
import { type StaffingRequirement, scheduledAfterShrinkage } from './StaffingRequirement.js';

/**
 * Per-interval Erlang staffing (the SIPP approach: each interval treated as stationary), where
 * erlangScope says the formula applies: one planned channel whose plug-in has a closed formula
 * (`planning.erlangOnDuty`; today phone: Erlang A on the classes' mean patience, talk + after-call
 * work as the handle time), served by one group. Chat holds several sessions per agent and has no
 * closed formula here.
 */
export function erlangRequirement(scenario: ScenarioModel, shrinkage: number): StaffingRequirement {
  const scope = erlangScope(scenario);
  if (!isErlangScope(scope)) throw new InputError(undefined, [scope.issue]);
  const calendar = scenario.calendar;
  const onDuty = scope.onDuty((i) => intervalLabel(calendar, i));
  return {
    method: 'erlang',
    shrinkage,
    calendar,
    groups: [
      {
        group: scope.group,
        channels: [scope.channel],
        onDuty,
        scheduled: scheduledAfterShrinkage(onDuty, shrinkage),
      },
    ],
  };
}
