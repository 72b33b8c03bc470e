import type { LoadedRun } from '../loadRun.js';

/**
 * How two runs are compared:
 * - 'paired': both sim runs with the same seed, replication count and calendar, and both carry
 *   per-replication values. Replication r of each drew the same random numbers (common random
 *   numbers), so differences are taken replication by replication.
 * - 'prediction-vs-measurement': one sim run (the prediction) and one k6 run (the measurement).
 * - 'batch-means': two k6 runs, each ONE sample path: each measured interval is one observation
 *   (batchMeansDifference), never the calls as independent trials.
 * - 'spread-of-prediction': two k6 runs and a prediction of their window to take one
 *   replication's spread from (`--spread-from`; spreadDifference).
 * - 'welch': anything else; two independent means.
 */
export type PairingMethod =
  | 'paired'
  | 'welch'
  | 'batch-means'
  | 'spread-of-prediction'
  | 'prediction-vs-measurement';

export function pairingMethod(a: LoadedRun, b: LoadedRun, spread: LoadedRun | null = null): PairingMethod {
  if (a.info.kind !== b.info.kind) return 'prediction-vs-measurement';
  if (a.info.kind === 'k6') return spread ? 'spread-of-prediction' : 'batch-means';
  return canPair(a, b) ? 'paired' : 'welch';
}

function canPair(a: LoadedRun, b: LoadedRun): boolean {
  const same = <T>(f: (run: LoadedRun) => T) => f(a) === f(b);
  return (
    a.info.kind === 'sim' &&
    b.info.kind === 'sim' &&
    same((r) => String(r.info.seed)) &&
    same((r) => r.info.replications) &&
    same((r) => r.info.startDate) &&
    same((r) => r.info.days) &&
    same((r) => r.info.intervalMinutes) &&
    a.replications !== null &&
    b.replications !== null &&
    a.replications.replications === b.replications.replications
  );
}

export function describePairing(method: PairingMethod): string {
  switch (method) {
    case 'paired':
      return 'paired over replications (same seed, replications and calendar: common random numbers)';
    case 'welch':
      return "unpaired (Welch's t from each run's mean and CI)";
    case 'spread-of-prediction':
      return (
        'two measurements (k6), each one sample path: (B − A) ± t·s·√2, s the spread of one replication ' +
        'in the prediction given by --spread-from (assumes it predicts the same scenario and window)'
      );
    case 'batch-means':
      return (
        "two measurements (k6), each one sample path: batch means, Welch's t over each run's measured " +
        "intervals as observations (assumes the intervals roughly independent and the two days' volumes " +
        'alike: same --seed, or no dailyCv)'
      );
    case 'prediction-vs-measurement':
      return 'prediction (sim) vs measurement (k6): is the measurement inside the 95% prediction interval of one replication?';
  }
}
