// A channel's k6 scenario over its planned stages. Free of k6 and Node imports: bundled into the k6
// script, unit-tested in Node.
import type { K6Stage } from './planArrivals.js';

/** What every channel's part of the k6 config carries for its arrival-rate stages. */
export interface ArrivalStages {
  stages: K6Stage[];
  preAllocatedVUs: number;
  maxVUs: number;
}

/**
 * One iteration per planned arrival (ramping-arrival-rate, timeUnit = one compressed interval, so a
 * stage's target is the interval's count). Contacts still open at the end of the schedule may finish:
 * gracefulStop = the common lead + `longestHoldMs` (a call's request timeout, a session's timeout).
 */
export function arrivalRateScenario(
  channel: string,
  config: ArrivalStages,
  replay: { timeUnitMs: number; leadMs: number },
  longestHoldMs: number,
): Record<string, unknown> {
  return {
    executor: 'ramping-arrival-rate' as const,
    startRate: 0,
    timeUnit: `${replay.timeUnitMs}ms`,
    preAllocatedVUs: config.preAllocatedVUs,
    maxVUs: config.maxVUs,
    stages: config.stages,
    gracefulStop: `${Math.ceil((replay.leadMs + longestHoldMs) / 1000)}s`,
    tags: { channel },
  };
}
