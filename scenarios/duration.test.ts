import { describe, expect, it } from 'vitest';
import { formatDuration, tryParseClock, tryParseDuration } from './duration.js';

describe('tryParseDuration', () => {
  it('reads every unit', () => {
    expect(tryParseDuration('250ms')).toBeCloseTo(0.25);
    expect(tryParseDuration('20s')).toBe(20);
    expect(tryParseDuration('3m')).toBe(180);
    expect(tryParseDuration('1.5h')).toBe(5400);
    expect(tryParseDuration('2d')).toBe(172800);
  });
  it('refuses numbers without a unit and unknown units', () => {
    expect(tryParseDuration('20')).toBeUndefined();
    expect(tryParseDuration('20 s')).toBeUndefined();
    expect(tryParseDuration('3min')).toBeUndefined();
    expect(tryParseDuration('-3m')).toBeUndefined();
  });
});

describe('tryParseClock', () => {
  it('reads HH:MM up to 24:00', () => {
    expect(tryParseClock('07:30')).toBe(27000);
    expect(tryParseClock('24:00')).toBe(86400);
    expect(tryParseClock('24:30')).toBeUndefined();
    expect(tryParseClock('7:30')).toBeUndefined();
  });
});

describe('formatDuration', () => {
  it('round-trips whole units', () => {
    for (const text of ['20s', '3m', '2h', '0s', '250ms'])
      expect(formatDuration(tryParseDuration(text)!)).toBe(text);
  });
});
