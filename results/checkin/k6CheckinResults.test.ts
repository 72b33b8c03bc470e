import { describe, expect, it } from 'vitest';
import { metricNames } from '../../sim/metrics/metricRegistry.js';
import { wilson } from '../k6Figures.js';
import type { K6Measurement } from '../k6Points.js';
import { checkinK6Results, K6_CHECKIN_METRICS } from './k6CheckinResults.js';
import type { MeasuredCheckinUpload } from './measuredCheckin.js';

// Hand-computed: six uploads in interval 3, one in interval 4, T = 60 s.
const upload = (u: Partial<MeasuredCheckinUpload>): MeasuredCheckinUpload => ({
  interval: 3,
  outcome: 'verified',
  mode: null,
  decisionS: 10,
  sawReview: false,
  ...u,
});
const uploads = [
  upload({ decisionS: 10 }),
  upload({ decisionS: 30 }),
  upload({ decisionS: 200, sawReview: true }),
  upload({ outcome: 'failed', mode: 'geolocationWrong', decisionS: 5 }),
  upload({ outcome: 'failed', mode: 'photoNotIdentified', decisionS: 7 }),
  upload({ outcome: 'error', decisionS: null }),
  upload({ interval: 4, outcome: 'underReview', decisionS: null, sawReview: true }),
];
const measurement = {
  channels: { checkin: { uploads } },
  httpRequests: 0,
  httpFailed: 0,
  droppedIterations: 0,
  segments: 1,
} as K6Measurement;

describe('check-in metrics of a k6 run', () => {
  it('counts uploads taken (not errors), decisions by mode, confirmations and their times, with the simulator formulas', () => {
    const m = checkinK6Results.measure(measurement, 60);
    expect(m.received).toEqual({ mean: 6, ci95: null, n: 1 });
    expect(m.failedGeolocationWrong!.mean).toBe(1);
    expect(m.failedPhotoNotIdentified!.mean).toBe(1);
    expect(m.confirmed!.mean).toBe(3);
    // Confirmed within 60 s: 2 of 3, with its Wilson interval.
    expect(m.confirmedWithinT).toEqual({ mean: 2 / 3, ci95: wilson(2, 3), n: 3 });
    expect(m.confirmationMeanS!.mean).toBeCloseTo(80, 12);
    // p90 of 10, 30, 200: 30 + 0.8 x 170 = 166.
    expect(m.confirmationP90S!.mean).toBeCloseTo(166, 12);
    expect(m.maxConfirmationS!.mean).toBe(200);
    expect(m.sentToReview!.mean).toBe(2);
    expect(m.reviewed!.mean).toBe(1);
    for (const name of metricNames('checkin'))
      if (!(K6_CHECKIN_METRICS as readonly string[]).includes(name)) expect(m[name]!.mean, name).toBeNull();
    // One interval at a time.
    expect(checkinK6Results.measure(measurement, 60, (k) => k === 4).received!.mean).toBe(1);
  });

  it('reads one checkin_decision_s sample per upload: undecided uploads carry no decision time', () => {
    const facts = checkinK6Results.emptyFacts();
    const read = checkinK6Results.samples.checkin_decision_s!;
    read(
      {
        value: 12,
        tags: { interval: '5', outcome: 'failed', mode: 'photoNotIdentified', review: '0' },
        metadata: undefined,
      },
      facts,
    );
    read(
      {
        value: 0,
        tags: { interval: '5', outcome: 'pending', mode: 'none', review: '1' },
        metadata: undefined,
      },
      facts,
    );
    expect(facts.uploads).toEqual([
      { interval: 5, outcome: 'failed', mode: 'photoNotIdentified', decisionS: 12, sawReview: false },
      { interval: 5, outcome: 'pending', mode: null, decisionS: null, sawReview: true },
    ]);
  });
});
