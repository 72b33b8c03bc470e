import type { CalendarModel } from '../../scenarios/ScenarioModel.js';
import type { StaffingFile } from '../../scenarios/scenarioSchema.js';
import type { Weekday } from '../../scenarios/schemaParts.js';

/**
 * Agents per interval over the horizon (day-major) as a scenario's staffing: `perInterval` when every
 * day asks the same, else `weekly`. A horizon longer than a week can ask different agents on two
 * Mondays, which `weekly` cannot hold: each weekday then gets the larger of its days' figures, interval
 * by interval, so every day keeps at least what it needs.
 */
export function staffingFile(calendar: CalendarModel, agents: Int32Array): StaffingFile {
  const { days, intervalsPerDay } = calendar;
  if (agents.length !== days * intervalsPerDay) {
    throw new RangeError(`staffingFile: ${agents.length} values for ${days} x ${intervalsPerDay} intervals`);
  }
  const day = (d: number) => [...agents.subarray(d * intervalsPerDay, (d + 1) * intervalsPerDay)];
  const first = day(0);
  let sameEveryDay = true;
  for (let d = 1; d < days && sameEveryDay; d++) sameEveryDay = day(d).every((a, i) => a === first[i]);
  if (sameEveryDay) return { kind: 'perInterval', agents: first };
  const weekly: Partial<Record<Weekday, number[]>> = {};
  for (let d = 0; d < days; d++) {
    const weekday = calendar.weekdays[d]!;
    const table = day(d);
    const seen = weekly[weekday];
    weekly[weekday] = seen ? seen.map((a, i) => Math.max(a, table[i]!)) : table;
  }
  return { kind: 'weekly', agents: weekly };
}

/** What a staffing file puts on duty per interval over the horizon, after the weekly rule above. */
export function agentsAsWritten(calendar: CalendarModel, file: StaffingFile): Int32Array {
  const { days, intervalsPerDay } = calendar;
  const out = new Int32Array(days * intervalsPerDay);
  for (let d = 0; d < days; d++) {
    const table =
      file.kind === 'perInterval'
        ? file.agents
        : file.kind === 'weekly'
          ? (file.agents[calendar.weekdays[d]!] ?? [])
          : [];
    for (let i = 0; i < intervalsPerDay; i++) out[d * intervalsPerDay + i] = table[i] ?? 0;
  }
  return out;
}
