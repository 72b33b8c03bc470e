import { InputError, type InputIssue } from '../../../scenarios/inputError.js';
import type { CalendarModel } from '../../../scenarios/ScenarioModel.js';
import type { ShiftColumns } from './buildShiftColumns.js';
import { intervalLabel } from './intervalLabel.js';
import { mostAgentsPerInterval } from './mostAgentsPerInterval.js';

const SHOWN = 8;

/**
 * Before solving: every interval's requirement against the most agents the templates can put there.
 * Names the intervals that cannot be covered, which a solver's "infeasible" would not.
 */
export function checkCoverable(
  required: Int32Array,
  shifts: ShiftColumns,
  calendar: CalendarModel,
  file: string | undefined,
): void {
  const most = mostAgentsPerInterval(shifts, required.length);
  const issues: InputIssue[] = [];
  let short = 0;
  required.forEach((agents, k) => {
    if (agents <= most[k]!) return;
    short++;
    if (issues.length < SHOWN) {
      issues.push({
        path: '',
        message: `${intervalLabel(calendar, k)}: needs ${agents} agents, templates can put at most ${most[k]} there`,
      });
    }
  });
  if (short === 0) return;
  if (short > SHOWN) issues.push({ path: '', message: `... and ${short - SHOWN} more intervals` });
  issues.push({
    path: '',
    message: 'raise maxAgents, add templates that cover these intervals, or accept shortfalls with --penalty',
  });
  throw new InputError(file, issues);
}
