import type { CallResult } from '../../../mocks/phone/callTypes.js';
import { measuredServerLog } from '../../../results/measuredWindow.js';
import { type ServerLogEntry, serverCrossCheck } from '../../../results/serverCrossCheck.js';
import type { K6ChannelClient } from '../K6ChannelClient.js';
import { type PhoneReplayPlan, phoneDemand, phonePlan } from './phoneProfile.js';
import {
  CALLERS_FILE_ENV,
  type PhoneReplayConfig,
  phoneK6Scenario,
  phoneReplayConfig,
} from './phoneReplayConfig.js';

/** Phone's k6 client: its scenario function in phoneReplay.ts, its callers in k6-callers.json. */
export const phoneClient: K6ChannelClient<'phone', PhoneReplayPlan, PhoneReplayConfig> = {
  channel: 'phone',
  // The k6 script's init opens the callers whatever the replay holds (an empty list without phone).
  planFile: {
    env: CALLERS_FILE_ENV,
    localName: 'k6-callers.json',
    configMapKey: 'callers.json',
    readAlways: true,
  },
  script: 'phone/phoneReplay.ts',
  demand: phoneDemand,
  plan: phonePlan,
  plans: (plan) => plan?.callers ?? [],
  config: (plan, _profile, target) => phoneReplayConfig(plan, target),
  k6Scenario: phoneK6Scenario,
  planned: (plan) => plan.plannedCalls,
  describePlanned: (plan) => `${plan.plannedCalls} planned calls`,
  describeSentBefore: (plan, intervalCount) => `${plan.cumulative[intervalCount]!} calls`,
  // Calls the mocks still hold (a caller who hung up at the very end, its close not handled yet).
  holdsContacts: (state) => Number(state.pendingCalls ?? 0) > 0,
  // The ACD's self-report: its replies, or the mocks' record of every call (the warm-up's calls left
  // out by the client's callIds: the client's interval decides, as for every other figure).
  crossCheck: (plan, measurement, mockLog, warmup) => {
    const calls = measurement.channels.phone ?? { calls: [], serverReported: [], waitGapsS: [] };
    const serverLog = mockLog === null ? null : (mockLog as readonly CallResult[]).map(serverLogEntry);
    return serverCrossCheck(
      calls,
      plan.slThresholdS,
      serverLog !== null && warmup
        ? measuredServerLog(serverLog, new Set(calls.calls.map((c) => c.callId)))
        : serverLog,
    );
  },
};

const serverLogEntry = (c: CallResult): ServerLogEntry => ({
  outcome: c.outcome,
  waitS: c.waitS,
  callId: c.callId,
});
