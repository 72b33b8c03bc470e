import { describe, expect, it } from 'vitest';
import { wilson } from './k6Figures.js';

describe('wilson', () => {
  it('is the score interval of a proportion', () => {
    expect(wilson(0, 0)).toBeNull();
    // Known value: 8 of 10 -> [0.4902, 0.9433].
    const [a, b] = wilson(8, 10)!;
    expect(a).toBeCloseTo(0.4902, 3);
    expect(b).toBeCloseTo(0.9433, 3);
  });
});
