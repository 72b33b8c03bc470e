import type { ArrivalSource } from './ArrivalSource.js';

/**
 * The model's own arrivals, cut off at `untilS`: before it they are the inner source's (the same
 * draws as the simulator's), from it on there are none, because contacts then come from outside.
 * This is how a warm-started mocks run stops drawing arrivals at the window start; the process needs
 * no notion of a window.
 */
export class ArrivalsUntil implements ArrivalSource {
  private done = false;

  constructor(
    private readonly inner: ArrivalSource,
    readonly untilS: number,
  ) {}

  next(): number {
    if (this.done) return Number.POSITIVE_INFINITY;
    const t = this.inner.next();
    if (t < this.untilS) return t;
    // Drawing on would only consume the stream; the cut-off is final.
    this.done = true;
    return Number.POSITIVE_INFINITY;
  }
}
