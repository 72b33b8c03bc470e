import type { K6ChannelClient } from '../K6ChannelClient.js';
import { type CheckinReplayPlan, checkinDemand, checkinPlan } from './checkinProfile.js';
import {
  CHECKIN_UPLOADS_FILE_ENV,
  type CheckinReplayConfig,
  checkinK6Scenario,
  checkinReplayConfig,
  checkinUploadEntries,
} from './checkinReplayConfig.js';

/** The check-in channel's k6 client: its scenario function in checkinReplay.ts, its uploads in k6-checkin.json. */
export const checkinClient: K6ChannelClient<'checkin', CheckinReplayPlan, CheckinReplayConfig> = {
  channel: 'checkin',
  planFile: {
    env: CHECKIN_UPLOADS_FILE_ENV,
    localName: 'k6-checkin.json',
    configMapKey: 'checkin.json',
    readAlways: false,
  },
  script: 'checkin/checkinReplay.ts',
  demand: checkinDemand,
  plan: checkinPlan,
  plans: checkinUploadEntries,
  config: checkinReplayConfig,
  k6Scenario: checkinK6Scenario,
  // Uploads are not calls (the calls their failures cause are the model's, not the client's).
  planned: (plan) => plan.plannedUploads,
  describePlanned: (plan) => `${plan.plannedUploads} check-in uploads`,
  describeSentBefore: (plan, intervalCount) => `${plan.cumulative[intervalCount]!} check-in uploads`,
  // An upload is one request: once k6 is gone every one was answered, nothing is held open.
  holdsContacts: () => false,
};
