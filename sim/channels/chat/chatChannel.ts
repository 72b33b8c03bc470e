// The chat channel as a plug-in of the core (listed in sim/channels/index.ts).
import { processArrivals } from '../../arrivals/ownArrivals.js';
import { type ChannelPlugin, SERVICE_LEVEL } from '../ChannelPlugin.js';
import { buildChatModel } from './buildChatModel.js';
import type { ChatCounters } from './ChatCounters.js';
import type { ChatModel } from './ChatModel.js';
import { type ChatObserver, ChatProcess } from './ChatProcess.js';
import { CHAT_METRICS_DECLARATION, type ChatMetric } from './chatMetricSpecs.js';
import { chatPlanning } from './chatPlanning.js';
import { ChatChannel } from './chatSchema.js';
import { measureChat } from './measureChat.js';

export const chatChannel: ChannelPlugin<
  'chat',
  typeof ChatChannel,
  ChatModel,
  ChatCounters,
  ChatObserver,
  ChatProcess,
  ChatMetric
> = {
  name: 'chat',
  schema: ChatChannel,
  metrics: CHAT_METRICS_DECLARATION,
  buildModel: buildChatModel,
  createProcess: (simulation, agents, owner, model, options) =>
    new ChatProcess(simulation, agents, owner, model, {
      streams: options.streams,
      arrivals: processArrivals('chat', model.expectedSessions, model.dailyCv, options),
      observer: options.observer,
    }),
  measure: (_model, counters, calendar, window) => ({
    ...measureChat(counters, calendar, window),
    classes: [],
  }),
  classMetrics: [],
  classes: () => [],
  targets: (model) => model.targets,
  planning: chatPlanning,
  expectedContacts: (model) => model.expectedSessions,
  meanWaitMetric: 'firstResponseMeanS',
  contactsNoun: 'sessions',
  table: {
    days: [
      'offered',
      'answered',
      'abandonRate',
      SERVICE_LEVEL,
      'firstResponseMeanS',
      'firstResponseP90S',
      'answeredNextDayShare',
      'occupancySlots',
      'sessionsPerAgent',
    ],
    classLabel: 'class',
    classes: [],
    worstIntervals: [],
  },
};
