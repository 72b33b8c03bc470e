import { describe, expect, it } from 'vitest';
import { erlangC } from '../../analytic/erlangC.js';
import { total } from '../../testing/scenarioText.js';
import { checkinScenario, quietCheckin, runCheckin } from './testing.js';

// The manual review queue against Erlang C. A constant population (initial = admissions x days) makes
// the prompts Poisson of rate N / gap; constant response and verification times shift that process
// without changing it, and with reviewShare 1 every check-in is reviewed: the review queue is M/M/c
// with exponential review times and c dedicated reviewers. Stationary figures over days 2..4 (day 1
// is the warm-up from empty); tolerance: 4 standard errors of the mean over replications, plus 2%.

const DAYS = 4;
const REPLICATIONS = 8;
const PEOPLE = 2400;
const REVIEWERS = 33;
const REVIEW_MEAN_S = 90;

const scenario = checkinScenario(
  {
    ...quietCheckin(),
    population: { initial: PEOPLE, admissionsPerDay: PEOPLE / 2, daysMonitored: 2 },
    verification: { capacity: 10_000, latency: '10s', reviewShare: 1 },
    reviewTime: { kind: 'exponential', mean: `${REVIEW_MEAN_S}s` },
  },
  { days: DAYS, reviewers: REVIEWERS },
);

function observe() {
  const from = 24;
  const to = DAYS * 24;
  const spanS = (to - from) * 3600;
  const runs = Array.from({ length: REPLICATIONS }, (_, r) => {
    const c = runCheckin(scenario, 21, r).processes.checkin!.counters;
    return {
      wait: total(c.reviewWaitSumS, from, to) / total(c.reviewStarted, from, to),
      queue: total(c.reviewQueueAreaS, from, to) / spanS,
      occupancy: total(c.busyAgentS, from, to) / total(c.onDutyAgentS, from, to),
    };
  });
  const stat = (key: keyof (typeof runs)[number]) => {
    const xs = runs.map((x) => x[key]);
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1));
    return { mean, se: sd / Math.sqrt(xs.length) };
  };
  return { wait: stat('wait'), queue: stat('queue'), occupancy: stat('occupancy') };
}

describe('manual review = M/M/c (Erlang C) with exponential reviews and dedicated reviewers', () => {
  const truth = erlangC({
    arrivalRatePerS: PEOPLE / 7200,
    meanHandleTimeS: REVIEW_MEAN_S,
    agents: REVIEWERS,
    thresholdS: 60,
  });
  if (!truth.stable) throw new Error('the test case must be a stable queue');
  const observed = observe();
  const close = (x: { mean: number; se: number }, expected: number) =>
    expect(Math.abs(x.mean - expected)).toBeLessThanOrEqual(4 * x.se + 0.02 * expected);

  it('has a queue worth testing (P(wait) well above 0)', () => {
    expect(truth.pWait).toBeGreaterThan(0.3);
  });
  it('mean wait for review = C(c, a) / (c mu - lambda)', () => close(observed.wait, truth.asaS));
  it('mean review backlog = lambda x mean wait (Little)', () => close(observed.queue, truth.meanQueueLength));
  it('reviewer occupancy = a / c', () => close(observed.occupancy, truth.occupancy));
});
