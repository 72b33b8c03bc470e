import { describe, expect, it } from 'vitest';
import { ModelService } from '../../../mocks/ModelService.js';
import type { CallResult } from '../../../mocks/phone/callTypes.js';
import { PhoneService } from '../../../mocks/phone/PhoneService.js';
import { stationary } from '../../../mocks/phone/testing.js';
import { createModelClock } from '../../../sim/engine/ModelClock.js';
import { ManualTime } from '../../../sim/testing/ManualTime.js';
import { buildCallerPlans } from './callerPlans.js';

// Two classes, an IVR, nobody on duty: every call the mock takes abandons at its own patience draw.
const twoClasses = stationary({
  priorityClasses: [
    { name: 'urgent', share: 0.3, priority: 1, patience: '2m' },
    { name: 'other', share: 0.7, priority: 0 },
  ],
  ivr: { time: { kind: 'uniform', min: '10s', max: '20s' }, selfServiceShare: 0.1 },
  staffing: { kind: 'constant', agents: 0 },
  retrial: { afterAbandoned: 0.5, delay: '10m', maxAttempts: 3 },
});

describe('buildCallerPlans', () => {
  it("draws each caller's class and patience exactly as the mocks draw the n-th call (streams aligned)", async () => {
    const plans = buildCallerPlans(twoClasses, 40, [], 7);
    const time = new ManualTime();
    const clock = createModelClock(0, 60, time.wallNowMs);
    const acd = new PhoneService(new ModelService(twoClasses, clock, 7, time));
    clock.start();
    const results: Promise<CallResult>[] = plans.map((_, n) => acd.offer({ callId: String(n) }));
    time.advance(1e9);
    const settled = await Promise.all(results);
    const selfServed = settled.filter((r) => r.outcome === 'selfServed').length;
    expect(selfServed).toBeGreaterThan(0); // the self-service draw is consumed on both sides
    settled.forEach((result, n) => {
      expect(result.class).toBe(plans[n]!.c);
      if (result.outcome === 'abandoned') expect(result.waitS).toBeCloseTo(plans[n]!.p[0]!, 2);
    });
  });

  it('carries the arrival instants; class null with one class; patience per attempt and retrial draws', () => {
    const plans = buildCallerPlans(twoClasses, 3, [100, 250.5, 900], 1);
    expect(plans.map((p) => p.t)).toEqual([100, 250.5, 900]);
    for (const plan of plans) {
      expect(plan.p).toHaveLength(3);
      expect(plan.v).toHaveLength(3);
      expect(plan.r).toHaveLength(2);
      expect(plan.d).toHaveLength(2);
      for (const v of plan.v) expect(v >= 10 && v <= 20).toBe(true);
    }
    const one = buildCallerPlans(stationary(), 2, [], 1);
    expect(one.map((p) => [p.t, p.c, p.r, p.d])).toEqual([
      [null, null, [], []],
      [null, null, [], []],
    ]);
  });

  it('the draws follow the scenario: class shares, mean patience per class, uniform decisions, mean delay', () => {
    const plans = buildCallerPlans(twoClasses, 20_000, [], 3);
    const urgent = plans.filter((p) => p.c === 'urgent');
    const other = plans.filter((p) => p.c === 'other');
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    // Binomial sd of the share: sqrt(0.3 * 0.7 / 20000) = 0.0032; 4 sd.
    expect(Math.abs(urgent.length / plans.length - 0.3)).toBeLessThan(0.013);
    // Exponential means: 120 s (urgent, 6,000 draws: sd of the mean 1.5 s) and 300 s (other: 2.5 s).
    expect(Math.abs(mean(urgent.map((p) => p.p[0]!)) - 120)).toBeLessThan(6);
    expect(Math.abs(mean(other.map((p) => p.p[0]!)) - 300)).toBeLessThan(10);
    expect(Math.abs(mean(other.map((p) => p.p[2]!)) - 300)).toBeLessThan(10);
    const decisions = plans.flatMap((p) => p.r);
    expect(Math.abs(decisions.filter((u) => u < 0.5).length / decisions.length - 0.5)).toBeLessThan(0.01);
    expect(Math.abs(mean(plans.flatMap((p) => p.d)) - 600)).toBeLessThan(20);
  });

  it('the same seed gives the same callers; another seed does not', () => {
    expect(buildCallerPlans(twoClasses, 50, [], 'a')).toEqual(buildCallerPlans(twoClasses, 50, [], 'a'));
    expect(buildCallerPlans(twoClasses, 50, [], 'b')).not.toEqual(buildCallerPlans(twoClasses, 50, [], 'a'));
  });
});
