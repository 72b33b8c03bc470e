import type { InputIssue } from '../../scenarios/inputError.js';
import type { Rng } from '../rng/createStream.js';

/** How many of something (messages in a chat session): 1, 2, 3, ... */
export interface CountDistribution {
  readonly kind: 'constant' | 'geometric' | 'empirical';
  readonly mean: number;
  sample(rng: Rng): number;
  describe(): string;
}

export type CountSpec =
  | number
  | { readonly kind: 'geometric'; readonly mean: number }
  | { readonly kind: 'empirical'; readonly values: readonly number[]; readonly weights?: readonly number[] };

/** A count distribution from the file (validated here: weights match values and add up to > 0). */
export function buildCountDistribution(
  spec: CountSpec,
  path: string,
  issues: InputIssue[],
): CountDistribution {
  if (typeof spec === 'number') {
    return { kind: 'constant', mean: spec, sample: () => spec, describe: () => `${spec}` };
  }
  if (spec.kind === 'geometric') {
    // Support 1, 2, ...: P(n) = p (1 - p)^(n - 1), mean 1 / p.
    const p = 1 / spec.mean;
    const logQ = Math.log(1 - p);
    return {
      kind: 'geometric',
      mean: spec.mean,
      sample: (rng) => (p >= 1 ? 1 : 1 + Math.floor(Math.log(1 - rng()) / logQ)),
      describe: () => `geometric, mean ${spec.mean}`,
    };
  }
  const weights = spec.weights ?? spec.values.map(() => 1);
  if (weights.length !== spec.values.length) {
    issues.push({
      path: `${path}/weights`,
      message: `needs one weight per value (${spec.values.length}), has ${weights.length}`,
    });
  }
  const total = weights.reduce((a, b) => a + b, 0);
  if (!(total > 0)) issues.push({ path: `${path}/weights`, message: 'weights must add up to more than 0' });
  const cumulative = weights.map(
    (
      (sum) => (w) =>
        (sum += w / total)
    )(0),
  );
  const values = [...spec.values];
  const mean = values.reduce((acc, v, i) => acc + (v * (weights[i] ?? 0)) / total, 0);
  return {
    kind: 'empirical',
    mean,
    sample: (rng) => {
      const u = rng();
      for (let i = 0; i < values.length - 1; i++) if (u < cumulative[i]!) return values[i]!;
      return values[values.length - 1]!;
    },
    describe: () => `empirical over ${values.join(', ')}`,
  };
}
