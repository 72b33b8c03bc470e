import type { CalendarModel } from '../../scenarios/ScenarioModel.js';
import type { Streams } from '../rng/Streams.js';
import type { ArrivalSource } from './ArrivalSource.js';
import { ArrivalsUntil } from './ArrivalsUntil.js';
import { arrivalRates } from './arrivalRates.js';
import { PiecewisePoissonArrivals } from './PiecewisePoissonArrivals.js';

/**
 * A channel's own arrivals as the simulator draws them: the day factors from `<channel>.demand`, the
 * instants from `<channel>.arrivals`, both from the run's streams. With `untilS`, none from that
 * model time on (a warm-started run: the window's contacts come from outside), until `resumeAtS`
 * (the window's end) when given.
 */
export function ownArrivals(
  calendar: CalendarModel,
  channel: string,
  expected: Float64Array,
  dailyCv: number,
  streams: Streams,
  untilS?: number,
  resumeAtS?: number,
): ArrivalSource {
  const rates = arrivalRates(calendar, expected, dailyCv, streams.stream(`${channel}.demand`));
  const source = `${channel}.arrivals` as const;
  const tape = streams.tape;
  let arrivals: ArrivalSource;
  if (tape === undefined) {
    arrivals = new PiecewisePoissonArrivals(rates, calendar.intervalS, streams.stream(source));
  } else {
    // Runs of one replication at equal rates (whatif cells varying staffing) share the instants.
    const instants = tape.arrivals(source, rates, calendar.intervalS, () => {
      const own = new PiecewisePoissonArrivals(rates, calendar.intervalS, streams.stream(source));
      return () => own.next();
    });
    let next = 0;
    arrivals = { next: () => instants.at(next++) };
  }
  return untilS === undefined ? arrivals : new ArrivalsUntil(arrivals, untilS, resumeAtS);
}

/**
 * The arrivals a channel's process draws itself: all of them in a batch run; in a real-time run none
 * (contacts come from outside), or, for a warm start, those before `ownArrivalsUntilS` (and from
 * `ownArrivalsResumeAtS` on, when given).
 */
export function processArrivals(
  channel: string,
  expected: Float64Array,
  dailyCv: number,
  options: {
    readonly calendar: CalendarModel;
    readonly streams: Streams;
    readonly mode: 'batch' | 'realtime';
    readonly ownArrivalsUntilS?: number;
    readonly ownArrivalsResumeAtS?: number;
  },
): ArrivalSource | null {
  const { calendar, streams, mode } = options;
  const until = mode === 'batch' ? undefined : options.ownArrivalsUntilS;
  if (mode === 'realtime' && until === undefined) return null;
  const resumeAtS = mode === 'batch' ? undefined : options.ownArrivalsResumeAtS;
  return ownArrivals(calendar, channel, expected, dailyCv, streams, until, resumeAtS);
}
