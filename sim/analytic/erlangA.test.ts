import { describe, expect, it } from 'vitest';
import {
  absorbedWithin,
  ERLANG_A_TRUNCATION,
  type ErlangAInput,
  erlangA,
  erlangAStationary,
} from './erlangA.js';
import { erlangC, type StableQueueMetrics } from './erlangC.js';

/** Stationary law of M/M/c+M by plain products (small systems only), cut at `states`. */
function stationaryByProducts(
  lambda: number,
  mu: number,
  gamma: number,
  c: number,
  states: number,
): number[] {
  const weights = [1];
  for (let n = 1; n < states; n++) {
    weights.push((weights[n - 1]! * lambda) / (Math.min(n, c) * mu + Math.max(n - c, 0) * gamma));
  }
  const total = weights.reduce((sum, w) => sum + w, 0);
  return weights.map((w) => w / total);
}

/**
 * Independent route for small queues: the virtual wait V of a contact with k ahead (time until it
 * would be answered if infinitely patient) is a sum of Exp(c mu + j gamma), j = 0..k, independent of its
 * own patience tau ~ Exp(gamma). Hypoexponential density f(t) = sum_i C_i r_i e^{-r_i t},
 * C_i = prod_{j != i} r_j / (r_j - r_i). Then
 *   P(answered, wait <= T) = E[e^{-gamma V}; V <= T] = sum_i C_i r_i (1 - e^{-(r_i + gamma) T}) / (r_i + gamma)
 *   P(abandoned, wait <= T) = int_0^T gamma e^{-gamma t} P(V > t) dt = sum_i C_i gamma (1 - e^{-(r_i + gamma) T}) / (r_i + gamma)
 *   E[V e^{-gamma V}] = sum_i C_i r_i / (r_i + gamma)^2, and P(answered) = E[e^{-gamma V}] = prod_j r_j / (r_j + gamma).
 * The alternating sums lose digits for large k, so this is only used where pi(c + k) dies out fast.
 */
function referenceByHypoexponential(input: ErlangAInput, maxAhead: number) {
  const lambda = input.arrivalRatePerS;
  const mu = 1 / input.meanHandleTimeS;
  const gamma = 1 / input.meanPatienceS;
  const c = input.agents;
  const T = input.thresholdS;
  const pi = stationaryByProducts(lambda, mu, gamma, c, c + maxAhead + 1);
  let answeredWithinT = 0;
  let abandonedWithinT = 0;
  let answered = 0;
  let answeredWait = 0;
  let pWait = 0;
  for (let n = 0; n < c; n++) {
    answeredWithinT += pi[n]!;
    answered += pi[n]!;
  }
  for (let k = 0; k <= maxAhead; k++) {
    const p = pi[c + k]!;
    pWait += p;
    const rates = Array.from({ length: k + 1 }, (_, j) => c * mu + j * gamma);
    const weights = rates.map((ri, i) =>
      rates.reduce((prod, rj, j) => (j === i ? prod : (prod * rj) / (rj - ri)), 1),
    );
    const reach = (ri: number) => (1 - Math.exp(-(ri + gamma) * T)) / (ri + gamma);
    answeredWithinT += p * rates.reduce((sum, ri, i) => sum + weights[i]! * ri * reach(ri), 0);
    abandonedWithinT += p * rates.reduce((sum, ri, i) => sum + weights[i]! * gamma * reach(ri), 0);
    answered += p * rates.reduce((prod, r) => (prod * r) / (r + gamma), 1);
    answeredWait += p * rates.reduce((sum, ri, i) => sum + (weights[i]! * ri) / (ri + gamma) ** 2, 0);
  }
  const abandoned = 1 - answered;
  return {
    pWait,
    pAbandon: abandoned,
    asaS: answeredWait / answered,
    slAnswered: answeredWithinT / answered,
    slOffered: answeredWithinT,
    slExcludingShortAbandons: answeredWithinT / (answered + abandoned - abandonedWithinT),
  };
}

function expectClose(actual: StableQueueMetrics, expected: Record<string, number>, digits: number): void {
  const flat: Record<string, number> = { ...actual, ...actual.serviceLevel } as unknown as Record<
    string,
    number
  >;
  for (const [key, value] of Object.entries(expected)) {
    expect(flat[key], key).toBeCloseTo(value, digits);
  }
}

const TEXTBOOK = { arrivalRatePerS: 100 / 1800, meanHandleTimeS: 180, thresholdS: 20 };

