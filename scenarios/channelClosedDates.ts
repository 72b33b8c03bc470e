import { parseIsoDate } from './buildCalendar.js';
import type { InputIssue } from './inputError.js';
import type { ScenarioFile } from './scenarioSchema.js';

/**
 * The days a channel is closed: calendar.closedDates (every channel) and its fragment's own
 * `closedDates` (a back-office holiday while the phone line runs). Each own date that is not a real
 * date is an issue at its path.
 */
export function channelClosedDates(
  scenario: ScenarioFile,
  channel: string,
  fragment: unknown,
  issues: InputIssue[],
): readonly string[] {
  const own = (fragment as { readonly closedDates?: readonly string[] }).closedDates ?? [];
  own.forEach((date, i) => {
    if (parseIsoDate(date) === undefined)
      issues.push({
        path: `/channels/${channel}/closedDates/${i}`,
        message: 'not a real date',
        value: date,
        allowed: 'yyyy-mm-dd',
      });
  });
  return [...new Set([...(scenario.calendar.closedDates ?? []), ...own])];
}
