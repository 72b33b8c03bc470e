import { describe, expect, it } from 'vitest';
import { erlangC, type QueueMetrics, type StableQueueMetrics } from './erlangC.js';

function stable(metrics: QueueMetrics): StableQueueMetrics {
  if (!metrics.stable) throw new Error('expected a stable queue');
  return metrics;
}

/** Erlang C straight from its textbook definition (small c only: plain factorials). */
function pWaitByDefinition(load: number, agents: number): number {
  let sum = 0;
  let term = 1; // a^k / k!
  for (let k = 0; k < agents; k++) {
    sum += term;
    term *= load / (k + 1);
  }
  const top = (term * agents) / (agents - load);
  return top / (sum + top);
}

describe('erlangC', () => {
  it('reduces to M/M/1 closed forms for one agent', () => {
    const lambda = 1 / 60;
    const mu = 1 / 40;
    const rho = lambda / mu;
    const m = stable(erlangC({ arrivalRatePerS: lambda, meanHandleTimeS: 40, agents: 1, thresholdS: 30 }));
    expect(m.pWait).toBeCloseTo(rho, 14);
    expect(m.asaS).toBeCloseTo(rho / (mu - lambda), 10);
    expect(m.serviceLevel.slOffered).toBeCloseTo(1 - rho * Math.exp(-(mu - lambda) * 30), 14);
    expect(m.meanQueueLength).toBeCloseTo((rho * rho) / (1 - rho), 12);
    expect(m.occupancy).toBeCloseTo(rho, 14);
  });

  it('gives P(wait) = 0.4494 for 10 Erlangs on 12 agents, as the definition does', () => {
    const m = stable(
      erlangC({ arrivalRatePerS: 10 / 180, meanHandleTimeS: 180, agents: 12, thresholdS: 20 }),
    );
    expect(m.pWait).toBeCloseTo(0.4494, 4);
    expect(m.pWait).toBeCloseTo(pWaitByDefinition(10, 12), 13);
  });

  it('reproduces the textbook case: 100 calls per 30 min, AHT 180 s, 14 agents, 20 s', () => {
    // Worked example of callcentrehelper's "Erlang C formula made simple" (P(wait) 17.4%, SL 88.8%);
    // the digits come from a 200-digit mpmath evaluation of the textbook formula.
    const m = stable(
      erlangC({ arrivalRatePerS: 100 / 1800, meanHandleTimeS: 180, agents: 14, thresholdS: 20 }),
    );
    expect(m.loadErlangs).toBeCloseTo(10, 12);
    expect(m.pWait).toBeCloseTo(0.17413193359505, 12);
    expect(m.asaS).toBeCloseTo(7.83593701177724, 10);
    expect(m.serviceLevel.slOffered).toBeCloseTo(0.888350019179467, 12);
    expect(m.occupancy).toBeCloseTo(0.714, 3);
  });

  it('reproduces the Westbay example: 360 calls per 30 min, 4 min calls, 55 agents, 15 s', () => {
    // Reference digits: 200-digit mpmath evaluation of the textbook formula.
    const m = stable(
      erlangC({ arrivalRatePerS: 360 / 1800, meanHandleTimeS: 240, agents: 55, thresholdS: 15 }),
    );
    expect(m.pWait).toBeCloseTo(0.238700936378009, 12);
    expect(m.asaS).toBeCloseTo(8.18403210438889, 10);
    expect(m.serviceLevel.slOffered).toBeCloseTo(0.84588309217058, 12);
  });

  it('has equal SL variants and no abandonment', () => {
    const m = stable(erlangC({ arrivalRatePerS: 0.05, meanHandleTimeS: 180, agents: 11, thresholdS: 20 }));
    expect(m.serviceLevel.slAnswered).toBe(m.serviceLevel.slOffered);
    expect(m.serviceLevel.slExcludingShortAbandons).toBe(m.serviceLevel.slOffered);
    expect(m.pAbandon).toBe(0);
    // Little's law against the textbook Lq = C rho / (1 - rho).
    const rho = (0.05 * 180) / 11;
    expect(m.meanQueueLength).toBeCloseTo((m.pWait * rho) / (1 - rho), 12);
  });

  it('answers everyone at once when nobody calls, and at T = 0 gives 1 - P(wait)', () => {
    const idle = stable(erlangC({ arrivalRatePerS: 0, meanHandleTimeS: 180, agents: 3, thresholdS: 20 }));
    expect(idle.pWait).toBe(0);
    expect(idle.serviceLevel.slOffered).toBe(1);
    const atZero = stable(
      erlangC({ arrivalRatePerS: 10 / 180, meanHandleTimeS: 180, agents: 12, thresholdS: 0 }),
    );
    expect(atZero.serviceLevel.slOffered).toBeCloseTo(1 - atZero.pWait, 15);
  });

  it('flags an unstable queue with nulls, never NaN or Infinity', () => {
    for (const agents of [9, 10]) {
      const m = erlangC({ arrivalRatePerS: 10 / 180, meanHandleTimeS: 180, agents, thresholdS: 20 });
      expect(m.stable).toBe(false);
      expect(m).toMatchObject({
        pWait: null,
        asaS: null,
        occupancy: null,
        serviceLevel: null,
        loadErlangs: 10,
      });
      expect(JSON.stringify(m)).not.toMatch(/NaN|Infinity/);
    }
  });

  it('rejects nonsense inputs', () => {
    expect(() => erlangC({ arrivalRatePerS: 1, meanHandleTimeS: 0, agents: 2, thresholdS: 20 })).toThrow(
      RangeError,
    );
    expect(() => erlangC({ arrivalRatePerS: 1, meanHandleTimeS: 1, agents: 0, thresholdS: 20 })).toThrow(
      RangeError,
    );
    expect(() =>
      erlangC({ arrivalRatePerS: Number.NaN, meanHandleTimeS: 1, agents: 2, thresholdS: 20 }),
    ).toThrow(RangeError);
  });
});
