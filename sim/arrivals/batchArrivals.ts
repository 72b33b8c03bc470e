import type { CalendarModel } from '../../scenarios/ScenarioModel.js';
import { createStream } from '../rng/createStream.js';
import { arrivalRates } from './arrivalRates.js';
import { PiecewisePoissonArrivals } from './PiecewisePoissonArrivals.js';

/**
 * A channel's own arrivals in a batch run: the day-to-day variability drawn from `<channel>.demand`,
 * the Poisson arrivals from `<channel>.arrivals`. The real-time driver passes null instead: there,
 * contacts are offered from outside.
 */
export function batchArrivals(
  channel: string,
  calendar: CalendarModel,
  expected: Float64Array,
  dailyCv: number,
  seed: number | string,
  replication: number,
): PiecewisePoissonArrivals {
  return new PiecewisePoissonArrivals(
    arrivalRates(calendar, expected, dailyCv, createStream(seed, `${channel}.demand`, replication)),
    calendar.intervalS,
    createStream(seed, `${channel}.arrivals`, replication),
  );
}
