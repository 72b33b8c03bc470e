import seedrandom from 'seedrandom';

/** A stream of uniform numbers in [0, 1). */
export type Rng = () => number;

/** Names of the random sources; each gets its own stream so variants share draws (common random numbers). */
export type StreamSource =
  | 'phone.arrivals'
  | 'phone.talkTime'
  | 'phone.afterCallWork'
  | 'phone.patience'
  | 'phone.ivr'
  | 'phone.routing'
  | 'phone.retrial'
  | 'phone.demand'
  | 'chat.arrivals'
  | 'chat.demand'
  | 'chat.messages'
  | 'chat.replyTime'
  | 'chat.patience'
  | 'chat.thinkTime'
  | 'chat.replyPatience'
  | 'mocks.latency'
  | 'mocks.errors';

/**
 * One seeded stream per (seed, source, replication). Alea is seedrandom's fastest generator (~5 ns a
 * draw here) with a period far beyond any run we make.
 */
export function createStream(seed: number | string, source: StreamSource, replication: number): Rng {
  return seedrandom.alea(`${seed}/${source}/${replication}`);
}
