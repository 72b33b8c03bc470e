import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRun } from '../../../results/loadRun.js';
import { checkinScenarioFile, quietCheckin } from '../../../sim/channels/checkin/testing.js';
import { runLoad } from '../runLoad.js';
import { compareWithPrediction } from '../testing/compareWithPrediction.js';

// The REAL k6 against the mocks on loopback: check-ins uploaded as multipart (a generated JPEG, lat,
// lon, ids) and polled until decided, one hour of model time (01:00-02:00, the mocks warm-started
// with the model's own check-ins of the hour before) at 240x: 15 s of wall time plus the last polls.
// Truth: conservation (every planned upload was sent and accepted, and the mock's own counts by
// status equal k6's by outcome) and the model's probabilities (the failure modes' shares of uploads,
// a binomial interval); never a latency.

// 1,000 people (steady) prompted every 2 h: 500 prompts an hour. Of those, 7% never upload (5% no
// response, 2% app error); the rest (about 465 an hour) are verified (20 s on average, 50 at once),
// fail on geolocation (5% of prompts) or photo (5%), or go to one of 10 reviewers (10%, 3 min each).
const FAILURES = { noResponse: 0.05, appError: 0.02, geolocationWrong: 0.05, photoNotIdentified: 0.05 };

function scenarioText(): string {
  const file = checkinScenarioFile(
    {
      ...quietCheckin(),
      population: { initial: 1000, admissionsPerDay: 1000, daysMonitored: 1 },
      failures: FAILURES,
      verification: { capacity: 50, latency: { kind: 'exponential', mean: '20s' }, reviewShare: 0.1 },
      reviewTime: '3m',
    },
    { reviewers: 10, days: 1 },
  );
  return JSON.stringify(file);
}

type Figure = { mean: number | null; ci95: [number, number] | null };

describe('check-in replay (k6 http.file multipart + polling) against the mocks', () => {
  it('uploads every planned check-in (202); the mock counts by status equal k6 outcomes; compare prints check-in rows', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hotline-checkin-replay-'));
    const file = join(dir, 'checkin-e2e.json');
    writeFileSync(file, scenarioText());
    const result = await runLoad({
      scenarioFile: file,
      timeScale: 240,
      day: 0,
      from: '01:00',
      to: '02:00',
      segments: 1,
      quiet: true,
      k6StdoutToStderr: true,
      toolVersion: 'test',
      out: join(dir, 'measured'),
    });
    const planned = result.profile.channels.checkin!.plannedUploads;
    const checkin = (result.summary.channels as Record<string, Record<string, Figure>>).checkin!;
    const state = result.mockState as {
      checkin: { uploads: Record<string, number>; responses: Record<string, number> };
    };
    const failedGeo = checkin.failedGeolocationWrong!.mean!;
    const failedPhoto = checkin.failedPhotoNotIdentified!.mean!;
    console.log(
      JSON.stringify({
        planned,
        mock: state.checkin,
        k6: Object.fromEntries(Object.entries(checkin).map(([k, f]) => [k, f.mean])),
      }),
    );
    expect(result.exitCode).toBe(0);
    expect(Object.keys(result.summary.channels)).toEqual(['checkin']);
    // 500 x 0.93 = 465 uploads expected in the hour; the drawn count is Poisson around it.
    expect(Math.abs(planned - 465)).toBeLessThan(4 * Math.sqrt(465));
    // Conservation: every planned upload was sent, accepted (202) and received by the model.
    expect(state.checkin.responses['202']).toBe(planned);
    expect(Object.values(state.checkin.responses).reduce((a, b) => a + b, 0)).toBe(planned);
    expect(checkin.received!.mean).toBe(planned);
    // Every upload was decided before its polls ran out, and both sides count the same outcomes.
    expect(state.checkin.uploads.pending).toBe(0);
    expect(state.checkin.uploads.underReview).toBe(0);
    expect(state.checkin.uploads.verified).toBe(checkin.confirmed!.mean);
    expect(state.checkin.uploads.failed).toBe(failedGeo + failedPhoto);
    expect(checkin.confirmed!.mean! + failedGeo + failedPhoto).toBe(planned);
    // The model's probabilities: of an upload, geolocation 0.05/0.93 and photo 0.05/0.93; review
    // 0.1/0.93 (seen by a poll: a review lasts 3 model min, polls come every 90 model s). Within 4 sd.
    const within = (count: number, p: number) =>
      expect(Math.abs(count / planned - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / planned));
    within(failedGeo, 0.05 / 0.93);
    within(failedPhoto, 0.05 / 0.93);
    within(checkin.sentToReview!.mean!, 0.1 / 0.93);
    expect(checkin.reviewed!.mean).toBe(checkin.sentToReview!.mean);
    // What the client cannot see is null, not zero.
    for (const metric of ['prompts', 'failed', 'failureRate', 'callsCaused', 'occupancy'])
      expect(checkin[metric]!.mean, metric).toBeNull();

    // The run folder loads, with check-in columns; `hotline compare` against a prediction of the
    // same window prints check-in rows.
    const loaded = loadRun(result.saved.folder);
    expect(Object.keys(loaded.summary.channels)).toEqual(['checkin']);
    const printed = compareWithPrediction(file, result.saved.folder, dir, {
      day: 1,
      from: '01:00',
      to: '02:00',
    });
    expect(printed).toMatch(/check-ins received/);
  }, 120_000);
});
