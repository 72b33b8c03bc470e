// The phone channel as a plug-in of the core (listed in sim/channels/index.ts).
import { processArrivals } from '../../arrivals/ownArrivals.js';
import { type ChannelPlugin, SERVICE_LEVEL } from '../ChannelPlugin.js';
import { buildPhoneModel } from './buildPhoneModel.js';
import { CLASS_METRICS } from './ClassMetrics.js';
import { measurePhone } from './measurePhone.js';
import type { PhoneCounters } from './PhoneCounters.js';
import type { PhoneModel } from './PhoneModel.js';
import type { PhoneObserver } from './PhoneOutcome.js';
import { PhoneProcess } from './PhoneProcess.js';
import { PHONE_METRICS_DECLARATION, type PhoneMetricName } from './phoneMetricSpecs.js';
import { phonePlanning } from './phonePlanning.js';
import { PhoneChannel } from './phoneSchema.js';

export const phoneChannel: ChannelPlugin<
  'phone',
  typeof PhoneChannel,
  PhoneModel,
  PhoneCounters,
  PhoneObserver,
  PhoneProcess,
  PhoneMetricName
> = {
  name: 'phone',
  schema: PhoneChannel,
  metrics: PHONE_METRICS_DECLARATION,
  buildModel: buildPhoneModel,
  createProcess: (simulation, agents, owner, model, options) =>
    new PhoneProcess(simulation, agents, owner, model, {
      streams: options.streams,
      arrivals: processArrivals('phone', model.expectedCalls, model.dailyCv, options),
      observer: options.observer,
    }),
  measure: measurePhone,
  classMetrics: CLASS_METRICS,
  classes: (model) => model.classes.map(({ name, priority, share }) => ({ name, priority, share })),
  targets: (model) => model.targets,
  planning: phonePlanning,
  expectedContacts: (model) => model.expectedCalls,
  meanWaitMetric: 'asaS',
  contactsNoun: 'calls',
  table: {
    days: [
      'offered',
      'answered',
      'abandonRate',
      'blocked',
      SERVICE_LEVEL,
      'asaS',
      'waitP90S',
      'occupancy',
      'agentHours',
    ],
    classLabel: 'priority class',
    classes: ['offered', 'answered', 'abandonRate', SERVICE_LEVEL, 'asaS'],
    worstIntervals: ['offered', SERVICE_LEVEL, 'abandonRate', 'asaS', 'maxQueueLength', 'agentsOnDuty'],
  },
};
