import type { K6ChannelClient } from '../K6ChannelClient.js';
import { type PortalReplayPlan, portalDemand, portalPlan } from './portalProfile.js';
import {
  PORTAL_APPLICATIONS_FILE_ENV,
  type PortalReplayConfig,
  portalApplicationEntries,
  portalK6Scenario,
  portalReplayConfig,
} from './portalReplayConfig.js';

/** The portal channel's k6 client: its scenario function in portalReplay.ts, its applications in k6-portal.json. */
export const portalClient: K6ChannelClient<'portal', PortalReplayPlan, PortalReplayConfig> = {
  channel: 'portal',
  planFile: {
    env: PORTAL_APPLICATIONS_FILE_ENV,
    localName: 'k6-portal.json',
    configMapKey: 'portal.json',
    readAlways: false,
  },
  script: 'portal/portalReplay.ts',
  demand: portalDemand,
  plan: portalPlan,
  plans: portalApplicationEntries,
  config: portalReplayConfig,
  k6Scenario: portalK6Scenario,
  // The support calls they cause are the model's, not the client's.
  planned: (plan) => plan.plannedApplications,
  describePlanned: (plan) => `${plan.plannedApplications} portal applications`,
  describeSentBefore: (plan, intervalCount) => `${plan.cumulative[intervalCount]!} portal applications`,
  // Every upload and status check is a request k6 awaited: nothing stays open once k6 is gone.
  holdsContacts: () => false,
};
