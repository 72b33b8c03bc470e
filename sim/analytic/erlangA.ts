import { assertQueueInput, type QueueInput, type StableQueueMetrics } from './erlangC.js';

/**
 * Erlang A (M/M/c+M): Erlang C plus exponential patience with mean `meanPatienceS`. Computed exactly
 * (up to a documented truncation) from the birth-death chain on n, the number of contacts in system.
 */
export interface ErlangAInput extends QueueInput {
  meanPatienceS: number;
}

/**
 * The chain is cut at the first N >= c where the rest of the stationary mass is provably below
 * this fraction of the mass kept (a geometric bound: past c and past the mode, each ratio
 * pi(n+1)/pi(n) = lambda / d(n+1) is below the previous one).
 */
export const ERLANG_A_TRUNCATION = 1e-16;
/** States above c the chain may need before we refuse (memory and time stay bounded). */
export const ERLANG_A_MAX_QUEUE_STATES = 5_000_000;

/**
 * Stationary distribution: pi(n) is proportional to prod_{i<=n} lambda / d(i) with death rate
 * d(i) = min(i, c) mu + max(i - c, 0) gamma. Computed in logs so that loads of thousands of Erlangs
 * neither overflow (a^n / n!) nor underflow; states far below the mode just become 0.
 */
export function erlangAStationary(
  arrivalRatePerS: number,
  serviceRatePerS: number,
  abandonRatePerS: number,
  agents: number,
): Float64Array {
  const logLambda = Math.log(arrivalRatePerS);
  const logWeights: number[] = [0];
  let logMax = 0;
  let sumRelative = 1; // sum of exp(logWeight - logMax) so far
  for (let n = 1; ; n++) {
    const logWeight =
      logWeights[n - 1]! + logLambda - Math.log(deathRate(n, agents, serviceRatePerS, abandonRatePerS));
    logWeights.push(logWeight);
    if (logWeight > logMax) {
      sumRelative = sumRelative * Math.exp(logMax - logWeight) + 1;
      logMax = logWeight;
    } else {
      sumRelative += Math.exp(logWeight - logMax);
    }
    if (n < agents) continue;
    const ratio = arrivalRatePerS / deathRate(n + 1, agents, serviceRatePerS, abandonRatePerS);
    if (ratio < 1) {
      const tailBound = (Math.exp(logWeight - logMax) * ratio) / (1 - ratio);
      if (tailBound <= ERLANG_A_TRUNCATION * sumRelative) break;
    }
    if (n - agents >= ERLANG_A_MAX_QUEUE_STATES) {
      throw new RangeError(
        `erlangA: the queue needs more than ${ERLANG_A_MAX_QUEUE_STATES} states at ${agents} agents ` +
          '(patience too long for an overloaded system); use Erlang C or more agents',
      );
    }
  }
  const pi = new Float64Array(logWeights.length);
  for (let n = 0; n < pi.length; n++) pi[n] = Math.exp(logWeights[n]! - logMax) / sumRelative;
  return pi;
}

function deathRate(n: number, agents: number, serviceRatePerS: number, abandonRatePerS: number): number {
  return Math.min(n, agents) * serviceRatePerS + Math.max(n - agents, 0) * abandonRatePerS;
}

/**
 * Erlang A metrics.
 *
 * Wait-time distribution (why it is exact). A contact arriving to n >= c (PASTA: probability pi(n))
 * has k = n - c contacts ahead. FCFS and memoryless clocks make its future a small Markov chain on
 * j = contacts still ahead, j = k..0, plus two absorbing states:
 * - j -> j - 1 at rate c mu + j gamma (an agent frees up: all c are busy while anyone waits; or one of
 *   the j ahead abandons). From j = 0 that same rate means "answered".
 * - j -> abandoned at rate gamma (its own patience, independent of everything ahead).
 * Contacts behind it never matter. Hence P(answered | k) = prod_j (c mu + j gamma) / (c mu + (j+1) gamma),
 * which telescopes to c mu / (c mu + (k+1) gamma), and, since the time spent in j is Exp(c mu + (j+1) gamma)
 * whichever way it leaves, E[wait; answered | k] = P(answered | k) * sum_{j<=k} 1 / (c mu + (j+1) gamma).
 * "Answered within T" and "abandoned within T" are the absorbed masses at time T, computed for all k at
 * once by starting the chain from the mixture pi(c + k) and propagating it with uniformisation (every
 * term is non-negative, so no cancellation, unlike the alternating hypoexponential closed form).
 */
