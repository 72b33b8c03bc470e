// The check-in channel's part of the k6 script (scenario `checkin`, exec 'checkin' of the bundle's
// entry): one iteration per planned upload, at its planned instant: a multipart POST /v1/checkins
// (http.file of a generated JPEG, lat, lon, person and prompt ids), then GET /v1/checkins/:id every
// polling interval (compressed by the time scale, bounded) until verified or failed. Logic lives in
// the k6-free checkinUploads.ts and ../generatedJpeg.ts; k6 draws nothing.
import { sleep } from 'k6';
import { SharedArray } from 'k6/data';
import exec from 'k6/execution';
import http from 'k6/http';
import { Counter, Trend } from 'k6/metrics';
import { generatedJpeg } from '../generatedJpeg.js';
import { intervalOfIteration } from '../intervalOfIteration.js';
import type { K6ChannelScript } from '../K6ChannelScript.js';
import type { ReplayConfig } from '../replayConfig.js';
import {
  CHECKIN_UPLOADS_FILE_ENV,
  type CheckinReplayConfig,
  type CheckinUploadEntry,
  checkinK6Scenario,
} from './checkinReplayConfig.js';
import { CheckinUploadTracker } from './checkinUploads.js';

/** Size of the generated selfie, bytes. */
export const CHECKIN_JPEG_BYTES = 4096;

export const k6Script: K6ChannelScript<CheckinReplayConfig> = {
  channel: 'checkin',
  k6Scenario: checkinK6Scenario,
  scenario: checkinScenario,
};

/** Builds the check-in scenario's function over the replay's config (called in the init context). */
function checkinScenario(
  checkin: CheckinReplayConfig | undefined,
  config: ReplayConfig,
  token: string | undefined,
): () => void {
  if (checkin === undefined) return () => {};
  const uploads = new SharedArray('checkin uploads', () => {
    const file = __ENV[CHECKIN_UPLOADS_FILE_ENV];
    if (!file)
      throw new Error(`set ${CHECKIN_UPLOADS_FILE_ENV} with -e (the check-in uploads of the replay)`);
    return JSON.parse(open(file)) as CheckinUploadEntry[];
  });
  // The selfie, built once per VU in the init context: a few KB (the replay measures the service, not the link).
  const jpeg = generatedJpeg(CHECKIN_JPEG_BYTES);
  const photo = jpeg.buffer.slice(jpeg.byteOffset, jpeg.byteOffset + jpeg.byteLength) as ArrayBuffer;
  /** One sample per upload, tags outcome (verified, failed, underReview, pending, error), mode, review, interval. */
  const checkinsCount = new Counter('checkins');
  /** One sample per upload: model seconds from upload to decision (the status's times); 0 undecided. */
  const decisionS = new Trend('checkin_decision_s');
  /** Wall ms from the upload to the poll that saw the decision (the client's view, poll resolution). */
  const seenMs = new Trend('checkin_seen_ms', true);
  const polls = new Counter('checkin_polls');
  const arrivalLagMs = new Trend('arrival_lag_ms', true);
  const uploadUrl = `${config.target}/v1/checkins`;
  const headers: Record<string, string> = token ? { Authorization: `Bearer ${token}` } : {};
  const { everyMs, maxPolls } = checkin.polling;

  return function checkinUpload(): void {
    const n = exec.scenario.iterationInTest;
    // The tail stage may start a few iterations past the plan; they send nothing.
    if (n >= checkin.cumulative[checkin.cumulative.length - 1]!) return;
    const plan = uploads[n] as CheckinUploadEntry;
    const interval = String(checkin.intervalIndex[intervalOfIteration(checkin.cumulative, n)] ?? -1);
    const tags = { channel: 'checkin', interval };
    // The upload is due a response delay after its prompt (the prompt's instant, or now with even arrivals).
    const dueAt = (plan.atMs === null ? Date.now() : exec.scenario.startTime + plan.atMs) + plan.delayMs;
    const waitMs = dueAt - Date.now();
    if (waitMs > 0) sleep(waitMs / 1000);
    if (plan.atMs !== null) arrivalLagMs.add(Date.now() - dueAt, tags);
    const tracker = new CheckinUploadTracker(maxPolls);
    const sentAt = Date.now();
    const response = http.post(
      uploadUrl,
      {
        photo: http.file(photo, 'selfie.jpg', 'image/jpeg'),
        lat: String(plan.lat),
        lon: String(plan.lon),
        personId: `${config.runId}-p${plan.person}`,
        promptId: `${config.runId}-q${n}`,
      },
      { headers, tags: { ...tags, name: 'POST /v1/checkins' } },
    );
    let step = tracker.onUpload(response.status, typeof response.body === 'string' ? response.body : '');
    while (step === 'poll') {
      sleep(everyMs / 1000);
      const poll = http.get(`${config.target}/v1/checkins/${encodeURIComponent(tracker.statusId!)}`, {
        headers,
        tags: { ...tags, name: 'GET /v1/checkins/:id' },
      });
      polls.add(1, tags);
      step = tracker.onPoll(poll.status, typeof poll.body === 'string' ? poll.body : '');
    }
    const measured = tracker.measured!;
    const uploadTags = {
      ...tags,
      outcome: measured.outcome,
      mode: measured.mode ?? 'none',
      review: measured.sawReview ? '1' : '0',
    };
    checkinsCount.add(1, uploadTags);
    decisionS.add(measured.decisionS ?? 0, uploadTags);
    if (measured.decisionS !== null) seenMs.add(Date.now() - sentAt, tags);
  };
}
