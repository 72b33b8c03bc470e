import { describe, expect, it } from 'vitest';
import type { K6Measurement } from './k6Points.js';
import { evaluateThresholds } from './k6Summary.js';

// call_errors: calls without a usable outcome / calls. A caller hanging up is a timed-out request
// (k6's http_req_failed counts it) but an outcome, not an error.
describe('the call_errors threshold', () => {
  const call = (outcome: string) => ({ interval: 0, outcome, waitS: 0, retrial: false });
  const measurement: K6Measurement = {
    channels: {
      phone: {
        calls: [...Array(97).fill('answered'), 'abandoned', 'abandoned', 'error'].map(call),
        serverReported: [],
        waitGapsS: [],
      },
    },
    httpRequests: 100,
    httpFailed: 3,
    droppedIterations: 0,
    segments: 1,
  };
  it('counts errors only: 1 in 100 calls; the two hang-ups do not count', () => {
    const results = evaluateThresholds(
      { call_errors: ['rate<0.02', 'rate<0.01'], http_req_failed: ['rate<0.02'] },
      measurement,
      { phone: 20 },
    );
    expect(results.map((r) => [r.metric, r.expression, r.value, r.ok])).toEqual([
      ['call_errors', 'rate<0.02', 0.01, true],
      ['call_errors', 'rate<0.01', 0.01, false],
      ['http_req_failed', 'rate<0.02', 0.03, false],
    ]);
  });
});
