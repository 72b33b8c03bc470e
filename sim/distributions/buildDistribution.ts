import { tryParseDuration } from '../../scenarios/duration.js';
import type { InputIssue } from '../../scenarios/inputError.js';
import type { DistributionSpec } from '../../scenarios/scenarioSchema.js';
import { Deterministic } from './Deterministic.js';
import type { Distribution } from './Distribution.js';
import { Empirical } from './Empirical.js';
import { Erlang } from './Erlang.js';
import { Exponential } from './Exponential.js';
import { Gamma } from './Gamma.js';
import { Lognormal } from './Lognormal.js';
import { Uniform } from './Uniform.js';

/**
 * Builds a distribution from a schema-valid spec, checking what the schema cannot (Ciw's lesson: a
 * distribution validates its parameters when built). Issues carry the path inside the file.
 */
export function buildDistribution(spec: DistributionSpec, path: string, issues: InputIssue[]): Distribution {
  const seconds = (text: string) => tryParseDuration(text)!;
  if (typeof spec === 'string') return new Deterministic(seconds(spec));
  switch (spec.kind) {
    case 'deterministic':
      return new Deterministic(seconds(spec.value));
    case 'exponential':
      return new Exponential(positiveMean(seconds(spec.mean), path, issues));
    case 'uniform': {
      const min = seconds(spec.min);
      const max = seconds(spec.max);
      if (min > max)
        issues.push({ path: `${path}/max`, message: 'uniform max must be at least min', value: spec.max });
      return new Uniform(min, Math.max(min, max));
    }
    case 'lognormal':
      return new Lognormal(positiveMean(seconds(spec.mean), path, issues), spec.cv);
    case 'gamma':
      return new Gamma(positiveMean(seconds(spec.mean), path, issues), spec.cv);
    case 'erlang':
      return new Erlang(positiveMean(seconds(spec.mean), path, issues), spec.k);
    case 'empirical': {
      const values = spec.values.map(seconds);
      const weights = spec.weights ?? values.map(() => 1);
      if (weights.length !== values.length) {
        issues.push({
          path: `${path}/weights`,
          message: `empirical needs one weight per value (${values.length} values, ${weights.length} weights)`,
        });
        return new Empirical(
          values,
          values.map(() => 1),
        );
      }
      if (!weights.some((w) => w > 0)) {
        issues.push({
          path: `${path}/weights`,
          message: 'empirical weights must not all be zero',
          value: weights,
        });
        return new Empirical(
          values,
          values.map(() => 1),
        );
      }
      return new Empirical(values, weights);
    }
  }
}

function positiveMean(mean: number, path: string, issues: InputIssue[]): number {
  if (mean > 0) return mean;
  issues.push({ path: `${path}/mean`, message: 'mean must be greater than zero', value: mean });
  return 1;
}