describe('erlangA', () => {
  it('matches an independent hypoexponential computation for M/M/1+M', () => {
    const input = {
      arrivalRatePerS: 1 / 600,
      meanHandleTimeS: 180,
      agents: 1,
      thresholdS: 20,
      meanPatienceS: 120,
    };
    expectClose(erlangA(input), referenceByHypoexponential(input, 25), 10);
  });

  it('matches an independent hypoexponential computation for M/M/4+M', () => {
    const input = {
      arrivalRatePerS: 1 / 90,
      meanHandleTimeS: 240,
      agents: 4,
      thresholdS: 30,
      meanPatienceS: 60,
    };
    expectClose(erlangA(input), referenceByHypoexponential(input, 30), 9);
  });

  // Reference digits: 200-digit mpmath evaluation of the stationary law and the hypoexponential
  // formulas above (no cancellation problem at that precision), queue cut far past negligible mass.
  it('matches high-precision references: textbook load, 14 agents, 5 min patience', () => {
    expectClose(
      erlangA({ ...TEXTBOOK, agents: 14, meanPatienceS: 300 }),
      {
        pWait: 0.145260114296361,
        pAbandon: 0.0139837441224089,
        asaS: 3.87848004452102,
        meanQueueLength: 0.233062402040149,
        slAnswered: 0.92979409456852,
        slOffered: 0.916792091863547,
        slExcludingShortAbandons: 0.923407322278578,
        occupancy: 0.704297325626851,
      },
      12,
    );
  });

  it('matches high-precision references: critical load (a = c = 3), 2 min patience', () => {
    const input = {
      arrivalRatePerS: 1 / 60,
      meanHandleTimeS: 180,
      agents: 3,
      thresholdS: 20,
      meanPatienceS: 120,
    };
    expectClose(
      erlangA(input),
      {
        pWait: 0.537424437081806,
        pAbandon: 0.244892945074338,
        asaS: 22.660447605101,
        slAnswered: 0.711330828933728,
        slOffered: 0.537130927313978,
        slExcludingShortAbandons: 0.581586885279299,
      },
      11,
    );
  });

  it('matches high-precision references: overloaded (10 Erlangs on 8 agents), 5 min patience', () => {
    expectClose(
      erlangA({ ...TEXTBOOK, agents: 8, meanPatienceS: 300 }),
      {
        pWait: 0.847569769740238,
        pAbandon: 0.231864134686711,
        asaS: 71.2946408847416,
        meanQueueLength: 3.86440224477851,
        slAnswered: 0.294806988431308,
        slOffered: 0.226451821159087,
        slExcludingShortAbandons: 0.238947877338241,
        occupancy: 0.960169831641612,
      },
      10,
    );
  });

  it('tends to Erlang C as patience grows', () => {
    for (const agents of [11, 12, 14]) {
      const a = erlangA({ ...TEXTBOOK, agents, meanPatienceS: 1e9 });
      const c = erlangC({ ...TEXTBOOK, agents });
      if (!c.stable) throw new Error('expected a stable Erlang C');
      expect(a.pWait).toBeCloseTo(c.pWait, 5);
      expect(a.asaS / c.asaS).toBeCloseTo(1, 5);
      expect(a.serviceLevel.slOffered).toBeCloseTo(c.serviceLevel.slOffered, 5);
      expect(a.serviceLevel.slAnswered).toBeCloseTo(c.serviceLevel.slAnswered, 5);
      expect(a.pAbandon).toBeLessThan(1e-6);
    }
  });

  it('conserves contacts and agrees with the stationary law on occupancy', () => {
    const lambda = TEXTBOOK.arrivalRatePerS;
    const mu = 1 / 180;
    const gamma = 1 / 300;
    const c = 12;
    const m = erlangA({ ...TEXTBOOK, agents: c, meanPatienceS: 300 });
    const pi = stationaryByProducts(lambda, mu, gamma, c, 400);
    // P(answered | k ahead) as the plain product over the stages (not telescoped).
    let answered = 0;
    for (let n = 0; n < pi.length; n++) {
      let reach = 1;
      for (let j = 0; j <= n - c; j++) reach *= (c * mu + j * gamma) / (c * mu + (j + 1) * gamma);
      answered += pi[n]! * reach;
    }
    expect(answered + m.pAbandon).toBeCloseTo(1, 13);
    const busyAgents = pi.reduce((sum, p, n) => sum + p * Math.min(n, c), 0);
    expect(m.occupancy).toBeCloseTo(busyAgents / c, 13);
    expect(m.pWait).toBeCloseTo(
      pi.slice(c).reduce((sum, p) => sum + p, 0),
      13,
    );
  });

  it('barely ever queues with many agents and little traffic', () => {
    const m = erlangA({
      arrivalRatePerS: 1 / 3600,
      meanHandleTimeS: 180,
      agents: 50,
      thresholdS: 20,
      meanPatienceS: 60,
    });
    expect(m.pWait).toBeLessThan(1e-60);
    expect(m.pAbandon).toBeLessThan(1e-60);
    expect(m.asaS).toBeLessThan(1e-60);
    expect(m.serviceLevel).toEqual({ slAnswered: 1, slOffered: 1, slExcludingShortAbandons: 1 });
    expect(m.occupancy).toBeCloseTo(180 / 3600 / 50, 14);
  });

  it('orders the SL variants and reaches their limits at T = 0 and T -> infinity', () => {
    const base = { ...TEXTBOOK, agents: 11, meanPatienceS: 200 };
    const m = erlangA(base);
    expect(m.serviceLevel.slOffered).toBeLessThan(m.serviceLevel.slExcludingShortAbandons);
    expect(m.serviceLevel.slExcludingShortAbandons).toBeLessThan(m.serviceLevel.slAnswered);

    const atZero = erlangA({ ...base, thresholdS: 0 });
    expect(atZero.serviceLevel.slOffered).toBeCloseTo(1 - atZero.pWait, 14);
    expect(atZero.serviceLevel.slAnswered).toBeCloseTo((1 - atZero.pWait) / (1 - atZero.pAbandon), 14);

    const atDay = erlangA({ ...base, thresholdS: 86_400 });
    expect(atDay.serviceLevel.slAnswered).toBeCloseTo(1, 12);
    expect(atDay.serviceLevel.slOffered).toBeCloseTo(1 - atDay.pAbandon, 12);
    expect(atDay.serviceLevel.slExcludingShortAbandons).toBeCloseTo(1, 12);
  });

  it('stays finite and within [0, 1] under heavy overload and at large scale', () => {
    const flooded = erlangA({
      arrivalRatePerS: 1000 / 180,
      meanHandleTimeS: 180,
      agents: 1,
      thresholdS: 20,
      meanPatienceS: 300,
    });
    // One agent always busy answers 1/180 per second out of 1000/180 arriving.
    expect(flooded.occupancy).toBeCloseTo(1, 10);
    expect(flooded.pAbandon).toBeCloseTo(1 - 1 / 1000, 10);
    const large = erlangA({
      arrivalRatePerS: 5000 / 180,
      meanHandleTimeS: 180,
      agents: 5000,
      thresholdS: 3600,
      meanPatienceS: 300,
    });
    for (const m of [flooded, large]) {
      expect(JSON.stringify(m)).not.toMatch(/NaN|Infinity|null/);
      for (const value of [m.pWait, m.pAbandon, m.occupancy, ...Object.values(m.serviceLevel)]) {
        expect(value).toBeGreaterThanOrEqual(0);
        expect(value).toBeLessThanOrEqual(1);
      }
    }
  });

  it('refuses a chain that would need millions of queue states', () => {
    expect(() => erlangA({ ...TEXTBOOK, agents: 8, meanPatienceS: 1e12 })).toThrow(/states/);
  });

  it('rejects a missing or non-positive patience', () => {
    expect(() => erlangA({ ...TEXTBOOK, agents: 8, meanPatienceS: 0 })).toThrow(RangeError);
    expect(() => erlangA({ ...TEXTBOOK, agents: 8, meanPatienceS: Number.NaN })).toThrow(RangeError);
  });
});

