import type { CalendarModel } from '../../scenarios/ScenarioModel.js';
import { createStream } from '../rng/createStream.js';
import type { ArrivalSource } from './ArrivalSource.js';
import { ArrivalsUntil } from './ArrivalsUntil.js';
import { arrivalRates } from './arrivalRates.js';
import { PiecewisePoissonArrivals } from './PiecewisePoissonArrivals.js';

/**
 * A channel's own arrivals as the simulator draws them: the day factors from `<channel>.demand`, the
 * instants from `<channel>.arrivals`, both of (seed, replication). With `untilS`, none from that
 * model time on (a warm-started run: the window's contacts come from outside).
 */
export function ownArrivals(
  calendar: CalendarModel,
  channel: 'phone' | 'chat',
  expected: Float64Array,
  dailyCv: number,
  seed: number | string,
  replication: number,
  untilS?: number,
): ArrivalSource {
  const arrivals = new PiecewisePoissonArrivals(
    arrivalRates(calendar, expected, dailyCv, createStream(seed, `${channel}.demand`, replication)),
    calendar.intervalS,
    createStream(seed, `${channel}.arrivals`, replication),
  );
  return untilS === undefined ? arrivals : new ArrivalsUntil(arrivals, untilS);
}
