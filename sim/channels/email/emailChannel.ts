// The e-mail channel as a plug-in of the core (listed in sim/channels/index.ts).
import { processArrivals } from '../../arrivals/ownArrivals.js';
import { type ChannelPlugin, SERVICE_LEVEL } from '../ChannelPlugin.js';
import { buildEmailModel } from './buildEmailModel.js';
import type { EmailCounters } from './EmailCounters.js';
import type { EmailModel } from './EmailModel.js';
import { type EmailObserver, EmailProcess } from './EmailProcess.js';
import { EMAIL_METRICS_DECLARATION, type EmailMetric } from './emailMetricSpecs.js';
import { emailPlanning } from './emailPlanning.js';
import { EmailChannel } from './emailSchema.js';
import { measureEmail } from './measureEmail.js';

export const emailChannel: ChannelPlugin<
  'email',
  typeof EmailChannel,
  EmailModel,
  EmailCounters,
  EmailObserver,
  EmailProcess,
  EmailMetric
> = {
  name: 'email',
  schema: EmailChannel,
  metrics: EMAIL_METRICS_DECLARATION,
  buildModel: buildEmailModel,
  createProcess: (simulation, agents, owner, model, options) =>
    new EmailProcess(simulation, agents, owner, model, {
      streams: options.streams,
      arrivals: processArrivals('email', model.expectedEmails, model.dailyCv, options),
      observer: options.observer,
    }),
  measure: (_model, counters, calendar, window) => ({
    ...measureEmail(counters, calendar, window),
    classes: [],
  }),
  classMetrics: [],
  classes: () => [],
  targets: (model) => model.targets,
  planning: emailPlanning,
  expectedContacts: (model) => model.expectedEmails,
  meanWaitMetric: 'responseMeanWorkingH',
  contactsNoun: 'e-mails',
  table: {
    days: [
      'offered',
      'answered',
      'backlogAtEnd',
      SERVICE_LEVEL,
      'responseMeanWorkingH',
      'responseP90WorkingH',
      'overdueAtEnd',
      'workedHours',
      'emailShareOfAgentTime',
    ],
    classLabel: 'class',
    classes: [],
    worstIntervals: [],
  },
};
