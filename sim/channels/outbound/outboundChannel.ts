// The outbound channel as a plug-in of the core (listed in sim/channels/index.ts).
import { type ChannelPlugin, SERVICE_LEVEL } from '../ChannelPlugin.js';
import { buildOutboundModel } from './buildOutboundModel.js';
import { measureOutbound } from './measureOutbound.js';
import type { OutboundCounters } from './OutboundCounters.js';
import type { OutboundModel } from './OutboundModel.js';
import { type OutboundObserver, OutboundProcess } from './OutboundProcess.js';
import { OUTBOUND_METRICS_DECLARATION, type OutboundMetric } from './outboundMetricSpecs.js';
import { outboundPlanning } from './outboundPlanning.js';
import { OutboundChannel } from './outboundSchema.js';

export const outboundChannel: ChannelPlugin<
  'outbound',
  typeof OutboundChannel,
  OutboundModel,
  OutboundCounters,
  OutboundObserver,
  OutboundProcess,
  OutboundMetric
> = {
  name: 'outbound',
  schema: OutboundChannel,
  metrics: OUTBOUND_METRICS_DECLARATION,
  buildModel: buildOutboundModel,
  // The campaign dials on its own in both clocks: the mocks only show what it dials.
  createProcess: (simulation, agents, owner, model, options) =>
    new OutboundProcess(simulation, agents, owner, model, {
      streams: options.streams,
      observer: options.observer,
    }),
  measure: (_model, counters, calendar, window) => ({
    ...measureOutbound(counters, calendar, window),
    classes: [],
  }),
  classMetrics: [],
  classes: () => [],
  targets: (model) => model.targets,
  planning: outboundPlanning,
  expectedContacts: (model) => {
    const out = new Float64Array(model.open.length);
    model.loadInterval.forEach((k, d) => {
      if (k >= 0) out[k] = model.numbersPerDay[d]!;
    });
    return out;
  },
  meanWaitMetric: 'timeToReachMeanS',
  contactsNoun: 'numbers',
  table: {
    days: [
      'loaded',
      'attempts',
      'completed',
      'failed',
      'leftAtClose',
      SERVICE_LEVEL,
      'connectRate',
      'outboundShare',
      'outboundAgentHours',
    ],
    classLabel: 'class',
    classes: [],
    worstIntervals: [],
  },
};
