import { describe, expect, it } from 'vitest';
import { cornishFisher, studentT975 } from './studentT975.js';

describe('studentT975', () => {
  it('gives the textbook quantiles', () => {
    expect(studentT975(1)).toBeCloseTo(12.706, 3);
    expect(studentT975(9)).toBeCloseTo(2.262, 3);
    expect(studentT975(29)).toBeCloseTo(2.045, 3);
    expect(studentT975(60)).toBeCloseTo(2.0003, 3);
    expect(studentT975(120)).toBeCloseTo(1.9799, 3);
    expect(studentT975(1e9)).toBeCloseTo(1.96, 3);
  });
  it('fractional degrees of freedom (Welch) fall between their neighbours, close to the exact value', () => {
    // Exact values by numerical integration of the t density: t(3.5) = 2.9401, t(10.5) = 2.2138.
    expect(Math.abs(studentT975(3.5) - 2.9401)).toBeLessThan(0.015);
    expect(Math.abs(studentT975(10.5) - 2.2138)).toBeLessThan(0.001);
    expect(studentT975(3.5)).toBeLessThan(studentT975(3));
    expect(studentT975(3.5)).toBeGreaterThan(studentT975(4));
    expect(studentT975(29.5)).toBeGreaterThan(studentT975(30));
  });

  it('expansion agrees with the table where they meet', () => {
    expect(Math.abs(cornishFisher(30) - 2.0423)).toBeLessThan(2e-4);
    expect(Math.abs(cornishFisher(20) - 2.086)).toBeLessThan(5e-4);
  });
});
