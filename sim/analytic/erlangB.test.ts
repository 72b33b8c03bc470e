import { describe, expect, it } from 'vitest';
import { erlangB } from './erlangB.js';

/** Textbook definition B = (a^c / c!) / sum_{k<=c} a^k / k!, summed in logs so it also works for large c. */
function erlangBByDefinition(load: number, servers: number): number {
  const logTerms: number[] = [];
  let logTerm = 0;
  for (let k = 0; k <= servers; k++) {
    if (k > 0) logTerm += Math.log(load) - Math.log(k);
    logTerms.push(logTerm);
  }
  const max = Math.max(...logTerms);
  const sum = logTerms.reduce((total, term) => total + Math.exp(term - max), 0);
  return Math.exp(logTerms[servers]! - max) / sum;
}

describe('erlangB', () => {
  it('matches hand computations', () => {
    expect(erlangB(1, 1)).toBeCloseTo(1 / 2, 15); // a / (1 + a)
    expect(erlangB(2, 2)).toBeCloseTo(2 / 5, 15); // (4/2) / (1 + 2 + 2)
    expect(erlangB(3, 2)).toBeCloseTo(4.5 / 8.5, 15); // (9/2) / (1 + 3 + 4.5)
  });

  it('matches the definition for mid-size systems', () => {
    for (const [load, servers] of [
      [10, 12],
      [48, 55],
      [0.5, 3],
    ] as const) {
      expect(erlangB(load, servers)).toBeCloseTo(erlangBByDefinition(load, servers), 13);
    }
  });

  it('stays finite and correct where a^c / c! overflows', () => {
    const blocking = erlangB(1000, 1000);
    expect(Number.isFinite(blocking)).toBe(true);
    expect(blocking).toBeCloseTo(erlangBByDefinition(1000, 1000), 12);
    // Reference: mpmath at 50 digits; and the large-system asymptotic B ~ sqrt(2 / (pi c)) (Jagerman).
    expect(blocking).toBeCloseTo(0.0248119176461604, 14);
    expect(blocking * Math.sqrt((Math.PI * 1000) / 2)).toBeCloseTo(0.98, 2);
  });

  it('handles the edges', () => {
    expect(erlangB(0, 5)).toBe(0);
    expect(erlangB(7, 0)).toBe(1);
    expect(() => erlangB(-1, 2)).toThrow(RangeError);
    expect(() => erlangB(1, 2.5)).toThrow(RangeError);
  });
});
