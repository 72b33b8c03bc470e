import { InputError } from '../../scenarios/inputError.js';
import type { ScenarioModel } from '../../scenarios/ScenarioModel.js';
import { fewestAgents, type StaffingDemand, type StaffingGoal } from '../analytic/fewestAgents.js';
import type { PhoneModel } from '../channels/phone/PhoneModel.js';
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

/** Fewest agents on duty per interval meeting the phone targets; 0 where closed or nobody calls. */
export function erlangOnDuty(
  phone: PhoneModel,
  intervalS: number,
  label: (interval: number) => string = (i) => `interval ${i}`,
): Int32Array {
  const goal = phoneGoal(phone);
  const handle = phone.talkTime.mean + (phone.afterCallWork?.mean ?? 0);
  const patience = phone.classes.reduce((sum, c) => sum + c.share * c.patience.mean, 0);
  const reachAgents = 1 - (phone.ivr?.selfServiceShare ?? 0);
  const out = new Int32Array(phone.expectedCalls.length);
  for (let i = 0; i < out.length; i++) {
    const calls = phone.expectedCalls[i]! * reachAgents;
    if (phone.open[i] === 0 || calls <= 0) continue;
    const demand: StaffingDemand = {
      arrivalRatePerS: calls / intervalS,
      meanHandleTimeS: handle,
      ...(Number.isFinite(patience) ? { meanPatienceS: patience } : {}),
    };
    const result = fewestAgents(demand, goal);
    if (!result.found) {
      throw new InputError(undefined, [
        {
          path: '/channels/phone/targets',
          message: `cannot be met at ${label(i)} (${calls.toFixed(1)} calls): ${result.reason}`,
          allowed: 'a lower goal, a longer threshold or a looser abandonment/ASA cap',
        },
      ]);
    }
    out[i] = result.agents;
  }
  return out;
}

export function phoneGoal(phone: PhoneModel): StaffingGoal {
  const t = phone.targets;
  return {
    variant: t.variant,
    thresholdS: t.thresholdS,
    goal: t.goal,
    ...(t.maxAbandonRate !== null ? { maxAbandon: t.maxAbandonRate } : {}),
    ...(t.maxAsaS !== null ? { maxAsaS: t.maxAsaS } : {}),
  };
}
