import { describe, expect, it } from 'vitest';
import { CheckinUploadTracker, checkinPolling, drawCheckinUploads, MIN_POLL_MS } from './checkinUploads.js';

const state = (fields: object) =>
  JSON.stringify({ id: 'c-3', submittedAtS: 100, updatedAtS: 100, ...fields });

describe('CheckinUploadTracker: one upload and its polls', () => {
  it('polls while pending, then reads the decision time from the status (updatedAtS - submittedAtS)', () => {
    const t = new CheckinUploadTracker(10);
    expect(t.onUpload(202, state({ status: 'pending' }))).toBe('poll');
    expect(t.statusId).toBe('c-3');
    expect(t.onPoll(200, state({ status: 'pending' }))).toBe('poll');
    expect(t.onPoll(200, state({ status: 'verified', updatedAtS: 112.5 }))).toBe('done');
    expect(t.measured).toEqual({
      outcome: 'verified',
      mode: null,
      decisionS: 12.5,
      sawReview: false,
      polls: 2,
    });
  });

  it('a failure carries its mode; a review seen by a poll is remembered', () => {
    const t = new CheckinUploadTracker(10);
    t.onUpload(202, state({ status: 'pending' }));
    t.onPoll(200, state({ status: 'underReview', updatedAtS: 110 }));
    t.onPoll(200, state({ status: 'failed', mode: 'photoNotIdentified', updatedAtS: 130 }));
    expect(t.measured).toEqual({
      outcome: 'failed',
      mode: 'photoNotIdentified',
      decisionS: 30,
      sawReview: true,
      polls: 2,
    });
  });

  it('when the polls run out the last status seen is the outcome, undecided', () => {
    const t = new CheckinUploadTracker(2);
    t.onUpload(202, state({ status: 'pending' }));
    expect(t.onPoll(200, state({ status: 'underReview' }))).toBe('poll');
    expect(t.onPoll(200, state({ status: 'underReview' }))).toBe('done');
    expect(t.measured).toMatchObject({ outcome: 'underReview', decisionS: null, sawReview: true, polls: 2 });
  });

  it('a refused upload, a lost status or a bad body end as an error, without polling', () => {
    const refused = new CheckinUploadTracker(5);
    expect(refused.onUpload(415, '{"error":"unsupported_media_type"}')).toBe('done');
    expect(refused.measured).toMatchObject({ outcome: 'error', error: 'upload answered 415', polls: 0 });
    const lost = new CheckinUploadTracker(5);
    lost.onUpload(202, state({ status: 'pending' }));
    lost.onPoll(404, '{}');
    expect(lost.measured).toMatchObject({ outcome: 'error', error: 'status answered 404' });
    const bad = new CheckinUploadTracker(5);
    expect(bad.onUpload(202, 'not json')).toBe('done');
    expect(bad.measured?.outcome).toBe('error');
  });

  it('decided already at the upload answer: no poll', () => {
    const t = new CheckinUploadTracker(5);
    expect(t.onUpload(202, state({ status: 'verified', updatedAtS: 100 }))).toBe('done');
    expect(t.measured).toMatchObject({ outcome: 'verified', decisionS: 0, polls: 0 });
  });
});

describe('checkinPolling', () => {
  it('compresses the polling interval and span by the time scale, with a floor of wall time', () => {
    // Every 30 model s for an hour at 60x: every 500 wall ms, 120 polls.
    expect(checkinPolling(30, 3600, 60)).toEqual({ everyMs: 500, maxPolls: 120 });
    // At 6000x, 30 model s would be 5 ms: the floor holds it at 50 ms, so fewer polls cover the hour.
    expect(checkinPolling(30, 3600, 6000)).toEqual({ everyMs: MIN_POLL_MS, maxPolls: 12 });
  });
});

describe('drawCheckinUploads', () => {
  it('same seed same uploads; people within the population; places within 0.1 degree of home', () => {
    const a = drawCheckinUploads(2000, 700, 5);
    expect(drawCheckinUploads(2000, 700, 5)).toEqual(a);
    expect(drawCheckinUploads(2000, 700, 6)).not.toEqual(a);
    expect(a.every((u) => Number.isInteger(u.person) && u.person >= 0 && u.person < 700)).toBe(true);
    expect(a.every((u) => Math.abs(u.lat - 55.7558) <= 0.1 && Math.abs(u.lon - 37.6173) <= 0.1)).toBe(true);
    // Uniform over 700 people: the mean index is 349.5 with sd 202/sqrt(2000) = 4.5.
    const mean = a.reduce((s, u) => s + u.person, 0) / a.length;
    expect(Math.abs(mean - 349.5)).toBeLessThan(4 * 4.52);
  });
});
