import seedrandom from 'seedrandom';
import { createStream, type Rng, type StreamSource } from './createStream.js';
import type { DrawTape } from './DrawTape.js';

/** The random streams of one model run, one per source (common random numbers across variants). */
export interface Streams {
  stream(source: StreamSource): Rng;
  /**
   * Set where runs of one replication share their draws (whatif cells): the draws of the sources a
   * process reads through drawSources come from this tape; `stream` still draws afresh.
   */
  readonly tape?: DrawTape;
}

/** A replication's streams: (seed, source, replication), as every batch and mock run draws them. */
export function replicationStreams(seed: number | string, replication: number): Streams {
  return { stream: (source) => createStream(seed, source, replication) };
}

/** Replication `tape.replication`'s streams, reading through `tape` where a process can (drawSources). */
export function tapedStreams(tape: DrawTape): Streams {
  return { stream: (source) => createStream(tape.seed, source, tape.replication), tape };
}

/**
 * Streams that draw as replication `replication` until `branch()` is called, then as branch `branch`
 * of it: a conditional prediction, where every branch shares the replication's past (the state a
 * warm-started mock holds at the window start) and draws its own future. Only these streams pay for
 * the indirection; a plain replication's streams are the generators themselves.
 */
export class BranchingStreams implements Streams {
  private readonly switches: (() => void)[] = [];

  constructor(
    private readonly seed: number | string,
    private readonly replication: number,
    private readonly branchIndex: number,
  ) {}

  stream(source: StreamSource): Rng {
    let current = createStream(this.seed, source, this.replication);
    this.switches.push(() => {
      current = seedrandom.alea(`${this.seed}/${source}/${this.replication}/branch/${this.branchIndex}`);
    });
    return () => current();
  }

  /** From now on every stream draws the branch's own numbers. */
  branch(): void {
    for (const switchStream of this.switches) switchStream();
  }
}
