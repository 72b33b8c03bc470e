import type { ModelClock } from './ModelClock.js';

/** A job runs at its model time `t` (which may be a little before the clock's now if the timer was late). */
export type Job = (t: number) => void;

interface Entry {
  readonly at: number;
  readonly seq: number;
  readonly job: Job;
}

/**
 * The mocks' event calendar: jobs in model time ordered by (time, sequence number) as in the
 * simulator, kept in a binary min-heap with ONE wall-clock timer armed for the earliest. A late timer
 * does not distort the model: due jobs run in order, each at its own model time, and callers that
 * act "now" (an arriving call) first run everything that is due, so they see the state the
 * simulator would see. Jobs are never cancelled; they check whether they still apply (lazy deletion).
 */
export class Scheduler {
  private readonly heap: Entry[] = [];
  private seq = 0;
  private timer: NodeJS.Timeout | undefined;
  private timerAt = Number.POSITIVE_INFINITY;
  private running = false;
  private stopped = false;

  constructor(private readonly clock: ModelClock) {}

  get size(): number {
    return this.heap.length;
  }

  /** Runs `job` at model time `at` (at once, on the next runDue, if `at` is already past). */
  at(at: number, job: Job): void {
    if (this.stopped) return;
    this.push({ at, seq: this.seq++, job });
    if (!this.running) this.arm();
  }

  /** Runs every job due by `nowS`, in (time, sequence) order, including jobs they schedule. */
  runDue(nowS: number = this.clock.nowS()): void {
    if (this.running || this.stopped) return;
    this.running = true;
    try {
      while (this.heap.length > 0 && this.heap[0]!.at <= nowS && !this.stopped) {
        const entry = this.pop();
        entry.job(entry.at);
      }
    } finally {
      this.running = false;
    }
    this.arm();
  }

  /** Re-arms the timer from the clock as it is now (after the clock started or jumped). */
  rearm(): void {
    this.disarm();
    this.arm();
  }

  /** Drops every job and the timer; later `at` calls are ignored. */
  stop(): void {
    this.stopped = true;
    this.heap.length = 0;
    this.disarm();
  }

  private arm(): void {
    if (this.stopped) return;
    const next = this.heap[0];
    if (next === undefined) {
      this.disarm();
      return;
    }
    if (this.timer !== undefined && this.timerAt === next.at) return;
    this.disarm();
    // Timers may fire early by rounding; runDue then finds nothing due and re-arms.
    const delayMs = Math.max(0, Math.ceil(this.clock.wallMsUntil(next.at)));
    this.timerAt = next.at;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.timerAt = Number.POSITIVE_INFINITY;
      this.runDue();
    }, delayMs);
    // The server (or the caller) keeps the process alive, not the model's calendar.
    this.timer.unref();
  }

  private disarm(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.timerAt = Number.POSITIVE_INFINITY;
  }

  private push(entry: Entry): void {
    const heap = this.heap;
    let i = heap.length;
    heap.push(entry);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(entry, heap[parent]!)) break;
      heap[i] = heap[parent]!;
      i = parent;
    }
    heap[i] = entry;
  }

  private pop(): Entry {
    const heap = this.heap;
    const top = heap[0]!;
    const last = heap.pop()!;
    if (heap.length === 0) return top;
    let i = 0;
    const n = heap.length;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= n) break;
      const right = left + 1;
      const child = right < n && before(heap[right]!, heap[left]!) ? right : left;
      if (!before(heap[child]!, last)) break;
      heap[i] = heap[child]!;
      i = child;
    }
    heap[i] = last;
    return top;
  }
}

function before(a: Entry, b: Entry): boolean {
  return a.at < b.at || (a.at === b.at && a.seq < b.seq);
}
