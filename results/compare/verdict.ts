import type { MetricDirection } from '../../sim/metrics/MetricSpec.js';
import type { Difference } from './differenceCi.js';

export type Verdict = 'better' | 'worse' | 'higher' | 'lower' | 'no significant difference' | 'n/a';

/**
 * Significant when the 95% CI of B − A excludes 0; then direction-aware: SL up is better, ASA up is
 * worse; metrics without a better direction (offered, agents) just say higher or lower.
 */
export function verdictOf(difference: Difference, direction: MetricDirection): Verdict {
  const { value, ci95 } = difference;
  if (value === null || ci95 === null) return 'n/a';
  if (ci95[0] <= 0 && ci95[1] >= 0) return 'no significant difference';
  const up = ci95[0] > 0;
  if (direction === 'neutral') return up ? 'higher' : 'lower';
  return up === (direction === 'higher') ? 'better' : 'worse';
}
