import type { K6ChannelClient } from '../K6ChannelClient.js';
import { type OutboundReplayPlan, outboundDemand, outboundPlan } from './outboundProfile.js';
import {
  OUTBOUND_PLANS_FILE_ENV,
  type OutboundReplayConfig,
  outboundK6Scenario,
  outboundPlanEntries,
  outboundReplayConfig,
} from './outboundReplayConfig.js';

/**
 * Outbound's k6 client: the callee service (the people the campaign calls). Its scenario function is
 * in outboundReplay.ts, its callees' draws in k6-outbound.json. The mocks' model dials; the mocks run
 * with callees 'client' under `hotline load`, so their dials ring until a callee claims them.
 */
export const outboundClient: K6ChannelClient<'outbound', OutboundReplayPlan, OutboundReplayConfig> = {
  channel: 'outbound',
  planFile: {
    env: OUTBOUND_PLANS_FILE_ENV,
    localName: 'k6-outbound.json',
    configMapKey: 'outbound.json',
    readAlways: false,
  },
  script: 'outbound/outboundReplay.ts',
  demand: outboundDemand,
  plan: outboundPlan,
  plans: outboundPlanEntries,
  config: (plan, profile) => outboundReplayConfig(plan, profile),
  k6Scenario: outboundK6Scenario,
  // The dials are the model's; what the replay plans is callees, one VU each.
  planned: (plan) => plan.calleeVus,
  describePlanned: (plan) => `${plan.calleeVus} callees answering the campaign's dials`,
  describeSentBefore: () => 'no outbound contacts (the model dials)',
  // A callee still holding a line when k6 is gone leaves the dial in talk until the mocks close.
  holdsContacts: () => false,
};
