// What `hotline staff` computes and `hotline roster` consumes: agents needed on duty per interval,
// per agent group, over the scenario's horizon.
import type { CalendarModel } from '../../scenarios/ScenarioModel.js';

export type StaffingMethod = 'erlang' | 'simulation';

/** One group's requirement: agents needed on duty (productive, after shrinkage) per interval. */
export interface GroupRequirement {
  readonly group: string;
  /** Channels the requirement was computed for (the group's skills that carry demand). */
  readonly channels: readonly string[];
  /** Day-major: index day * intervalsPerDay + slot. */
  readonly onDuty: Int32Array;
  /** onDuty / (1 - shrinkage), rounded up: agents to schedule so that onDuty are available. */
  readonly scheduled: Int32Array;
}

export interface StaffingRequirement {
  readonly method: StaffingMethod;
  /** Share of scheduled time not available for contacts (absence, training, breaks not modelled). */
  readonly shrinkage: number;
  readonly calendar: CalendarModel;
  readonly groups: readonly GroupRequirement[];
}

/** Agents to schedule so that `onDuty` remain after shrinkage. */
export function scheduledAfterShrinkage(onDuty: Int32Array, shrinkage: number): Int32Array {
  if (!(shrinkage >= 0 && shrinkage < 1))
    throw new RangeError(`shrinkage must be in [0, 1), got ${shrinkage}`);
  // 1e-9 absorbs floating-point error: 12 / (1 - 0.4) is 20.000000000000004, and must stay 20.
  return onDuty.map((agents) => Math.ceil(agents / (1 - shrinkage) - 1e-9));
}
