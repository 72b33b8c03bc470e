import { buildDistribution } from '../sim/distributions/buildDistribution.js';
import { tryParseClock, tryParseDuration } from './duration.js';
import type { InputIssue } from './inputError.js';
import { MAX_CALLS_IN_HORIZON } from './limits.js';
import type { CalendarModel, PhoneModel, PriorityClassModel } from './ScenarioModel.js';
import { type PhoneChannelFile, type ScenarioFile, WEEKDAYS, type Weekday } from './scenarioSchema.js';

const PATH = '/channels/phone';

/** Fills defaults and makes the cross-field checks the schema cannot express. */
export function buildPhoneModel(
  file: ScenarioFile,
  calendar: CalendarModel,
  issues: InputIssue[],
): PhoneModel {
  const phone = file.channels.phone;
  const dist = (spec: Parameters<typeof buildDistribution>[0], path: string) =>
    buildDistribution(spec, `${PATH}/${path}`, issues);
  const patience = dist(phone.patience, 'patience');
  const model: PhoneModel = {
    expectedCalls: buildExpectedCalls(phone, calendar, issues),
    open: buildOpen(phone, file.calendar.closedDates ?? [], calendar, issues),
    dailyCv: phone.demand.dailyCv ?? 0,
    trunkLines: phone.trunkLines ?? Number.POSITIVE_INFINITY,
    ivr: phone.ivr
      ? { time: dist(phone.ivr.time, 'ivr/time'), selfServiceShare: phone.ivr.selfServiceShare ?? 0 }
      : null,
    talkTime: dist(phone.talkTime, 'talkTime'),
    afterCallWork: phone.afterCallWork === undefined ? null : dist(phone.afterCallWork, 'afterCallWork'),
    classes: buildClasses(phone, patience, issues),
    retrial: phone.retrial
      ? {
          afterBlocked: phone.retrial.afterBlocked ?? 0,
          afterAbandoned: phone.retrial.afterAbandoned ?? 0,
          afterClosed: phone.retrial.afterClosed ?? 0,
          delay: dist(phone.retrial.delay, 'retrial/delay'),
          delaySpec: phone.retrial.delay,
          maxAttempts: phone.retrial.maxAttempts,
        }
      : null,
    faults: checkFaults(phone.faults, issues),
    targets: {
      variant: phone.targets.serviceLevel.variant,
      thresholdS: tryParseDuration(phone.targets.serviceLevel.threshold)!,
      goal: phone.targets.serviceLevel.goal,
      maxAbandonRate: phone.targets.maxAbandonRate ?? null,
      maxAsaS: phone.targets.maxAsa === undefined ? null : tryParseDuration(phone.targets.maxAsa)!,
    },
  };
  return Object.freeze(model);
}

function buildExpectedCalls(
  phone: PhoneChannelFile,
  calendar: CalendarModel,
  issues: InputIssue[],
): Float64Array {
  const { demand } = phone;
  const ipd = calendar.intervalsPerDay;
  const out = new Float64Array(calendar.days * ipd);
  const perWeekday = requireEveryWeekday(demand.callsPerDay, `${PATH}/demand/callsPerDay`, issues);
  const shapes = requireEveryWeekday(demand.intradayShape, `${PATH}/demand/intradayShape`, issues);
  if (!perWeekday || !shapes) return out;
  let shapesOk = true;
  for (const day of WEEKDAYS) {
    const shape = shapes[day];
    const path = `${PATH}/demand/intradayShape${Array.isArray(demand.intradayShape) ? '' : `/${day}`}`;
    if (shape.length !== ipd) {
      issues.push({
        path,
        message: `needs one weight per interval of the day (${ipd} for ${calendar.intervalS / 60}-minute intervals), has ${shape.length}`,
      });
      shapesOk = false;
      break;
    }
    if (perWeekday[day] > 0 && !shape.some((w) => w > 0)) {
      issues.push({ path, message: 'all weights are zero but calls are expected that day' });
      shapesOk = false;
      break;
    }
  }
  if (!shapesOk) return out;
  for (let d = 0; d < calendar.days; d++) {
    const weekday = calendar.weekdays[d]!;
    const calls = demand.callsPerDate?.[calendar.dates[d]!] ?? perWeekday[weekday];
    const shape = shapes[weekday];
    const total = shape.reduce((a, b) => a + b, 0);
    for (let slot = 0; slot < ipd; slot++)
      out[d * ipd + slot] = total > 0 ? (calls * shape[slot]!) / total : 0;
  }
  const horizonCalls = out.reduce((a, b) => a + b, 0);
  if (horizonCalls > MAX_CALLS_IN_HORIZON) {
    issues.push({
      path: `${PATH}/demand`,
      message: `${Math.round(horizonCalls).toLocaleString('en-US')} calls expected over the ${calendar.days} simulated day(s), too many to simulate`,
      allowed: `at most ${MAX_CALLS_IN_HORIZON.toLocaleString('en-US')} calls in the horizon (fewer days or less demand)`,
    });
  }
  return out;
}

