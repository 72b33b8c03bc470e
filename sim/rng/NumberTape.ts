import { grown } from '../queues/grown.js';

/**
 * The numbers a generator made, in order, kept so that later readers get them without making them
 * again. Reading past the end extends the tape from the generator, so every reader sees the same
 * sequence whatever the order in which readers got this far.
 */
export class NumberTape {
  private values = new Float64Array(1024);
  private length = 0;

  constructor(private readonly generate: () => number) {}

  /** The `i`-th number (0-based); made now, with all before it, if no reader has reached it yet. */
  at(i: number): number {
    return i < this.length ? this.values[i]! : this.extend(i);
  }

  /** Numbers made so far. */
  get made(): number {
    return this.length;
  }

  private extend(i: number): number {
    while (this.length <= i) {
      if (this.length === this.values.length) this.values = grown(this.values, this.values.length * 2);
      this.values[this.length++] = this.generate();
    }
    return this.values[i]!;
  }
}

/**
 * A reader's place on a tape: the next index it reads. Several readers of one stream in one run (a
 * phone channel's classes drawing patience from one stream) share a cursor, as they share the stream.
 */
export interface TapeCursor {
  next: number;
}
