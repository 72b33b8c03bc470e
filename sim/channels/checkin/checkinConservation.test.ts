import { describe, expect, it } from 'vitest';
import { total } from '../../testing/scenarioText.js';
import { CALLS_CAUSED_FIELDS, FAILED_FIELDS } from './CheckinCounters.js';
import { checkinScenario, quietCheckin, runCheckin } from './testing.js';

// Issue 8's truth: check-in volume = monitored population x prompt rate, per interval; failures =
// prompts x failure share; calls = failures x call probability. The population is computed here by
// hand, independently of monitoredPopulation.ts. Tolerances are 4.5 standard deviations of the
// Poisson or binomial count (the seeds are fixed, so a pass is a pass for ever; the width only says
// how far from the truth the count may be before the model is called wrong).

const within = (observed: number, expected: number, variance: number) =>
  expect(Math.abs(observed - expected)).toBeLessThanOrEqual(4.5 * Math.sqrt(variance) + 1e-9);

describe('check-in volume = monitored population x prompt rate, per interval', () => {
  // 1,000 people whose remaining days are spread over 2 days, and 240 admitted a day for 2 days.
  const scenario = checkinScenario(
    { ...quietCheckin(), population: { initial: 1000, admissionsPerDay: 240, daysMonitored: 2 } },
    { days: 3 },
  );
  const replications = 20;
  const sums = new Float64Array(72);
  for (let r = 0; r < replications; r++) {
    const prompts = runCheckin(scenario, 11, r).processes.checkin!.counters.prompts;
    for (let k = 0; k < 72; k++) sums[k]! += prompts[k]!;
  }
  /** N(t) by hand: the initial cohort leaves linearly over 2 days; admissions pile up until day 2. */
  const peopleAt = (hours: number) => 1000 * Math.max(0, 1 - hours / 48) + 10 * Math.min(hours, 48);

  it('each hour: the mean over replications is N(mid-hour) / 2 h (Poisson, 4.5 sd of the mean)', () => {
    for (let k = 0; k < 72; k++) {
      const expected = peopleAt(k + 0.5) / 2;
      within(sums[k]! / replications, expected, expected / replications);
    }
  });

  it('the whole horizon: the sum is the integral of N / 2 h', () => {
    let expected = 0;
    for (let k = 0; k < 72; k++) expected += (peopleAt(k + 0.5) / 2) * replications;
    within(total(sums), expected, expected);
    // Day 3: only the admissions of day 2 are left (480 people), the initial cohort is gone.
    expect(peopleAt(60)).toBe(480);
  });
});

describe('failures = prompts x failure share, calls = failures x call probability', () => {
  // Everybody is prompted on day 1 only; every outcome is decided by the end of day 2, so each prompt
  // ends in exactly one failure mode or a confirmation.
  const file = {
    ...quietCheckin(),
    population: { initial: 3000, admissionsPerDay: 0, daysMonitored: 1 },
    responseDelay: { kind: 'exponential' as const, mean: '30m' },
    failures: { noResponse: 0.1, appError: 0.05, geolocationWrong: 0.08, photoNotIdentified: 0.12 },
    verification: { capacity: 1000, latency: '10s', reviewShare: 0.2 },
    reviewTime: { kind: 'exponential' as const, mean: '1m' },
    calls: {
      noResponse: { probability: 0.3, delay: '0s' },
      appError: { probability: 0.6, delay: '0s' },
      geolocationWrong: { probability: 0.5, delay: '0s' },
      photoNotIdentified: { probability: 0.7, delay: '0s' },
    },
    cannotUseApp: { share: 0.1, callProbability: 0.4, callDelay: '0s' },
  };
  const run = runCheckin(checkinScenario(file, { days: 2, reviewers: 20 }), 5);
  const c = run.processes.checkin!.counters;
  const prompts = total(c.prompts);
  const late = Math.exp(-2); // P(exponential response of mean 30 min > 1 h deadline)
  const app = prompts * 0.9;
  const probability = {
    failedNoResponse: 0.9 * (0.1 + 0.85 * late),
    failedAppError: 0.9 * 0.05,
    failedGeolocationWrong: 0.9 * 0.08 * (1 - late),
    failedPhotoNotIdentified: 0.9 * 0.12 * (1 - late),
    failedCannotUseApp: 0.1,
  };

  it('every prompt ends in exactly one failure mode or a confirmation', () => {
    const failed = FAILED_FIELDS.reduce((acc, f) => acc + total(c[f]), 0);
    // 3,000 people leaving linearly over the day: 1,500 on average x 12 prompts each.
    within(prompts, 18_000, 18_000);
    expect(failed + total(c.confirmed) + total(c.pendingAtEnd)).toBe(prompts);
    expect(total(c.pendingAtEnd)).toBe(0);
    expect(total(c.violations)).toBe(failed);
  });

  it('each failure mode counts prompts x its share (binomial, 4.5 sd)', () => {
    for (const [field, p] of Object.entries(probability)) {
      within(total(c[field as keyof typeof probability]), prompts * p, prompts * p * (1 - p));
    }
    within(total(c.lateResponses), app * 0.85 * late, app * 0.85 * late);
    const reviewP = 0.9 * 0.2 * (1 - late);
    within(total(c.sentToReview), prompts * reviewP, prompts * reviewP * (1 - reviewP));
    expect(total(c.reviewed)).toBe(total(c.sentToReview));
  });

  it('each interval: calls caused by a mode = its failures x the call probability (delay 0)', () => {
    const q = [0.3, 0.6, 0.5, 0.7, 0.4];
    FAILED_FIELDS.forEach((field, m) => {
      if (field === 'failedCannotUseApp') return; // they call from the prompt, not from the failure
      let failed = 0;
      for (let k = 0; k < c.intervals; k++) {
        expect(c[CALLS_CAUSED_FIELDS[m]!][k]).toBeLessThanOrEqual(c[field][k]!);
        failed += c[field][k]!;
      }
      within(total(c[CALLS_CAUSED_FIELDS[m]!]), failed * q[m]!, failed * q[m]! * (1 - q[m]!));
    });
    const cannot = total(c.failedCannotUseApp);
    within(total(c.callsCausedCannotUseApp), cannot * 0.4, cannot * 0.4 * 0.6);
  });

  it('with no phone channel in the run, every call caused is counted as not offered', () => {
    const caused = CALLS_CAUSED_FIELDS.reduce((acc, f) => acc + total(c[f]), 0);
    expect(caused).toBeGreaterThan(0);
    expect(total(c.callsNotOffered)).toBe(caused);
  });

  it('with a phone channel, every call caused joins its queue in the interval it is made', () => {
    const withPhone = runCheckin(checkinScenario(file, { days: 2, reviewers: 20, phone: true }), 5);
    const checkin = withPhone.processes.checkin!.counters;
    const phone = withPhone.processes.phone!.counters;
    expect(total(checkin.callsNotOffered)).toBe(0);
    for (let k = 0; k < checkin.intervals; k++) {
      const caused = CALLS_CAUSED_FIELDS.reduce((acc, f) => acc + checkin[f][k]!, 0);
      expect(phone.caused[k]).toBe(caused);
    }
    // The phone's own demand is 0: its offered calls are the caused ones (no retrials configured).
    expect(total(phone.offered)).toBe(total(phone.caused));
    // Same seed, same draws: the check-ins do not depend on whether the phone is there.
    expect(Array.from(checkin.failedPhotoNotIdentified)).toEqual(Array.from(c.failedPhotoNotIdentified));
  });
});
