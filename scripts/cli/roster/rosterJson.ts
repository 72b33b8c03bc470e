import { intervalLabel } from '../../../sim/planning/roster/intervalLabel.js';
import type { RosterResult } from '../../../sim/planning/roster/planRoster.js';

/** What `hotline roster --json` prints: the plan, its cost and bounds, the rounds, per interval figures. */
export function rosterJson(result: RosterResult) {
  const { solution, calendar } = { solution: result.solution, calendar: result.scenario.calendar };
  const round2 = (x: number) => Math.round(x * 100) / 100;
  return {
    scenario: result.scenario.name,
    templates: result.templates.name,
    group: result.group,
    candidateShifts: result.shiftCount,
    templateShifts: result.templateShifts,
    solver: {
      status: solution.status,
      nodes: solution.nodes,
      cost: round2(solution.cost),
      bound: round2(solution.bound),
      lpBound: round2(solution.lpBound),
      gap: solution.gap,
      solveS: round2(solution.solveS),
    },
    before: { agentHours: round2(result.before.agentHours), cost: round2(result.before.cost) },
    after: { agentHours: round2(result.after.agentHours), cost: round2(result.after.cost) },
    rounds: result.rounds.map((r) => ({ ...r, cost: round2(r.cost), solveS: round2(r.solveS) })),
    verified: result.verdict
      ? {
          channel: result.verdict.channel,
          variant: result.verdict.variant,
          thresholdS: result.verdict.thresholdS,
          goal: result.verdict.goal,
          everyIntervalMeetsTargets: result.verdict.missed.length === 0,
          missed: result.verdict.missed.map((k) => intervalLabel(calendar, k)),
        }
      : null,
    check: result.check
      ? {
          seed: result.check.seed,
          replications: result.check.replications,
          everyIntervalMeetsTargets: result.check.missed.length === 0,
          missed: result.check.missed.map((k) => intervalLabel(calendar, k)),
          missedBeyondNoise: result.check.missedBeyondNoise.map((k) => intervalLabel(calendar, k)),
        }
      : null,
    intervals: Array.from(result.required, (required, k) => ({
      interval: intervalLabel(calendar, k),
      requiredInitially: result.initialRequired[k]!,
      required,
      scheduled: round2(result.after.scheduled[k]!),
      scheduledBefore: round2(result.before.scheduled[k]!),
      shortfall: solution.shortfall[k]!,
      serviceLevel: result.verdict?.serviceLevel[k] ?? null,
      serviceLevelCheck: result.check?.serviceLevel[k] ?? null,
    })),
    shifts: result.shifts,
  };
}
