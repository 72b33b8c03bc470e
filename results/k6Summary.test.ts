import { describe, expect, it } from 'vitest';
import { evaluateThresholds, thresholdsJunit } from './k6Summary.js';
import type { MeasuredCall } from './phone/measuredCall.js';

const call = (outcome: string, waitS = 0, interval = 0, retrial = false): MeasuredCall => ({
  outcome,
  waitS,
  interval,
  retrial,
});

describe('evaluateThresholds', () => {
  it('judges the merged samples like k6 and reports JUnit', () => {
    const measurement = {
      channels: {
        phone: {
          calls: [call('answered', 5), call('answered', 30), call('abandoned', 50)],
          serverReported: [],
          waitGapsS: [],
        },
      },
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
      { phone: 20 },
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

describe('evaluateThresholds of every replayed channel', () => {
  it("judges chat's first-reply thresholds on the sessions, with chat's own threshold", () => {
    const session = (answered: boolean, waitS: number, outcome = 'completed') => ({
      interval: 0,
      outcome: answered ? outcome : 'abandoned',
      answered,
      waitS,
    });
    const measurement = {
      channels: {
        chat: {
          sessions: [session(true, 30), session(true, 90), session(true, 200), session(false, 400)],
          replies: [],
        },
      },
      httpRequests: 0,
      httpFailed: 0,
      droppedIterations: 0,
      segments: 1,
    };
    const thresholds = { chat_fr_sl_offered: ['rate>=0.5'], sl_offered: ['rate>=0.8'] };
    // Within 60 s: 1 of 4 (answered + abandoned); within 120 s: 2 of 4. Phone has no calls: no samples.
    const at60 = evaluateThresholds(thresholds, measurement, { chat: 60 });
    expect(at60.map((r) => [r.metric, r.value, r.ok])).toEqual([
      ['chat_fr_sl_offered', 0.25, false],
      ['sl_offered', null, true],
    ]);
    expect(evaluateThresholds(thresholds, measurement, { chat: 120 })[0]).toMatchObject({
      value: 0.5,
      ok: true,
    });
    // Without chat among the replayed channels its metrics have no samples (and pass, as in k6).
    expect(evaluateThresholds(thresholds, measurement, { phone: 20 })[0]).toMatchObject({
      value: null,
      ok: true,
    });
  });
});
