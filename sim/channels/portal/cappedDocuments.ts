import type { CountDistribution } from '../../distributions/CountDistribution.js';
import { MAX_DOCUMENTS } from './portalLimits.js';

/**
 * The documents' count, capped at the form's limit: an applicant with more files attaches the most
 * the form takes. Only a geometric count can draw past the limit (the schema bounds constant and
 * empirical values); its mean becomes E[min(X, m)] = (1 - q^m) / p with q = 1 - p.
 */
export function cappedDocuments(count: CountDistribution): CountDistribution {
  if (count.kind !== 'geometric') return count;
  const p = 1 / count.mean;
  const mean = (1 - (1 - p) ** MAX_DOCUMENTS) / p;
  return {
    kind: count.kind,
    mean,
    sample: (rng) => Math.min(MAX_DOCUMENTS, count.sample(rng)),
    describe: () => `${count.describe()}, at most ${MAX_DOCUMENTS}`,
  };
}