/** Expands "one value for all days" and checks that a per-weekday object names all seven days. */
function requireEveryWeekday<T>(
  value: T | Partial<Record<Weekday, T>>,
  path: string,
  issues: InputIssue[],
): Record<Weekday, T> | undefined {
  const isPerDay = typeof value === 'object' && value !== null && !Array.isArray(value);
  if (!isPerDay) return Object.fromEntries(WEEKDAYS.map((d) => [d, value])) as Record<Weekday, T>;
  const perDay = value as Partial<Record<Weekday, T>>;
  const missing = WEEKDAYS.filter((d) => perDay[d] === undefined);
  if (missing.length > 0) {
    issues.push({
      path,
      message: `every weekday must be given; missing: ${missing.join(', ')}`,
      allowed: WEEKDAYS.join(', '),
    });
    return undefined;
  }
  return perDay as Record<Weekday, T>;
}

function buildOpen(
  phone: PhoneChannelFile,
  closedDates: readonly string[],
  calendar: CalendarModel,
  issues: InputIssue[],
): Uint8Array {
  const ipd = calendar.intervalsPerDay;
  const open = new Uint8Array(calendar.days * ipd);
  const daySlots = new Map<Weekday, Uint8Array>();
  for (const day of WEEKDAYS) {
    const slots = new Uint8Array(ipd);
    const ranges = phone.hours === '24/7' ? ['00:00-24:00'] : (phone.hours[day] ?? []);
    ranges.forEach((range, i) => {
      const path = `${PATH}/hours/${day}/${i}`;
      const [from, to] = range.split('-').map(tryParseClock);
      if (from === undefined || to === undefined || from >= to) {
        issues.push({
          path,
          message: 'not an opening range',
          value: range,
          allowed: '"HH:MM-HH:MM" with start before end, e.g. "07:00-20:00"',
        });
        return;
      }
      if (from % calendar.intervalS !== 0 || to % calendar.intervalS !== 0) {
        issues.push({
          path,
          message: `opening hours must fall on interval boundaries (every ${calendar.intervalS / 60} minutes)`,
          value: range,
        });
        return;
      }
      slots.fill(1, from / calendar.intervalS, to / calendar.intervalS);
    });
    daySlots.set(day, slots);
  }
  for (let d = 0; d < calendar.days; d++) {
    if (closedDates.includes(calendar.dates[d]!)) continue;
    open.set(daySlots.get(calendar.weekdays[d]!)!, d * ipd);
  }
  return open;
}

function buildClasses(
  phone: PhoneChannelFile,
  patience: PriorityClassModel['patience'],
  issues: InputIssue[],
): PriorityClassModel[] {
  const classes = phone.priorityClasses ?? [{ name: 'all', share: 1, priority: 0 }];
  const total = classes.reduce((sum, c) => sum + c.share, 0);
  if (Math.abs(total - 1) > 1e-9) {
    issues.push({
      path: `${PATH}/priorityClasses`,
      message: `shares must add up to 1, they add up to ${total}`,
    });
  }
  const names = new Set<string>();
  classes.forEach((c, i) => {
    if (names.has(c.name))
      issues.push({
        path: `${PATH}/priorityClasses/${i}/name`,
        message: 'duplicate class name',
        value: c.name,
      });
    names.add(c.name);
  });
  return classes
    .map((c, i) => ({
      name: c.name,
      share: c.share,
      priority: c.priority,
      patience:
        'patience' in c && c.patience !== undefined
          ? buildDistribution(c.patience, `${PATH}/priorityClasses/${i}/patience`, issues)
          : patience,
    }))
    .sort((a, b) => b.priority - a.priority);
}

function checkFaults(faults: PhoneChannelFile['faults'], issues: InputIssue[]): PhoneModel['faults'] {
  if (!faults) return null;
  if (faults.addedLatency !== undefined)
    buildDistribution(faults.addedLatency, `${PATH}/faults/addedLatency`, issues);
  for (const end of ['from', 'to'] as const) {
    const clock = faults.outage?.[end];
    if (clock !== undefined && tryParseClock(clock) === undefined) {
      issues.push({
        path: `${PATH}/faults/outage/${end}`,
        message: 'not a time of day',
        value: clock,
        allowed: '00:00 to 24:00',
      });
    }
  }
  return faults;
}
