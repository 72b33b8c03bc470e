import { grown } from './grown.js';

/**
 * A min-heap of bare times (no ids, no payload): the ends of things a process only needs to count,
 * such as the talk ends that free trunk lines. It keeps those off the event calendar, where each would
 * be an event to sift, pop and dispatch for one decrement.
 */
export class TimeHeap {
  private times = new Float64Array(64);
  length = 0;

  /** The earliest time; Infinity when empty. */
  peek(): number {
    return this.length === 0 ? Number.POSITIVE_INFINITY : this.times[0]!;
  }

  push(time: number): void {
    if (this.length === this.times.length) this.times = grown(this.times, this.times.length * 2);
    const times = this.times;
    let pos = this.length++;
    while (pos > 0) {
      const parent = (pos - 1) >> 1;
      const pt = times[parent]!;
      if (pt <= time) break;
      times[pos] = pt;
      pos = parent;
    }
    times[pos] = time;
  }

  /** Removes and returns the earliest time. Call only when length > 0. */
  pop(): number {
    const times = this.times;
    const top = times[0]!;
    const size = --this.length;
    const last = times[size]!;
    let pos = 0;
    for (;;) {
      let child = 2 * pos + 1;
      if (child >= size) break;
      let ct = times[child]!;
      if (child + 1 < size && times[child + 1]! < ct) ct = times[++child]!;
      if (last <= ct) break;
      times[pos] = ct;
      pos = child;
    }
    times[pos] = last;
    return top;
  }

  /** Removes every time at or before `t`; returns how many. */
  popUntil(t: number): number {
    let n = 0;
    while (this.length > 0 && this.times[0]! <= t) {
      this.pop();
      n++;
    }
    return n;
  }
}
