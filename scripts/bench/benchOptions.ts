import { parseArgs } from 'node:util';

/** The sections of `npm run bench`, in the order a bare run goes through them. */
export const BENCH_SECTIONS = [
  'sim',
  'mocks',
  'chat',
  'checkin',
  'replay',
  'gate',
  'gate-k6',
  'whatif',
  'roster',
  'staff',
  'soak',
] as const;
export type BenchSection = (typeof BENCH_SECTIONS)[number];

/** Sections a bare `npm run bench` skips: they run only when named (too long for every run). */
export const ONLY_BY_NAME: ReadonlySet<BenchSection> = new Set(['soak', 'gate-k6']);

export const BENCH_USAGE = `usage: npm run bench [-- --only <section>] [soak flags]

Runs the timing targets and prints one line per figure ("bench  <what>  <measured> (target ...)").
Targets are never asserted in tests; run this on an idle machine for figures worth quoting.

  --only <section>   run one section: ${BENCH_SECTIONS.join(', ')}
                     (mocks also runs chat and checkin; ${[...ONLY_BY_NAME].join(', ')} runs only when named)
  --soak-duration <d>  soak length, e.g. 60s or 30m (default 30m)
  --soak-rate <n>      soak calls per second (default: half the measured capacity)
  --soak-every <d>     seconds between two printed soak samples
  -h, --help         this text

Every load section runs the real k6 against mocks on 127.0.0.1 only.
Example: npm run bench -- --only sim`;

export interface BenchOptions {
  help: boolean;
  only: BenchSection | undefined;
  /** Internal: the memory bench's child process. */
  memoryChild: boolean;
}

/**
 * Reads the bench's flags strictly: an unknown flag or section is an Error naming it and what is
 * allowed (a typo must not silently run every section for half an hour). The soak's own flags are
 * accepted here and checked by soakOptions.
 */
export function benchOptions(argv: readonly string[]): BenchOptions {
  const { values, positionals } = parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: true,
    options: {
      only: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      'memory-child': { type: 'boolean' },
      'soak-duration': { type: 'string' },
      'soak-rate': { type: 'string' },
      'soak-every': { type: 'string' },
    },
  });
  if (positionals.length > 0) {
    throw new Error(`unexpected argument "${positionals[0]}" (flags only; see --help)`);
  }
  const only = values.only;
  if (only !== undefined && !(BENCH_SECTIONS as readonly string[]).includes(only)) {
    throw new Error(`--only: unknown section "${only}"; allowed: ${BENCH_SECTIONS.join(', ')}`);
  }
  const soakFlag = ['soak-duration', 'soak-rate', 'soak-every'].find(
    (f) => values[f as 'soak-rate'] !== undefined,
  );
  if (soakFlag !== undefined && only !== 'soak') {
    throw new Error(`--${soakFlag} applies to the soak only: add --only soak`);
  }
  return {
    help: values.help === true,
    only: only as BenchSection | undefined,
    memoryChild: values['memory-child'] === true,
  };
}

/** Whether a run with these options goes through `section`. */
export function runsSection(options: BenchOptions, section: BenchSection): boolean {
  if (options.only === undefined) return !ONLY_BY_NAME.has(section);
  if (options.only === section) return true;
  return options.only === 'mocks' && (section === 'chat' || section === 'checkin');
}
