import { scheduledFor } from '../../../scenarios/buildAgentGroups.js';
import { buildExpectedContacts } from '../../../scenarios/buildExpectedContacts.js';
import { buildOpenIntervals } from '../../../scenarios/buildOpenIntervals.js';
import { tryParseClock, tryParseDuration } from '../../../scenarios/duration.js';
import type { InputIssue } from '../../../scenarios/inputError.js';
import { buildDistribution } from '../../distributions/buildDistribution.js';
import type { ChannelBuildContext } from '../ChannelPlugin.js';
import type { PhoneModel, PriorityClassModel } from './PhoneModel.js';
import type { PhoneChannelFile } from './phoneSchema.js';

const PATH = '/channels/phone';

/** Fills defaults and makes the cross-field checks the schema cannot express. */
export function buildPhoneModel(
  phone: PhoneChannelFile,
  context: ChannelBuildContext,
): PhoneModel | undefined {
  const { calendar, issues } = context;
  const dist = (spec: Parameters<typeof buildDistribution>[0], path: string) =>
    buildDistribution(spec, `${PATH}/${path}`, issues);
  const patience = dist(phone.patience, 'patience');
  const model: PhoneModel = {
    expectedCalls: buildExpectedContacts(
      {
        perDay: phone.demand.callsPerDay,
        perDate: phone.demand.callsPerDate,
        intradayShape: phone.demand.intradayShape,
        scale: phone.demand.scale,
      },
      { perDay: 'callsPerDay', path: `${PATH}/demand`, contacts: 'calls' },
      calendar,
      issues,
    ),
    open: buildOpenIntervals(phone.hours, `${PATH}/hours`, context.closedDates, calendar, issues),
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
    scheduledPerInterval: scheduledFor(
      context.agentGroups,
      'phone',
      calendar.days * calendar.intervalsPerDay,
    ),
    faults: checkFaults(phone.faults, issues),
    targets: {
      variant: phone.targets.serviceLevel.variant,
      thresholdS: tryParseDuration(phone.targets.serviceLevel.threshold)!,
      goal: phone.targets.serviceLevel.goal,
      maxAbandonRate: phone.targets.maxAbandonRate ?? null,
      maxAsaS: phone.targets.maxAsa === undefined ? null : tryParseDuration(phone.targets.maxAsa)!,
    },
  };
  return issues.length > 0 ? undefined : Object.freeze(model);
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
