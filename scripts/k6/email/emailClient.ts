import type { K6ChannelClient } from '../K6ChannelClient.js';
import { type EmailReplayPlan, emailDemand, emailPlan } from './emailProfile.js';
import {
  EMAIL_PLANS_FILE_ENV,
  type EmailReplayConfig,
  emailK6Scenario,
  emailPlanEntries,
  emailReplayConfig,
} from './emailReplayConfig.js';

/** E-mail's k6 client: its scenario function in emailReplay.ts, its submit instants in k6-email.json. */
export const emailClient: K6ChannelClient<'email', EmailReplayPlan, EmailReplayConfig> = {
  channel: 'email',
  planFile: {
    env: EMAIL_PLANS_FILE_ENV,
    localName: 'k6-email.json',
    configMapKey: 'email.json',
    readAlways: false,
  },
  script: 'email/emailReplay.ts',
  demand: emailDemand,
  plan: emailPlan,
  plans: emailPlanEntries,
  config: emailReplayConfig,
  k6Scenario: emailK6Scenario,
  // E-mails are not calls.
  planned: (plan) => plan.plannedEmails,
  describePlanned: (plan) => `${plan.plannedEmails} e-mails`,
  // Answers come in the grace, on later days too (a Saturday's e-mails answered on Monday).
  followsAfterWindowS: (plan, profile) => (plan.graceMs / 1000) * profile.timeScale,
  describeSentBefore: (plan, intervalCount) => `${plan.cumulative[intervalCount]!} e-mails`,
  // Every submit and poll is a request k6 awaited: nothing stays open once k6 is gone.
  holdsContacts: () => false,
};
