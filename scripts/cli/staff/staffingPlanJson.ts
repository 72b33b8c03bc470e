import type { MethodChoice } from '../../../sim/planning/chooseStaffingMethod.js';
import { intervalLabel, type StaffingPlan } from '../../../sim/planning/planStaffing.js';

/** `hotline staff --json`: the plan with typed arrays as plain arrays and each interval's start named. */
export function staffingPlanJson(plan: StaffingPlan, choice: MethodChoice): unknown {
  return {
    method: plan.method,
    reason: choice.reason,
    shrinkage: plan.shrinkage,
    iterations: plan.iterations,
    loadIterations: plan.loadIterations,
    corrections: plan.corrections,
    converged: plan.converged,
    lastChange: plan.lastChange,
    replications: plan.replications,
    seed: plan.seed,
    agentHours: plan.agentHours,
    intervals: [...plan.groups[0]!.onDuty].map((_, i) => intervalLabel(plan.calendar, i)),
    groups: plan.groups.map((g) => ({
      group: g.group,
      channels: g.channels,
      onDuty: [...g.onDuty],
      scheduled: [...g.scheduled],
      today: [...plan.currentAgents[g.group]!].map((a) => Number(a.toFixed(3))),
    })),
    channels: plan.channels,
    unplanned: plan.unplanned,
    pooling: plan.pooling,
    staffing: plan.staffing,
    check: plan.check,
  };
}
