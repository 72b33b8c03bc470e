import { erlangB } from './erlangB.js';

/** The service-level variants of DESIGN.md; tools disagree on which one "SL" means, so we always name it. */
export type ServiceLevelVariant = 'slAnswered' | 'slOffered' | 'slExcludingShortAbandons';
export const SERVICE_LEVEL_VARIANTS: readonly ServiceLevelVariant[] = [
  'slAnswered',
  'slOffered',
  'slExcludingShortAbandons',
];

/** Fractions in [0, 1] at the threshold T of the input. */
export type ServiceLevels = Record<ServiceLevelVariant, number>;

export type QueueModel = 'erlangC' | 'erlangA';

/** One interval's steady-state question: Poisson arrivals, exponential handle times, `agents` in parallel. */
export interface QueueInput {
  arrivalRatePerS: number;
  meanHandleTimeS: number;
  agents: number;
  /** The T of "answered within T". */
  thresholdS: number;
}

interface MetricsHeader {
  model: QueueModel;
  /** Offered load a = arrival rate x mean handle time. */
  loadErlangs: number;
  agents: number;
  thresholdS: number;
}

export interface StableQueueMetrics extends MetricsHeader {
  stable: true;
  /** Probability an arriving contact finds every agent busy (PASTA). */
  pWait: number;
  /** Mean wait of answered contacts, including those answered at once. */
  asaS: number;
  /** Fraction of offered contacts that abandon; 0 in Erlang C. */
  pAbandon: number;
  /** Busy agent time / available agent time. */
  occupancy: number;
  /** Time-average number of contacts waiting. */
  meanQueueLength: number;
  serviceLevel: ServiceLevels;
}

/**
 * No steady state exists (Erlang C with load >= agents: the queue grows without bound). Metrics are
 * null rather than NaN/Infinity, which the project never lets reach an output.
 */
export interface UnstableQueueMetrics extends MetricsHeader {
  stable: false;
  pWait: null;
  asaS: null;
  pAbandon: null;
  occupancy: null;
  meanQueueLength: null;
  serviceLevel: null;
}

export type QueueMetrics = StableQueueMetrics | UnstableQueueMetrics;

/**
 * Erlang C (M/M/c, infinite queue, nobody abandons). P(wait) comes from Erlang B as
 * C = c B / (c - a (1 - B)), which inherits the stable recursion; the wait of a delayed contact is
 * exponential with rate c mu - lambda, so P(W <= T) = 1 - C exp(-(c mu - lambda) T).
 * Without abandonment every offered contact is answered, so the three SL variants coincide.
 */
export function erlangC(input: QueueInput): QueueMetrics {
  assertQueueInput(input, 'erlangC');
  const { arrivalRatePerS, meanHandleTimeS, agents, thresholdS } = input;
  const load = arrivalRatePerS * meanHandleTimeS;
  const header: MetricsHeader = { model: 'erlangC', loadErlangs: load, agents, thresholdS };
  if (load >= agents) return unstableMetrics(header);

  const blocking = erlangB(load, agents);
  const pWait = (agents * blocking) / (agents - load * (1 - blocking));
  const drainRatePerS = (agents - load) / meanHandleTimeS; // c mu - lambda
  const asaS = pWait / drainRatePerS;
  const withinT = 1 - pWait * Math.exp(-drainRatePerS * thresholdS);
  return {
    ...header,
    stable: true,
    pWait,
    asaS,
    pAbandon: 0,
    occupancy: load / agents,
    meanQueueLength: arrivalRatePerS * asaS, // Little's law
    serviceLevel: { slAnswered: withinT, slOffered: withinT, slExcludingShortAbandons: withinT },
  };
}

function unstableMetrics(header: MetricsHeader): UnstableQueueMetrics {
  return {
    ...header,
    stable: false,
    pWait: null,
    asaS: null,
    pAbandon: null,
    occupancy: null,
    meanQueueLength: null,
    serviceLevel: null,
  };
}

/** Programmer errors, not user input: the CLI validates flags before calling the models. */
export function assertQueueInput(input: QueueInput, model: string): void {
  const { arrivalRatePerS, meanHandleTimeS, agents, thresholdS } = input;
  const problems: string[] = [];
  if (!(Number.isFinite(arrivalRatePerS) && arrivalRatePerS >= 0)) problems.push('arrivalRatePerS >= 0');
  if (!(Number.isFinite(meanHandleTimeS) && meanHandleTimeS > 0)) problems.push('meanHandleTimeS > 0');
  if (!(Number.isInteger(agents) && agents >= 1)) problems.push('agents an integer >= 1');
  if (!(Number.isFinite(thresholdS) && thresholdS >= 0)) problems.push('thresholdS >= 0');
  if (problems.length > 0) {
    throw new RangeError(`${model}: expected ${problems.join(', ')}; got ${JSON.stringify(input)}`);
  }
}
