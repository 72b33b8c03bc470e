// The monitored population as a count, not as people (issue 8): N(t) = initial x (1 - t/D)+ (the
// initial cohort's remaining days spread evenly over D) + admissions x min(t, D) (admitted evenly,
// each staying D). N is linear between kinks at 0 and D; D is whole days, so every kink is on an
// interval boundary and N's mean over an interval is its value at the midpoint, exactly.

export interface PopulationSpec {
  readonly initial: number;
  readonly admissionsPerDay: number;
  readonly daysMonitored: number;
}

/** Expected people under monitoring at model time `t` (seconds). */
export function populationAt(spec: PopulationSpec, t: number): number {
  const stayS = spec.daysMonitored * 86_400;
  const initial = spec.initial * Math.max(0, 1 - t / stayS);
  const admitted = (spec.admissionsPerDay / 86_400) * Math.min(t, stayS);
  return initial + admitted;
}

/** The mean population over each interval of the horizon. */
export function monitoredPopulation(
  spec: PopulationSpec,
  intervals: number,
  intervalS: number,
): Float64Array {
  const out = new Float64Array(intervals);
  for (let k = 0; k < intervals; k++) out[k] = populationAt(spec, (k + 0.5) * intervalS);
  return out;
}
