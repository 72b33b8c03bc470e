import { describe, expect, it } from 'vitest';
import type { InputIssue } from '../../scenarios/inputError.js';
import type { DistributionSpec } from '../../scenarios/scenarioSchema.js';
import { createStream } from '../rng/createStream.js';
import { buildDistribution } from './buildDistribution.js';

function sampleMoments(spec: DistributionSpec, n = 200_000) {
  const issues: InputIssue[] = [];
  const dist = buildDistribution(spec, '/x', issues);
  expect(issues).toEqual([]);
  const rng = createStream(7, 'phone.talkTime', 0);
  let sum = 0;
  let sum2 = 0;
  let min = Number.POSITIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const x = dist.sample(rng);
    sum += x;
    sum2 += x * x;
    min = Math.min(min, x);
  }
  const mean = sum / n;
  const sd = Math.sqrt(sum2 / n - mean * mean);
  return { dist, mean, cv: sd / mean, min };
}

describe('buildDistribution', () => {
  // Sample moments against the parameters; tolerances are about 5 standard errors at n = 200,000.
  it.each<[DistributionSpec, number, number]>([
    ['20s', 20, 0],
    [{ kind: 'exponential', mean: '3m' }, 180, 1],
    [{ kind: 'uniform', min: '10s', max: '30s' }, 20, 20 / Math.sqrt(12) / 20],
    [{ kind: 'lognormal', mean: '180s', cv: 0.6 }, 180, 0.6],
    [{ kind: 'gamma', mean: '180s', cv: 0.5 }, 180, 0.5],
    [{ kind: 'gamma', mean: '180s', cv: 2 }, 180, 2],
    [{ kind: 'erlang', mean: '4m', k: 4 }, 240, 0.5],
    [
      { kind: 'empirical', values: ['10s', '20s', '60s'], weights: [1, 2, 1] },
      27.5,
      Math.sqrt(368.75) / 27.5,
    ],
  ])('%j has the mean and cv it was given', (spec, mean, cv) => {
    const result = sampleMoments(spec);
    expect(result.dist.mean).toBeCloseTo(mean, 9);
    expect(result.dist.cv).toBeCloseTo(cv, 9);
    expect(result.min).toBeGreaterThanOrEqual(0);
    expect(Math.abs(result.mean - mean) / mean).toBeLessThan(cv === 0 ? 1e-12 : 0.012 * Math.max(1, cv));
    if (cv > 0) expect(Math.abs(result.cv - cv) / cv).toBeLessThan(0.05 * Math.max(1, cv));
    expect(result.dist.describe()).toMatch(/[a-z0-9]/);
  });

  it('reports parameters the schema cannot check, with their path', () => {
    const issues: InputIssue[] = [];
    buildDistribution({ kind: 'uniform', min: '30s', max: '10s' }, '/channels/phone/talkTime', issues);
    buildDistribution({ kind: 'empirical', values: ['1s', '2s'], weights: [1] }, '/p', issues);
    buildDistribution({ kind: 'exponential', mean: '0s' }, '/q', issues);
    expect(issues.map((i) => i.path)).toEqual(['/channels/phone/talkTime/max', '/p/weights', '/q/mean']);
  });
});

describe('buildDistribution: parameters outside the range where draws are finite', () => {
  // The schema refuses these; buildDistribution checks again for specs that bypass a scenario file.
  it.each<[DistributionSpec, string]>([
    [{ kind: 'gamma', mean: '3m', cv: 1e-200 }, '/x/cv'],
    [{ kind: 'gamma', mean: '3m', cv: 1e200 }, '/x/cv'],
    [{ kind: 'lognormal', mean: '3m', cv: 1e200 }, '/x/cv'],
    [{ kind: 'erlang', mean: '3m', k: 1e6 }, '/x/k'],
    [{ kind: 'exponential', mean: `1${'0'.repeat(400)}s` }, '/x'],
  ])('%j is an issue at %s, and what is built still draws finite values', (spec, path) => {
    const issues: InputIssue[] = [];
    const dist = buildDistribution(spec, '/x', issues);
    expect(issues.map((i) => i.path)).toEqual([path]);
    const rng = createStream(1, 'phone.talkTime', 0);
    for (let i = 0; i < 1000; i++) expect(Number.isFinite(dist.sample(rng))).toBe(true);
  });
});
