// The check-in channel as a plug-in of the core (listed in sim/channels/index.ts).
import { ownArrivals, processArrivals } from '../../arrivals/ownArrivals.js';
import { BranchingStreams } from '../../rng/Streams.js';
import { type ChannelPlugin, type ChannelProcessOptions, SERVICE_LEVEL } from '../ChannelPlugin.js';
import { buildCheckinModel } from './buildCheckinModel.js';
import type { CheckinCounters } from './CheckinCounters.js';
import type { CheckinModel } from './CheckinModel.js';
import { type CheckinObserver, CheckinProcess } from './CheckinProcess.js';
import { CHECKIN_METRICS_DECLARATION, type CheckinMetric } from './checkinMetricSpecs.js';
import { checkinPlanning } from './checkinPlanning.js';
import { CheckinChannel } from './checkinSchema.js';
import { measureCheckin } from './measureCheckin.js';

export const checkinChannel: ChannelPlugin<
  'checkin',
  typeof CheckinChannel,
  CheckinModel,
  CheckinCounters,
  CheckinObserver,
  CheckinProcess,
  CheckinMetric
> = {
  name: 'checkin',
  // FACTS: social-monitoring: photos the automatic check fails are confirmed by people.
  skill: 'review',
  schema: CheckinChannel,
  metrics: CHECKIN_METRICS_DECLARATION,
  buildModel: buildCheckinModel,
  createProcess: (simulation, agents, owner, model, options) =>
    new CheckinProcess(simulation, agents, owner, model, {
      streams: options.streams,
      // Prompts are the channel's arrivals (streams checkin.demand, checkin.arrivals); no day factor.
      // In real time too: the clients upload check-ins, the model keeps the prompts that never upload.
      prompts:
        options.mode === 'batch'
          ? processArrivals('checkin', model.expectedPrompts, 0, options)
          : ownArrivals(options.calendar, 'checkin', model.expectedPrompts, 0, options.streams),
      uploadsFromOutside: options.mode === 'batch' ? null : uploadsFromOutside(options),
      // A branching run (a conditional prediction) draws from the branch point on: no prompt ahead of it.
      promptsAhead: options.mode === 'batch' && !(options.streams instanceof BranchingStreams),
      couplings: options.couplings,
      observer: options.observer,
    }),
  measure: (model, counters, calendar, window) => ({
    ...measureCheckin(model, counters, calendar, window),
    classes: [],
  }),
  classMetrics: [],
  classes: () => [],
  targets: (model) => model.targets,
  planning: checkinPlanning,
  expectedContacts: (model) => model.expectedPrompts,
  meanWaitMetric: 'confirmationMeanS',
  contactsNoun: 'prompts',
  table: {
    days: [
      'prompts',
      'received',
      'failureRate',
      'failedPhotoNotIdentified',
      SERVICE_LEVEL,
      'confirmationMeanS',
      'reviewWaitMeanS',
      'callsCaused',
      'violations',
    ],
    classLabel: 'class',
    classes: [],
    worstIntervals: [],
  },
};

/**
 * Real time: uploads come from outside (the clients) except while the model plays the people itself:
 * a warm start's morning (before ownArrivalsUntilS) and after the replayed window (ownArrivalsResumeAtS).
 */
function uploadsFromOutside(options: ChannelProcessOptions<unknown>): (t: number) => boolean {
  const until = options.ownArrivalsUntilS;
  if (until === undefined) return () => true;
  const resume = options.ownArrivalsResumeAtS ?? Number.POSITIVE_INFINITY;
  return (t) => t >= until && t < resume;
}
