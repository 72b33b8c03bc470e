import { tryParseDuration } from '../../scenarios/duration.js';

/** `npm run bench -- --only soak [--soak-duration 30m] [--soak-rate <calls/s>] [--soak-every 60s]`. */
export interface SoakOptions {
  durationS: number;
  /** Calls per second; undefined: half of the capacity measured first. */
  rate: number | undefined;
  /** Seconds between two printed samples. */
  everyS: number;
}

const DEFAULT_DURATION_S = 30 * 60;

/** Reads the soak flags; a bad value throws an Error naming the flag, the value and what is allowed. */
export function soakOptions(argv: readonly string[]): SoakOptions {
  const value = (flag: string) => {
    const at = argv.indexOf(flag);
    return at < 0 ? undefined : (argv[at + 1] ?? '');
  };
  const duration = (flag: string, raw: string | undefined, fallback: number, max: number) => {
    if (raw === undefined) return fallback;
    const seconds = tryParseDuration(raw);
    if (seconds === undefined || seconds < 1 || seconds > max) {
      const upTo = max % 3600 === 0 ? `${max / 3600}h` : `${max}s`;
      throw new Error(`${flag}: expected a duration from 1s to ${upTo}, e.g. 60s or 30m (got "${raw}")`);
    }
    return seconds;
  };
  const durationS = duration('--soak-duration', value('--soak-duration'), DEFAULT_DURATION_S, 24 * 3600);
  const everyS = duration(
    '--soak-every',
    value('--soak-every'),
    Math.min(60, Math.max(1, durationS / 6)),
    durationS,
  );
  const rawRate = value('--soak-rate');
  const rate = rawRate === undefined ? undefined : Number(rawRate);
  if (rate !== undefined && !(/^[0-9]+$/.test(rawRate!) && rate >= 1 && rate <= 100_000)) {
    throw new Error(`--soak-rate: expected whole calls per second from 1 to 100000 (got "${rawRate}")`);
  }
  return { durationS, rate, everyS };
}
