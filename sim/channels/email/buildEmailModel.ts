import { buildExpectedContacts } from '../../../scenarios/buildExpectedContacts.js';
import { tryParseDuration } from '../../../scenarios/duration.js';
import { buildDistribution } from '../../distributions/buildDistribution.js';
import type { ChannelBuildContext } from '../ChannelPlugin.js';
import { buildWorkingHours, longestWorkingDayS } from './buildWorkingHours.js';
import type { EmailModel } from './EmailModel.js';
import type { EmailChannelFile } from './emailSchema.js';

const PATH = '/channels/email';

/** The e-mail channel's defaults and cross-field checks; undefined when an issue was found. */
export function buildEmailModel(
  email: EmailChannelFile,
  context: ChannelBuildContext,
): EmailModel | undefined {
  const { calendar, issues } = context;
  const before = issues.length;
  const closed = new Set(context.closedDates);
  const workingHours = buildWorkingHours(
    email.workingHours,
    `${PATH}/workingHours`,
    closed,
    calendar,
    issues,
  );
  const expectedEmails = buildExpectedContacts(
    {
      perDay: email.demand.emailsPerDay,
      perDate: email.demand.emailsPerDate,
      intradayShape: email.demand.intradayShape,
      scale: email.demand.scale,
    },
    { perDay: 'emailsPerDay', path: `${PATH}/demand`, contacts: 'e-mails' },
    calendar,
    issues,
  );
  const expected = expectedEmails.reduce((a, b) => a + b, 0);
  if (workingHours.perPeriodS === 0 && expected > 0 && issues.length === before) {
    // Nobody would ever answer: every figure would be an empty backlog's. Say so instead.
    issues.push({
      path: `${PATH}/workingHours`,
      message: `no working time in the ${calendar.days} simulated day(s) (hours and closed dates), but e-mails are expected`,
      allowed: 'working hours on at least one simulated day that is not closed',
    });
  }
  const { targets } = email;
  const oneWorkingDayS = longestWorkingDayS(email.workingHours);
  const thresholdS =
    targets.answeredWithin === undefined ? oneWorkingDayS : tryParseDuration(targets.answeredWithin)!;
  if (!(thresholdS > 0)) {
    issues.push({
      path: `${PATH}/targets/answeredWithin`,
      message: 'the response target needs some working time',
      value: targets.answeredWithin ?? null,
      allowed: 'a positive duration of working time, e.g. "9h"',
    });
  }
  const handleTime = buildDistribution(email.handleTime, `${PATH}/handleTime`, issues);
  if (issues.length > before) return undefined;
  return Object.freeze({
    expectedEmails,
    dailyCv: email.demand.dailyCv ?? 0,
    handleTime,
    workingHours,
    targets: Object.freeze({
      variant: targets.variant ?? 'slIncludingOverdue',
      thresholdS,
      goal: targets.goal,
      maxAbandonRate: null,
      maxAsaS: null,
    }),
  });
}
