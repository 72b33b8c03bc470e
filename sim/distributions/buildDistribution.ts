import { tryParseDuration } from '../../scenarios/duration.js';
import type { InputIssue } from '../../scenarios/inputError.js';
import { MAX_CV, MAX_ERLANG_K, MIN_CV } from '../../scenarios/limits.js';
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
  const seconds = (text: string) => finiteSeconds(text, path, issues);
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
      return new Lognormal(positiveMean(seconds(spec.mean), path, issues), cvOf(spec.cv, path, issues));
    case 'gamma':
      return new Gamma(positiveMean(seconds(spec.mean), path, issues), cvOf(spec.cv, path, issues));
    case 'erlang': {
      const mean = positiveMean(seconds(spec.mean), path, issues);
      if (!(Number.isInteger(spec.k) && spec.k >= 1 && spec.k <= MAX_ERLANG_K)) {
        issues.push({
          path: `${path}/k`,
          message: 'erlang needs a whole number of phases (each draw costs k random numbers)',
          value: spec.k,
          allowed: `1 to ${MAX_ERLANG_K}; for a smaller cv use gamma`,
        });
        return new Erlang(mean, 1);
      }
      return new Erlang(mean, spec.k);
    }
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

// The schema bounds these already; checked again here because buildDistribution is also called on
// specs that did not come through a scenario file (e.g. the mocks' --latency), and because outside
// these ranges draws are NaN, 0 or Infinity, which end up in run folders.
function finiteSeconds(text: string, path: string, issues: InputIssue[]): number {
  const value = tryParseDuration(text);
  if (value !== undefined && Number.isFinite(value)) return value;
  issues.push({ path, message: 'not a finite duration', value: text });
  return 1;
}

function cvOf(cv: number, path: string, issues: InputIssue[]): number {
  if (cv >= MIN_CV && cv <= MAX_CV) return cv;
  issues.push({
    path: `${path}/cv`,
    message: 'coefficient of variation out of range (draws would be 0, NaN or Infinity)',
    value: cv,
    allowed: `${MIN_CV} to ${MAX_CV}`,
  });
  return 1;
}

function positiveMean(mean: number, path: string, issues: InputIssue[]): number {
  if (mean > 0) return mean;
  issues.push({ path: `${path}/mean`, message: 'mean must be greater than zero', value: mean });
  return 1;
}
