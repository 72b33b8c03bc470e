import type { ArrivalSource } from './ArrivalSource.js';

/**
 * The model's own arrivals, cut off at `untilS`: before it they are the inner source's (the same
 * draws as the simulator's), from it on there are none, because contacts then come from outside.
 * This is how a warm-started mocks run stops drawing arrivals at the window start (and, given
 * `resumeAtS`, starts again at its end); the process needs no notion of a window.
 */
export class ArrivalsUntil implements ArrivalSource {
  private done = false;

  /**
   * `resumeAtS` (the end of a replayed window): the inner source's arrivals from then on are the
   * model's again, so what comes after the window (an e-mail answered in the replay's grace) meets the
   * load the simulator has there. The arrivals between are drawn and dropped, keeping the draws in step.
   */
  constructor(
    private readonly inner: ArrivalSource,
    readonly untilS: number,
    readonly resumeAtS: number = Number.POSITIVE_INFINITY,
  ) {}

  next(): number {
    if (this.done) return Number.POSITIVE_INFINITY;
    for (;;) {
      const t = this.inner.next();
      if (t < this.untilS || (t >= this.resumeAtS && t !== Number.POSITIVE_INFINITY)) return t;
      if (this.resumeAtS === Number.POSITIVE_INFINITY || t === Number.POSITIVE_INFINITY) {
        // Drawing on would only consume the stream; the cut-off is final.
        this.done = true;
        return Number.POSITIVE_INFINITY;
      }
    }
  }
}
