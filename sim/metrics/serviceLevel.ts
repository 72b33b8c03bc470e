// The one service-level formula. Every SL figure in the harness (simulator metrics, per-class
// metrics, a k6 replay's per-call rates and its measured summary) comes from here, so the three
// variants cannot drift apart. Free of imports: the k6 bundle uses it too.

/**
 * Which contacts a service level counts in its denominator (DESIGN.md, "service level"):
 * - `answered`: answered within T / answered;
 * - `offered`: answered within T / (answered + abandoned), the default;
 * - `excludingShortAbandons`: answered within T / (answered + abandoned after T).
 * A channel names its variants after what T applies to, e.g. phone's `slOffered` is the `offered`
 * kind of the answer time; a chat channel's `firstResponseSlOffered` the same kind of first response.
 */
export type ServiceLevelKind = 'answered' | 'offered' | 'excludingShortAbandons';

export const SERVICE_LEVEL_KINDS: readonly ServiceLevelKind[] = [
  'answered',
  'offered',
  'excludingShortAbandons',
];

/** The counts a service level is made of, over any span (an interval, a day, a run, one call). */
export interface ServiceLevelCounts {
  /** Answered with a wait of at most T. */
  answeredWithinT: number;
  answered: number;
  abandoned: number;
  /** Abandoned after waiting more than T. */
  abandonedAfterT: number;
}

/** The contacts the variant divides by. */
export function serviceLevelDenominator(kind: ServiceLevelKind, c: ServiceLevelCounts): number {
  switch (kind) {
    case 'answered':
      return c.answered;
    case 'offered':
      return c.answered + c.abandoned;
    case 'excludingShortAbandons':
      return c.answered + c.abandonedAfterT;
  }
}

/** answered within T / the variant's denominator; null (never NaN) when the denominator is 0. */
export function serviceLevel(kind: ServiceLevelKind, c: ServiceLevelCounts): number | null {
  const denominator = serviceLevelDenominator(kind, c);
  return denominator > 0 ? c.answeredWithinT / denominator : null;
}
