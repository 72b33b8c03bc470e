import { describe, expect, it } from 'vitest';
import { erlangC } from '../../analytic/erlangC.js';
import { agentsForLoads, channelQueue, unplannedWhy } from '../../planning/channelQueue.js';
import { checkinScenario, quietCheckin } from './testing.js';

// The review queue as `hotline staff` staffs it: Erlang C (nobody abandons a review) on the review
// arrivals, checked against a linear scan of the Erlang C formula itself.
const REVIEW_MEAN_S = 90;
const scenario = checkinScenario(
  {
    ...quietCheckin(),
    verification: { capacity: 10_000, latency: '10s', reviewShare: 1 },
    reviewTime: { kind: 'exponential', mean: `${REVIEW_MEAN_S}s` },
  },
  { days: 1, reviewers: 10 },
);

/** Fewest reviewers whose Erlang C service level meets the goal: the first c that passes, counting up. */
function erlangCScan(arrivalRatePerS: number, thresholdS: number, goal: number): number {
  for (let c = 1; ; c++) {
    const m = erlangC({ arrivalRatePerS, meanHandleTimeS: REVIEW_MEAN_S, agents: c, thresholdS });
    if (m.stable && m.serviceLevel.slAnswered >= goal) return c;
  }
}

describe('check-in reviews in hotline staff', () => {
  const queue = channelQueue(scenario, 'checkin')!;

  it('are a queue without abandonment whose holding time is the review time', () => {
    expect(queue.patienceS).toBe(Number.POSITIVE_INFINITY);
    expect(queue.holdingTimeS).toBe(REVIEW_MEAN_S);
    expect(queue.metrics.abandoned).toBeNull();
  });

  it('are staffed by Erlang C on the review arrivals', () => {
    for (const reviewsPerHour of [40, 400, 1200, 3000]) {
      const rate = reviewsPerHour / 3600;
      const load = rate * REVIEW_MEAN_S;
      const planned = agentsForLoads(queue, [{ load, weight: 1 }], REVIEW_MEAN_S, 1, 'test');
      expect(planned, `${reviewsPerHour} reviews/h`).toBe(
        erlangCScan(rate, queue.goal.thresholdS, queue.goal.goal),
      );
      // More than the load (a stable queue) and, the goal being met, not absurdly more.
      expect(planned).toBeGreaterThan(load);
    }
  });

  it('with no review share set no requirement, and say why', () => {
    const none = checkinScenario({
      ...quietCheckin(),
      verification: { capacity: 10, latency: '10s', reviewShare: 0 },
    });
    expect(channelQueue(none, 'checkin')).toBeNull();
    expect(unplannedWhy(none, 'checkin')).toMatch(/reviewShare 0/);
  });
});
