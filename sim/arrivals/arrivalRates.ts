import type { CalendarModel } from '../../scenarios/ScenarioModel.js';
import { Gamma } from '../distributions/Gamma.js';
import type { Rng } from '../rng/createStream.js';

/**
 * Arrival rate per second per interval from the expected contacts per interval, with one day-to-day
 * volume factor per day (gamma, mean 1, coefficient of variation `dailyCv`) drawn from `demandRng`.
 */
export function arrivalRates(
  calendar: CalendarModel,
  expected: Float64Array,
  dailyCv: number,
  demandRng: Rng,
): Float64Array {
  const ipd = calendar.intervalsPerDay;
  const rates = new Float64Array(expected.length);
  const factors = dayFactors(calendar.days, dailyCv, demandRng);
  for (let d = 0; d < calendar.days; d++) {
    const factor = factors[d]!;
    for (let s = 0; s < ipd; s++) rates[d * ipd + s] = (expected[d * ipd + s]! * factor) / calendar.intervalS;
  }
  return rates;
}

/**
 * The day factor of each calendar day, in the order the simulator draws them (one draw per day from
 * day 1; none when `dailyCv` is 0). The k6 replay takes its day's volume from here with the same
 * stream, so a replay with seed s has the day of the simulator's replication 0 with seed s.
 */
export function dayFactors(days: number, dailyCv: number, demandRng: Rng): Float64Array {
  const factors = new Float64Array(days).fill(1);
  if (dailyCv <= 0) return factors;
  const dayFactor = new Gamma(1, dailyCv);
  for (let d = 0; d < days; d++) factors[d] = dayFactor.sample(demandRng);
  return factors;
}
