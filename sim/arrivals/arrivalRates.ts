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
  const dayFactor = dailyCv > 0 ? new Gamma(1, dailyCv) : null;
  for (let d = 0; d < calendar.days; d++) {
    const factor = dayFactor === null ? 1 : dayFactor.sample(demandRng);
    for (let s = 0; s < ipd; s++) rates[d * ipd + s] = (expected[d * ipd + s]! * factor) / calendar.intervalS;
  }
  return rates;
}
