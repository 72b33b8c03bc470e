import { describe, expect, it } from 'vitest';
import type { MeasuredCall } from './k6Points.js';
import { evaluateThresholds, measurePhone, thresholdsJunit, wilson } from './k6Summary.js';

const call = (outcome: string, waitS = 0, interval = 0, retrial = false): MeasuredCall => ({
  outcome,
  waitS,
  interval,
  retrial,
});

describe('measurePhone', () => {
  const calls = [
    call('answered', 5),
    call('answered', 10),
    call('answered', 40),
    call('abandoned', 3),
    call('abandoned', 60),
    call('blocked'),
    call('closed', 0, 0, true),
    call('error'),
  ];
  const m = measurePhone(calls, 20);
  it('counts and ratios with the simulator names', () => {
    expect(m.offered.mean).toBe(8);
    expect(m.answered.mean).toBe(3);
    expect(m.retrials.mean).toBe(1);
    expect(m.slOffered).toMatchObject({ mean: 2 / 5, n: 5 });
    expect(m.slAnswered).toMatchObject({ mean: 2 / 3, n: 3 });
    expect(m.slExcludingShortAbandons).toMatchObject({ mean: 2 / 4, n: 4 });
    expect(m.abandonRate).toMatchObject({ mean: 2 / 5 });
    expect(m.blockRate).toMatchObject({ mean: 1 / 7 });
    expect(m.asaS).toMatchObject({ mean: 55 / 3, ci95: null, n: 3 });
    expect(m.maxWaitS.mean).toBe(40);
    expect(m.waitP50S.mean).toBe(10);
    expect(m.occupancy).toEqual({ mean: null, ci95: null, n: 0 });
  });
  it('Wilson intervals for proportions', () => {
    const [lo, hi] = m.slOffered.ci95!;
    expect(lo).toBeLessThan(0.4);
    expect(hi).toBeGreaterThan(0.4);
    expect(wilson(0, 0)).toBeNull();
    // Known value: 8 of 10 -> [0.4902, 0.9433].
    const [a, b] = wilson(8, 10)!;
    expect(a).toBeCloseTo(0.4902, 3);
    expect(b).toBeCloseTo(0.9433, 3);
  });
});

describe('evaluateThresholds', () => {
  it('judges the merged samples like k6 and reports JUnit', () => {
    const measurement = {
      calls: [call('answered', 5), call('answered', 30), call('abandoned', 50)],
      httpRequests: 3,
      httpFailed: 0,
      droppedIterations: 0,
      segments: 2,
    };
    const results = evaluateThresholds(
      {
        sl_offered: ['rate>=0.8'],
        abandon_rate: ['rate<=0.5'],
        asa_s: ['avg<=30'],
        http_req_failed: ['rate<0.01'],
        dropped_iterations: ['count==0'],
      },
      measurement,
      20,
    );
    expect(results.map((r) => [r.metric, r.ok])).toEqual([
      ['sl_offered', false],
      ['abandon_rate', true],
      ['asa_s', true],
      ['http_req_failed', true],
      ['dropped_iterations', true],
    ]);
    const xml = thresholdsJunit('hotline load x', results);
    expect(xml).toContain('tests="5" failures="1"');
    expect(xml).toContain('<failure message="sl_offered rate&gt;=0.8 failed: value 0.333333"/>');
  });
});
