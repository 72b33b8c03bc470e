import { describe, expect, it } from 'vitest';
import { PROBE_CATEGORIES, PROBE_USAGE, parseProbeFlags } from './parseProbeFlags.js';

describe('parseProbeFlags', () => {
  it('--help and -h ask for the usage, which names every category', () => {
    expect(parseProbeFlags(['--help']).help).toBe(true);
    expect(parseProbeFlags(['-h']).help).toBe(true);
    for (const category of PROBE_CATEGORIES) expect(PROBE_USAGE).toContain(category);
  });

  it('reads the flags; a typo is refused with what is allowed', () => {
    expect(parseProbeFlags(['--only', 'http,overload', '--every', '6'])).toMatchObject({
      only: ['http', 'overload'],
      every: 6,
      parallel: 2,
      help: false,
    });
    expect(() => parseProbeFlags(['--only', 'htp'])).toThrow('allowed: scenario, flags');
    expect(() => parseProbeFlags(['--paralel', '2'])).toThrow('unknown flag --paralel; allowed:');
  });
});
