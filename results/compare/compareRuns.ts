import type { PhoneMetric } from '../../sim/metrics/PhoneMetrics.js';
import type { LoadedRun } from '../loadRun.js';
import { type MetricValue, metricOf, slVariant } from '../runMetrics.js';
import { type Difference, pairedDifference, welchDifference } from './differenceCi.js';
import { metricDirection } from './metricDirection.js';
import { type PairingMethod, pairingMethod } from './pairingMethod.js';
import { type Verdict, verdictOf } from './verdict.js';

export interface MetricComparison {
  metric: PhoneMetric;
  a: MetricValue;
  b: MetricValue;
  difference: Difference;
  verdict: Verdict;
  /** Sim vs k6 only: whether the measured mean lies inside the predicted 95% CI; null if unknown. */
  insidePrediction: boolean | null;
}

/** Run B against run A (the baseline): every compared metric, B − A. */
export interface Comparison {
  a: LoadedRun;
  b: LoadedRun;
  method: PairingMethod;
  rows: MetricComparison[];
}

/** The run-level figures compared, the scenario's SL variant first. */
export function comparedMetrics(a: LoadedRun): PhoneMetric[] {
  const sl = slVariant(a);
  const rest: PhoneMetric[] = [
    'slOffered',
    'slAnswered',
    'abandonRate',
    'asaS',
    'waitP90S',
    'waitP95S',
    'maxWaitS',
    'meanQueueLength',
    'maxQueueLength',
    'occupancy',
    'offered',
    'answered',
    'abandoned',
    'blocked',
    'agentsOnDuty',
    'agentHours',
  ];
  return [sl, ...rest.filter((m) => m !== sl)];
}

export function compareRuns(a: LoadedRun, b: LoadedRun): Comparison {
  const method = pairingMethod(a, b);
  const rows = comparedMetrics(a).map((metric) => compareMetric(a, b, metric, method));
  return { a, b, method, rows };
}

function compareMetric(
  a: LoadedRun,
  b: LoadedRun,
  metric: PhoneMetric,
  method: PairingMethod,
): MetricComparison {
  const va = metricOf(a.summary.phone, metric);
  const vb = metricOf(b.summary.phone, metric);
  const difference =
    method === 'paired'
      ? pairedDifference(a.replications?.run[metric] ?? [], b.replications?.run[metric] ?? [])
      : welchDifference(va, vb);
  return {
    metric,
    a: va,
    b: vb,
    difference,
    verdict: verdictOf(difference, metricDirection(metric)),
    insidePrediction: method === 'prediction-vs-measurement' ? insidePrediction(a, va, vb) : null,
  };
}

// The sim run is the prediction, whichever side of the comparison it is on.
function insidePrediction(a: LoadedRun, va: MetricValue, vb: MetricValue): boolean | null {
  const [prediction, measured] = a.info.kind === 'sim' ? [va, vb] : [vb, va];
  if (!prediction.ci95 || measured.mean === null) return null;
  return measured.mean >= prediction.ci95[0] && measured.mean <= prediction.ci95[1];
}
