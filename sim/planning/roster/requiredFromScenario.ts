import { InputError } from '../../../scenarios/inputError.js';
import { loadScenarioFile } from '../../../scenarios/loadScenario.js';
import type { CalendarModel } from '../../../scenarios/ScenarioModel.js';

/**
 * `--required <file>`: agents to schedule per interval read from another scenario's staffing of the
 * group (e.g. what `hotline staff --write` saves), rounded up. Its calendar must be the scenario's.
 */
export function requiredFromScenario(file: string, group: string, calendar: CalendarModel): Int32Array {
  const other = loadScenarioFile(file);
  const same =
    other.calendar.startDate === calendar.startDate &&
    other.calendar.days === calendar.days &&
    other.calendar.intervalS === calendar.intervalS;
  if (!same) {
    throw new InputError(file, [
      {
        path: '/calendar',
        message: `--required needs the scenario's calendar (${calendar.startDate}, ${calendar.days} days, ${calendar.intervalS / 60}m intervals)`,
        value: {
          startDate: other.calendar.startDate,
          days: other.calendar.days,
          intervalS: other.calendar.intervalS,
        },
      },
    ]);
  }
  const found = other.agentGroups.find((g) => g.name === group);
  if (!found) {
    throw new InputError(file, [
      {
        path: '/agents/groups',
        message: `no agent group ${group}`,
        allowed: other.agentGroups.map((g) => g.name).join(', '),
      },
    ]);
  }
  // 1e-9: an average of whole agents over an interval is whole up to floating-point error.
  return Int32Array.from(found.staffing.scheduledPerInterval, (a) => Math.ceil(a - 1e-9));
}
