// The CLI verdict, the report header and the k6 thresholds judge the same figures the same way.
import { describe, expect, it } from 'vitest';
import { formatVerdict } from '../scripts/cli/formatSimReport.js';
import { phoneThresholds } from '../scripts/k6/phone/phoneProfile.js';
import type { ChannelTargets } from '../sim/metrics/judgeTargets.js';
import type { K6Measurement } from './k6Points.js';
import { evaluateThresholds } from './k6Summary.js';
import type { LoadedRun } from './loadRun.js';
import { measurePhone } from './phone/k6PhoneResults.js';
import { targetsLine } from './report/runHeader.js';

// Hand count at T = 20 s: answered waits 5, 10, 40 (2 within T); abandoned after 3 s and 60 s.
// slOffered = 2/5 = 0.4, slExcludingShortAbandons = 2/4 = 0.5, abandonRate = 2/5, ASA = 55/3 = 18.33 s.
const calls = [5, 10, 40].map((waitS) => ({ interval: 0, outcome: 'answered', waitS, retrial: false }));
calls.push(...[3, 60].map((waitS) => ({ interval: 0, outcome: 'abandoned', waitS, retrial: false })));
const measurement: K6Measurement = {
  channels: { phone: { calls, serverReported: [], waitGapsS: [] } },
  httpRequests: 5,
  httpFailed: 0,
  droppedIterations: 0,
  segments: 1,
};
const summary = measurePhone(calls, 20);

function threeWays(targets: ChannelTargets) {
  const run = {
    folder: 'x',
    info: { kind: 'k6' },
    summary: { targets: { phone: targets }, channels: { phone: summary } },
  } as unknown as LoadedRun;
  const header = targetsLine(run);
  const thresholds = phoneThresholds({ ...targets, variant: targets.variant as 'slOffered' });
  const k6 = evaluateThresholds(thresholds, measurement, { phone: targets.thresholdS });
  return {
    cli: formatVerdict(targets, summary, 'whole run', 'phone'),
    header: [...header.matchAll(/data-target="(\w+)">(\w+)</g)].map((m) => [m[1], m[2]]),
    verdict: /data-verdict="([\w/]+)"/.exec(header)![1],
    k6: k6
      .filter((r) => !['call_errors', 'dropped_iterations'].includes(r.metric))
      .map((r) => [r.metric, r.ok]),
  };
}

describe('one verdict: CLI, report header and k6 thresholds agree', () => {
  it('on a goal met exactly and two limits missed', () => {
    const got = threeWays({
      variant: 'slOffered',
      thresholdS: 20,
      goal: 0.4,
      maxAbandonRate: 0.3,
      maxAsaS: 18,
    });
    expect(got.cli).toBe('whole run: MISSES targets: abandonRate 40.0% > 30.0%; asaS 18.3 s > 18.0 s');
    expect(got.header).toEqual([
      ['serviceLevel', 'pass'],
      ['maxAbandonRate', 'fail'],
      ['maxAsa', 'fail'],
    ]);
    expect(got.verdict).toBe('missed');
    expect(got.k6).toEqual([
      ['sl_offered', true],
      ['abandon_rate', false],
      ['asa_s', false],
    ]);
  });
  it('on every target met, with another SL variant', () => {
    const got = threeWays({
      variant: 'slExcludingShortAbandons',
      thresholdS: 20,
      goal: 0.5,
      maxAbandonRate: 0.4,
      maxAsaS: 18.34,
    });
    expect(got.cli).toBe('whole run: meets its targets');
    expect(got.header.map(([, s]) => s)).toEqual(['pass', 'pass', 'pass']);
    expect(got.verdict).toBe('met');
    expect(got.k6).toEqual([
      ['sl_excluding_short_abandons', true],
      ['abandon_rate', true],
      ['asa_s', true],
    ]);
  });
  it('on an SL goal missed by a hair', () => {
    const got = threeWays({
      variant: 'slOffered',
      thresholdS: 20,
      goal: 0.41,
      maxAbandonRate: null,
      maxAsaS: null,
    });
    expect(got.cli).toBe('whole run: MISSES targets: slOffered 40.0% < 41.0%');
    expect(got.header).toEqual([['serviceLevel', 'fail']]);
    expect(got.k6).toEqual([['sl_offered', false]]);
  });
});