export function erlangA(input: ErlangAInput): StableQueueMetrics {
  assertQueueInput(input, 'erlangA');
  const { arrivalRatePerS, meanHandleTimeS, agents, thresholdS, meanPatienceS } = input;
  if (!(Number.isFinite(meanPatienceS) && meanPatienceS > 0)) {
    throw new RangeError(`erlangA: expected meanPatienceS > 0, got ${meanPatienceS}`);
  }
  const load = arrivalRatePerS * meanHandleTimeS;
  const header = { model: 'erlangA' as const, loadErlangs: load, agents, thresholdS, stable: true as const };
  if (arrivalRatePerS === 0) {
    const allAtOnce = { slAnswered: 1, slOffered: 1, slExcludingShortAbandons: 1 };
    return {
      ...header,
      pWait: 0,
      asaS: 0,
      pAbandon: 0,
      occupancy: 0,
      meanQueueLength: 0,
      serviceLevel: allAtOnce,
    };
  }

  const mu = 1 / meanHandleTimeS;
  const gamma = 1 / meanPatienceS;
  const agentRate = agents * mu; // completions per second while every agent is busy
  const pi = erlangAStationary(arrivalRatePerS, mu, gamma, agents);
  const ahead = pi.subarray(agents); // ahead[k] = P(arrival finds k contacts already waiting)

  let pWait = 0;
  let meanQueueLength = 0;
  let answeredWaitSum = 0; // E[wait; answered]
  let drainTime = 0; // sum_{j<=k} 1 / (c mu + (j+1) gamma)
  for (let k = 0; k < ahead.length; k++) {
    const p = ahead[k]!;
    pWait += p;
    meanQueueLength += k * p;
    drainTime += 1 / (agentRate + (k + 1) * gamma);
    answeredWaitSum += p * (agentRate / (agentRate + (k + 1) * gamma)) * drainTime;
  }
  const pAbandon = (gamma * meanQueueLength) / arrivalRatePerS; // abandonment flow / arrival flow
  const pAnswered = 1 - pAbandon;

  const byT = absorbedWithin(ahead, agentRate, gamma, thresholdS);
  const answeredWithinT = 1 - pWait + byT.answered; // contacts answered at once wait 0 <= T
  const abandonedAfterT = Math.max(0, pAbandon - byT.abandoned);
  // Sums of ~1e-16-accurate terms can land a hair outside [0, 1]; fractions are clamped so that a
  // table never shows 100.00000000001%.
  return {
    ...header,
    pWait: clampFraction(pWait),
    asaS: answeredWaitSum / pAnswered,
    pAbandon: clampFraction(pAbandon),
    occupancy: clampFraction((arrivalRatePerS * pAnswered) / agentRate),
    meanQueueLength,
    serviceLevel: {
      slAnswered: clampFraction(answeredWithinT / pAnswered),
      // offered = answered + abandoned, i.e. 1 per arrival: M/M/c+M has no busy signal.
      slOffered: clampFraction(answeredWithinT),
      slExcludingShortAbandons: clampFraction(answeredWithinT / (pAnswered + abandonedAfterT)),
    },
  };
}

function clampFraction(value: number): number {
  return Math.min(1, Math.max(0, value));
}

/** Poisson terms are dropped once the rest of the series is provably below this. */
const UNIFORMISATION_TAIL = 1e-16;

/**
 * Mass absorbed in "answered" and "abandoned" by time t for the tagged-contact chain described on
 * `erlangA`, starting from `initial[j]` = mass with j ahead. Uniformisation: with Lambda >= every exit
 * rate, e^{Qt} x = sum_m Poisson(m; Lambda t) P^m x with P = I + Q / Lambda (a stochastic matrix).
 */
export function absorbedWithin(
  initial: ArrayLike<number>,
  agentRatePerS: number,
  abandonRatePerS: number,
  t: number,
): { answered: number; abandoned: number } {
  const states = initial.length;
  const uniformRate = agentRatePerS + states * abandonRatePerS; // the top state's total exit rate
  const meanJumps = uniformRate * t;
  if (states === 0 || meanJumps === 0) return { answered: 0, abandoned: 0 };

  const transient = Float64Array.from(initial);
  const stepAnswered = agentRatePerS / uniformRate;
  const stepAbandoned = abandonRatePerS / uniformRate;
  let absorbedAnswered = 0; // in P^m x
  let absorbedAbandoned = 0;
  let answered = 0; // Poisson-weighted sums
  let abandoned = 0;
  let logWeight = -meanJumps; // log Poisson(m; meanJumps), in logs so a large Lambda t cannot underflow
  let weightSum = 0;
  for (let m = 0; ; m++) {
    if (m > 0) {
      logWeight += Math.log(meanJumps / m);
      // One step of P, in place: mass at j moves down with probability r_j / Lambda, where
      // r_j = c mu + (j+1) gamma is both j+1's down rate and j's total exit rate.
      let mass = 0;
      for (let j = 0; j < states; j++) mass += transient[j]!;
      absorbedAnswered += transient[0]! * stepAnswered;
      absorbedAbandoned += mass * stepAbandoned;
      for (let j = 0; j < states; j++) {
        const down = (agentRatePerS + (j + 1) * abandonRatePerS) / uniformRate;
        const fromAbove = j + 1 < states ? transient[j + 1]! * down : 0;
        transient[j] = transient[j]! * (1 - down) + fromAbove;
      }
      if (mass < UNIFORMISATION_TAIL) {
        // Nothing left to move: later P^m x equal this one, so the rest of the series is a constant.
        const rest = Math.max(0, 1 - weightSum);
        return {
          answered: answered + rest * absorbedAnswered,
          abandoned: abandoned + rest * absorbedAbandoned,
        };
      }
    }
    const weight = Math.exp(logWeight);
    weightSum += weight;
    answered += weight * absorbedAnswered;
    abandoned += weight * absorbedAbandoned;
    const ratio = meanJumps / (m + 1);
    if (ratio < 1 && (weight * ratio) / (1 - ratio) < UNIFORMISATION_TAIL) break;
  }
  return { answered, abandoned };
}
