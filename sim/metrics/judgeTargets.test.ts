import { describe, expect, it } from 'vitest';
import {
  type ChannelTargets,
  judgeTargets,
  k6TargetThresholds,
  missedBeyondNoise,
  targetChecks,
} from './judgeTargets.js';

const targets: ChannelTargets = {
  variant: 'slOffered',
  thresholdS: 20,
  goal: 0.8,
  maxAbandonRate: 0.05,
  maxAsaS: 30,
};
const figures = (sl: number | null, abandon: number | null, asa: number | null) => ({
  slOffered: { mean: sl },
  abandonRate: { mean: abandon },
  asaS: { mean: asa },
});

describe('judgeTargets', () => {
  it('passes on the limit itself (inclusive, like k6 rate>= and avg<=)', () => {
    const { verdict, outcomes } = judgeTargets('phone', targets, figures(0.8, 0.05, 30));
    expect(verdict).toBe('met');
    expect(outcomes.map((o) => [o.target, o.metric, o.value, o.status])).toEqual([
      ['serviceLevel', 'slOffered', 0.8, 'pass'],
      ['maxAbandonRate', 'abandonRate', 0.05, 'pass'],
      ['maxAsa', 'asaS', 30, 'pass'],
    ]);
  });
  it('fails each target on its own side', () => {
    expect(judgeTargets('phone', targets, figures(0.79, 0.05, 30)).outcomes.map((o) => o.status)).toEqual([
      'fail',
      'pass',
      'pass',
    ]);
    const missed = judgeTargets('phone', targets, figures(0.9, 0.051, 30.5));
    expect(missed.verdict).toBe('missed');
    expect(missed.outcomes.map((o) => o.status)).toEqual(['pass', 'fail', 'fail']);
  });
  it('an undefined figure is n/a, never a pass; a fail elsewhere still misses', () => {
    expect(judgeTargets('phone', targets, figures(0.9, 0.01, null)).verdict).toBe('n/a');
    expect(judgeTargets('phone', targets, {}).outcomes.every((o) => o.status === 'n/a')).toBe(true);
    expect(judgeTargets('phone', targets, figures(0.5, 0.01, null)).verdict).toBe('missed');
  });
  it('judges the variant the targets name, and only the limits they set', () => {
    const t = { ...targets, variant: 'slAnswered', maxAbandonRate: null, maxAsaS: null };
    const result = judgeTargets('phone', t, { slOffered: { mean: 0.5 }, slAnswered: { mean: 0.85 } });
    expect(result.outcomes).toEqual([
      { target: 'serviceLevel', metric: 'slAnswered', op: '>=', limit: 0.8, value: 0.85, status: 'pass' },
    ]);
    expect(() => targetChecks('phone', { ...targets, variant: 'asaS' })).toThrow(/no service-level metric/);
  });
  it('gives k6 the same checks on the registry k6 metrics', () => {
    expect(k6TargetThresholds('phone', targets)).toEqual({
      sl_offered: ['rate>=0.8'],
      abandon_rate: ['rate<=0.05'],
      asa_s: ['avg<=30'],
    });
    expect(
      k6TargetThresholds('phone', { ...targets, variant: 'slExcludingShortAbandons', maxAsaS: null }),
    ).toEqual({
      sl_excluding_short_abandons: ['rate>=0.8'],
      abandon_rate: ['rate<=0.05'],
    });
  });
});

describe('missedBeyondNoise', () => {
  const ci = (mean: number, half: number) => ({ mean, ci95: [mean - half, mean + half] as [number, number] });
  const fine = { abandonRate: ci(0.01, 0.005), asaS: ci(10, 2) };
  it('a mean below the goal whose CI still reaches it is noise, not a miss', () => {
    expect(judgeTargets('phone', targets, { ...fine, slOffered: ci(0.79, 0.02) }).verdict).toBe('missed');
    expect(missedBeyondNoise('phone', targets, { ...fine, slOffered: ci(0.79, 0.02) })).toBe(false);
    expect(missedBeyondNoise('phone', targets, { ...fine, slOffered: ci(0.79, 0.01) })).toBe(false); // upper end 0.80
  });
  it('a CI wholly on the wrong side misses, for upper limits too', () => {
    expect(missedBeyondNoise('phone', targets, { ...fine, slOffered: ci(0.75, 0.04) })).toBe(true);
    expect(
      missedBeyondNoise('phone', targets, {
        slOffered: ci(0.9, 0.01),
        abandonRate: ci(0.07, 0.01),
        asaS: ci(10, 1),
      }),
    ).toBe(true);
    expect(
      missedBeyondNoise('phone', targets, {
        slOffered: ci(0.9, 0.01),
        abandonRate: ci(0.055, 0.01),
        asaS: ci(31, 2),
      }),
    ).toBe(false);
  });
  it('without a CI the mean decides; without a figure nothing is missed', () => {
    expect(missedBeyondNoise('phone', targets, { slOffered: { mean: 0.79, ci95: null } })).toBe(true);
    expect(missedBeyondNoise('phone', targets, {})).toBe(false);
  });
});
