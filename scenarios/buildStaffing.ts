import { tryParseClock, tryParseDuration } from './duration.js';
import type { InputIssue } from './inputError.js';
import { MAX_AGENTS } from './limits.js';
import type { CalendarModel, StaffingModel } from './ScenarioModel.js';
import type { ShiftFile, StaffingFile } from './scenarioSchema.js';

/** Turns any staffing form into one step function of agents scheduled over time. */
export function buildStaffing(
  staffing: StaffingFile,
  calendar: CalendarModel,
  issues: InputIssue[],
  path: string,
): StaffingModel {
  const PATH = path;
  const { days, intervalS, intervalsPerDay } = calendar;
  const horizonS = days * 86_400;
  const deltas = new Map<number, number>();
  const add = (from: number, to: number, agents: number) => {
    const a = Math.max(0, from);
    const b = Math.min(horizonS, to);
    if (b <= a || agents === 0) return;
    deltas.set(a, (deltas.get(a) ?? 0) + agents);
    deltas.set(b, (deltas.get(b) ?? 0) - agents);
  };
  const perInterval = (table: readonly number[], day: number) => {
    table.forEach((agents, slot) => {
      add((day * intervalsPerDay + slot) * intervalS, (day * intervalsPerDay + slot + 1) * intervalS, agents);
    });
  };

  switch (staffing.kind) {
    case 'constant':
      add(0, horizonS, staffing.agents);
      break;
    case 'perInterval':
      if (checkLength(staffing.agents, intervalsPerDay, `${PATH}/agents`, issues)) {
        for (let d = 0; d < days; d++) perInterval(staffing.agents, d);
      }
      break;
    case 'weekly': {
      let ok = true;
      for (const [day, table] of Object.entries(staffing.agents)) {
        ok = checkLength(table!, intervalsPerDay, `${PATH}/agents/${day}`, issues) && ok;
      }
      if (ok) {
        for (let d = 0; d < days; d++) perInterval(staffing.agents[calendar.weekdays[d]!] ?? [], d);
      }
      break;
    }
    case 'shifts':
      staffing.shifts.forEach((shift, i) => {
        addShift(shift, `${PATH}/shifts/${i}`, calendar, add, issues);
      });
      break;
  }
  return stepFunction(deltas, staffing.scale ?? 1, calendar, issues, PATH);
}

function addShift(
  shift: ShiftFile,
  path: string,
  calendar: CalendarModel,
  add: (from: number, to: number, agents: number) => void,
  issues: InputIssue[],
) {
  const start = tryParseClock(shift.start);
  const length = tryParseDuration(shift.length)!;
  if (start === undefined || start >= 86_400) {
    issues.push({
      path: `${path}/start`,
      message: 'not a time of day',
      value: shift.start,
      allowed: '00:00 to 23:59',
    });
    return;
  }
  if (length <= 0 || length > 86_400) {
    issues.push({
      path: `${path}/length`,
      message: 'a shift lasts more than 0 and at most 24h',
      value: shift.length,
    });
    return;
  }
  const breaks = (shift.breaks ?? []).map((b, j) => ({
    after: tryParseDuration(b.after)!,
    len: tryParseDuration(b.length)!,
    j,
    b,
  }));
  // Breaks must lie within the shift and not overlap: an agent cannot go on two breaks at once
  // (overlapping breaks would take the same agents off twice and leave a negative head count).
  let problem = false;
  for (const { after, len, j, b } of breaks) {
    if (after + len > length) {
      issues.push({ path: `${path}/breaks/${j}`, message: 'break ends after the shift', value: b });
      problem = true;
    }
  }
  const byStart = [...breaks].sort((x, y) => x.after - y.after || x.j - y.j);
  for (let i = 1; i < byStart.length; i++) {
    const previous = byStart[i - 1]!;
    const current = byStart[i]!;
    if (current.after < previous.after + previous.len) {
      issues.push({
        path: `${path}/breaks/${current.j}`,
        message: `break overlaps break ${previous.j} (${previous.b.after} + ${previous.b.length})`,
        value: current.b,
        allowed: 'breaks that do not overlap',
      });
      problem = true;
    }
  }
  if (problem) return;
  // Day -1 too: a night shift that starts before the horizon still covers its first hours.
  for (let d = -1; d < calendar.days; d++) {
    const weekday = d < 0 ? previousWeekday(calendar.weekdays[0]!) : calendar.weekdays[d]!;
    if (shift.days && !shift.days.includes(weekday)) continue;
    const from = d * 86_400 + start;
    add(from, from + length, shift.agents);
    for (const b of breaks) add(from + b.after, from + b.after + b.len, -shift.agents);
  }
}

function previousWeekday(day: CalendarModel['weekdays'][number]) {
  const order = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
  return order[(order.indexOf(day) + 6) % 7]!;
}

function checkLength(
  table: readonly number[],
  expected: number,
  path: string,
  issues: InputIssue[],
): boolean {
  if (table.length === expected) return true;
  issues.push({
    path,
    message: `needs one entry per interval of the day (${expected}), has ${table.length}`,
  });
  return false;
}

function stepFunction(
  deltas: Map<number, number>,
  scale: number,
  calendar: CalendarModel,
  issues: InputIssue[],
  path: string,
): StaffingModel {
  const times = [...deltas.keys()].sort((a, b) => a - b);
  const changeTimesS: number[] = [0];
  const agents: number[] = [0];
  let scheduled = 0;
  let reported = false;
  for (const t of times) {
    scheduled += deltas.get(t)!;
    // The scale applies to the head count at each step (after shifts and breaks add up), not to each
    // shift, so it can never leave a negative count; Math.round is exact at scale 1 (integers).
    const level = scale === 1 ? scheduled : Math.round(scheduled * scale);
    // Agents are 32-bit counts in the engine; shifts that overlap add up, so check their sum too.
    if (!reported && (level > MAX_AGENTS || level < 0)) {
      reported = true;
      issues.push({
        path,
        message: `${level.toLocaleString('en-US')} agents scheduled at once (day ${Math.floor(t / 86_400) + 1}, ${clockOf(t)})`,
        allowed: `0 to ${MAX_AGENTS.toLocaleString('en-US')} at any time`,
      });
    }
    if (t === changeTimesS[changeTimesS.length - 1]) agents[agents.length - 1] = level;
    else {
      changeTimesS.push(t);
      agents.push(level);
    }
  }
  const scheduledPerInterval = averagePerInterval(changeTimesS, agents, calendar);
  return Object.freeze({
    changeTimesS: Float64Array.from(changeTimesS),
    agents: Int32Array.from(agents),
    scheduledPerInterval,
  });
}

function clockOf(seconds: number): string {
  const s = seconds % 86_400;
  return `${String(Math.floor(s / 3600)).padStart(2, '0')}:${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}`;
}

function averagePerInterval(times: number[], agents: number[], calendar: CalendarModel): Float64Array {
  const n = calendar.days * calendar.intervalsPerDay;
  const out = new Float64Array(n);
  const width = calendar.intervalS;
  for (let i = 0; i < times.length; i++) {
    const from = times[i]!;
    const to = i + 1 < times.length ? times[i + 1]! : n * width;
    for (let k = Math.floor(from / width); k < n && k * width < to; k++) {
      const overlap = Math.min(to, (k + 1) * width) - Math.max(from, k * width);
      if (overlap > 0) out[k]! += (agents[i]! * overlap) / width;
    }
  }
  return out;
}
