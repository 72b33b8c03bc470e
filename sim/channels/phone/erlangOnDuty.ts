import { InputError } from '../../../scenarios/inputError.js';
import { fewestAgents, type StaffingDemand, type StaffingGoal } from '../../analytic/fewestAgents.js';
import type { PhoneModel } from './PhoneModel.js';

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

function phoneGoal(phone: PhoneModel): StaffingGoal {
  const t = phone.targets;
  return {
    variant: t.variant,
    thresholdS: t.thresholdS,
    goal: t.goal,
    ...(t.maxAbandonRate !== null ? { maxAbandon: t.maxAbandonRate } : {}),
    ...(t.maxAsaS !== null ? { maxAsaS: t.maxAsaS } : {}),
  };
}