describe('erlangAStationary', () => {
  it('is a distribution whose dropped tail is below the documented truncation', () => {
    const pi = erlangAStationary(100 / 1800, 1 / 180, 1 / 300, 12);
    expect(pi.reduce((sum, p) => sum + p, 0)).toBeCloseTo(1, 14);
    const longer = stationaryByProducts(100 / 1800, 1 / 180, 1 / 300, 12, pi.length + 300);
    const dropped = longer.slice(pi.length).reduce((sum, p) => sum + p, 0);
    expect(dropped).toBeGreaterThan(0);
    expect(dropped).toBeLessThan(ERLANG_A_TRUNCATION);
    for (let n = 0; n < pi.length; n++) expect(pi[n]).toBeCloseTo(longer[n]!, 15);
  });
});

describe('absorbedWithin (tagged-contact chain)', () => {
  const agentRate = 0.05;
  const gamma = 0.01;

  it('matches the single-stage closed form', () => {
    const r0 = agentRate + gamma;
    for (const t of [0.5, 10, 100]) {
      const got = absorbedWithin([1], agentRate, gamma, t);
      expect(got.answered).toBeCloseTo((agentRate / r0) * (1 - Math.exp(-r0 * t)), 14);
      expect(got.abandoned).toBeCloseTo((gamma / r0) * (1 - Math.exp(-r0 * t)), 14);
    }
  });

  it('matches the two-stage hypoexponential closed form', () => {
    const r0 = agentRate + gamma; // exit rate with nobody ahead
    const r1 = agentRate + 2 * gamma; // exit rate with one ahead
    for (const t of [3, 40, 400]) {
      const bothStages = 1 - (r0 * Math.exp(-r1 * t) - r1 * Math.exp(-r0 * t)) / (r0 - r1);
      const got = absorbedWithin([0, 1], agentRate, gamma, t);
      expect(got.answered).toBeCloseTo(((agentRate + gamma) / r1) * (agentRate / r0) * bothStages, 14);
    }
  });

  it('absorbs nothing at t = 0 and everything eventually', () => {
    expect(absorbedWithin([0.3, 0.7], agentRate, gamma, 0)).toEqual({ answered: 0, abandoned: 0 });
    const late = absorbedWithin([0.3, 0.2, 0.5], agentRate, gamma, 10_000);
    expect(late.answered + late.abandoned).toBeCloseTo(1, 14);
    // P(answered | k ahead) = c mu / (c mu + (k + 1) gamma)
    const answered = [0.3, 0.2, 0.5].reduce(
      (sum, p, k) => sum + (p * agentRate) / (agentRate + (k + 1) * gamma),
      0,
    );
    expect(late.answered).toBeCloseTo(answered, 14);
  });
});
