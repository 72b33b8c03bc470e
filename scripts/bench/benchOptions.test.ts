import { describe, expect, it } from 'vitest';
import { BENCH_SECTIONS, benchOptions, runsSection } from './benchOptions.js';

const sectionsRun = (argv: string[]) => BENCH_SECTIONS.filter((s) => runsSection(benchOptions(argv), s));

describe('benchOptions', () => {
  it('a bare run goes through every section but the soak and gate-k6 (minutes each)', () => {
    expect(sectionsRun([])).toEqual(BENCH_SECTIONS.filter((s) => s !== 'soak' && s !== 'gate-k6'));
  });

  it('--only runs that section; mocks brings chat and checkin; the soak only by name', () => {
    expect(sectionsRun(['--only', 'gate'])).toEqual(['gate']);
    expect(sectionsRun(['--only', 'mocks'])).toEqual(['mocks', 'chat', 'checkin']);
    expect(sectionsRun(['--only', 'soak', '--soak-duration', '60s'])).toEqual(['soak']);
  });

  it('--help and -h ask for the usage', () => {
    expect(benchOptions(['--help']).help).toBe(true);
    expect(benchOptions(['-h']).help).toBe(true);
  });

  it.each([
    [['--only', 'whatiff'], '--only: unknown section "whatiff"; allowed: sim, mocks'],
    [['--onyl', 'sim'], "Unknown option '--onyl'"],
    [['--only'], "Option '--only <value>' argument missing"],
    [['sim'], 'unexpected argument "sim"'],
    [['--soak-rate', '500'], '--soak-rate applies to the soak only: add --only soak'],
  ])('%j is refused: %s', (argv, message) => {
    expect(() => benchOptions(argv)).toThrow(message);
  });
});
