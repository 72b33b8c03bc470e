import type { LoadedRun } from '../loadRun.js';
import { runWindow } from './runWindow.js';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** "Mon 2020-12-07 09:00" for unix seconds on the scenario's wall clock (read as UTC). */
export function calendarText(s: number, withDate = true): string {
  const iso = new Date(s * 1000).toISOString();
  const clock = iso.slice(11, 16);
  return withDate ? `${WEEKDAYS[new Date(s * 1000).getUTCDay()]} ${iso.slice(0, 10)} ${clock}` : clock;
}

function hoursText(seconds: number): string {
  const h = seconds / 3600;
  return h < 1 ? `${Math.round(seconds / 60)} min` : `${Number(h.toFixed(2))} h`;
}

/**
 * What a run covers, as the header says it: its window ("Mon 2020-12-07 09:00-10:00, 1 h") for a
 * k6 replay or a `sim --day/--from/--to` run, its days otherwise. A k6 run that records no window and
 * measured nothing says so instead of claiming the scenario's calendar.
 */
export function describeSpan(run: LoadedRun): string {
  const w = runWindow(run);
  const { days, startDate } = run.info;
  const weekday = WEEKDAYS[new Date(`${startDate}T00:00:00Z`).getUTCDay()];
  const calendar = `${days} day${days === 1 ? '' : 's'} from ${weekday} ${startDate}`;
  if (!w) return run.info.kind === 'k6' ? 'window unknown (run.json records none)' : calendar;
  const endClock = w.endS - w.startS >= 86_400 ? calendarText(w.endS) : calendarText(w.endS, false);
  const window = `${calendarText(w.startS)}-${endClock === '00:00' ? '24:00' : endClock}, ${hoursText(w.endS - w.startS)}`;
  const inferred = w.source === 'inferred' ? ' (inferred from the measured intervals)' : '';
  return run.info.kind === 'k6' ? `${window}${inferred}` : `${window} (simulated ${calendar})`;
}
