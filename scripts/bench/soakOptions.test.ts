import { describe, expect, it } from 'vitest';
import { soakOptions } from './soakOptions.js';

describe('soakOptions', () => {
  it('defaults to 30 minutes at half the measured capacity, a sample a minute', () => {
    expect(soakOptions([])).toEqual({ durationS: 1800, rate: undefined, everyS: 60 });
  });

  it('a quick check: 60 s prints a sample every 10 s; the flags override', () => {
    expect(soakOptions(['--soak-duration', '60s'])).toEqual({ durationS: 60, rate: undefined, everyS: 10 });
    expect(soakOptions(['--soak-duration', '2m', '--soak-rate', '500', '--soak-every', '15s'])).toEqual({
      durationS: 120,
      rate: 500,
      everyS: 15,
    });
  });

  it.each([
    [
      ['--soak-duration', '60'],
      '--soak-duration: expected a duration from 1s to 24h, e.g. 60s or 30m (got "60")',
    ],
    [['--soak-duration', '2d'], '--soak-duration: expected a duration'],
    [['--soak-duration'], '--soak-duration: expected a duration from 1s to 24h, e.g. 60s or 30m (got "")'],
    [['--soak-rate', '1.5'], '--soak-rate: expected whole calls per second from 1 to 100000 (got "1.5")'],
    [['--soak-rate', '0'], '--soak-rate: expected whole calls per second'],
    [
      ['--soak-duration', '60s', '--soak-every', '2m'],
      '--soak-every: expected a duration from 1s to 60s, e.g. 60s or 30m (got "2m")',
    ],
  ])('%j is refused naming the flag', (argv, message) => {
    expect(() => soakOptions(argv)).toThrow(message);
  });
});
