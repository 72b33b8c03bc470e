import seedrandom from 'seedrandom';

/** A stream of uniform numbers in [0, 1). */
export type Rng = () => number;

/**
 * Names of the random sources, `<owner>.<source>` (e.g. `phone.talkTime`, `chat.arrivals`,
 * `mocks.latency`); each gets its own stream so variants share draws (common random numbers). A
 * channel names its own sources, so this type lists none.
 */
export type StreamSource = `${string}.${string}`;

/**
 * One seeded stream per (seed, source, replication). Alea is seedrandom's fastest generator (~5 ns a
 * draw here) with a period far beyond any run we make.
 */
export function createStream(seed: number | string, source: StreamSource, replication: number): Rng {
  return seedrandom.alea(`${seed}/${source}/${replication}`);
}
