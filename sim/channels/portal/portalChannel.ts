// The portal channel as a plug-in of the core (listed in sim/channels/index.ts). No agent of the
// pool serves it: decisions come from a back office modelled as a delay in working days.
import { processArrivals } from '../../arrivals/ownArrivals.js';
import { type ChannelPlugin, SERVICE_LEVEL } from '../ChannelPlugin.js';
import { buildPortalModel } from './buildPortalModel.js';
import { measurePortal } from './measurePortal.js';
import type { PortalCounters } from './PortalCounters.js';
import type { PortalModel } from './PortalModel.js';
import { type PortalObserver, PortalProcess } from './PortalProcess.js';
import { PORTAL_CLASS_METRICS, PORTAL_METRICS_DECLARATION, type PortalMetric } from './portalMetricSpecs.js';
import { PortalChannel } from './portalSchema.js';

export const portalChannel: ChannelPlugin<
  'portal',
  typeof PortalChannel,
  PortalModel,
  PortalCounters,
  PortalObserver,
  PortalProcess,
  PortalMetric
> = {
  name: 'portal',
  schema: PortalChannel,
  metrics: PORTAL_METRICS_DECLARATION,
  buildModel: buildPortalModel,
  createProcess: (simulation, _agents, _owner, model, options) =>
    new PortalProcess(simulation, model, {
      streams: options.streams,
      arrivals: processArrivals('portal', model.expectedApplications, model.dailyCv, options),
      couplings: options.couplings,
      observer: options.observer,
    }),
  measure: (_model, counters, calendar, window) => measurePortal(counters, calendar, window),
  classMetrics: PORTAL_CLASS_METRICS,
  // Application types are the portal's classes: no priority among them.
  classes: (model) => model.types.map((t) => ({ name: t.name, priority: 0, share: t.share })),
  targets: (model) => model.targets,
  expectedContacts: (model) => model.expectedApplications,
  meanWaitMetric: 'decisionWorkingDaysMean',
  contactsNoun: 'applications',
  table: {
    days: [
      'applications',
      'refusedShare',
      'received',
      'decided',
      SERVICE_LEVEL,
      'decisionWorkingDaysMean',
      'statusChecks',
      'supportPhone',
      'supportChat',
    ],
    classLabel: 'application type',
    classes: ['received', 'decided', SERVICE_LEVEL, 'decisionWorkingDaysMean', 'decisionWorkingDaysP90'],
    worstIntervals: [],
  },
  withoutAgents: true,
};
