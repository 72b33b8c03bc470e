import type { TimerHost } from '../../sim/engine/RealtimeDriver.js';

interface Waiter<T> {
  readonly resolve: (item: T | null) => void;
  readonly onHanded?: (item: T) => void;
  timer: unknown;
}

/**
 * Items waiting for a taker, and takers waiting for an item (a long poll): `offer` hands an item to
 * the longest-waiting taker, else queues it; `take` gets the oldest queued item at once, else waits
 * up to `waitMs` (wall, on the injected timers) and gets null when none came. The outbound callees'
 * ringing dials: a callee that long-polls is handed a dial the instant the model dials, so a ring
 * does not wait for the next poll.
 */
export class ClaimQueue<T> {
  private readonly items = new Map<number, T>();
  private readonly waiters: Waiter<T>[] = [];

  constructor(private readonly timers: TimerHost) {}

  /** Items queued (no taker yet). */
  get queued(): number {
    return this.items.size;
  }

  /** Takers waiting. */
  get waiting(): number {
    return this.waiters.length;
  }

  /** Hands `item` to the longest-waiting taker (returns true), or queues it under `key` (false). */
  offer(key: number, item: T): boolean {
    const waiter = this.waiters.shift();
    if (waiter === undefined) {
      this.items.set(key, item);
      return false;
    }
    this.timers.clear(waiter.timer);
    waiter.onHanded?.(item);
    waiter.resolve(item);
    return true;
  }

  /** Removes a queued item (it stopped waiting: the dial rang out); true when it was queued. */
  remove(key: number): boolean {
    return this.items.delete(key);
  }

  /** The oldest queued item now, or null. */
  takeNow(): T | null {
    const first = this.items.entries().next();
    if (first.done) return null;
    this.items.delete(first.value[0]);
    return first.value[1];
  }

  /**
   * The oldest queued item, else the next offered within `waitMs`, else null. A taker that goes away
   * (`signal` aborts: its connection closed) stops waiting, so no item is handed to nobody.
   * `onHanded` runs synchronously when the item is handed over (in `offer` for a waiting taker), so
   * the taker acts at that instant, not a promise turn later.
   */
  take(waitMs: number, signal?: AbortSignal, onHanded?: (item: T) => void): Promise<T | null> {
    const now = this.takeNow();
    if (now !== null) onHanded?.(now);
    if (now !== null || waitMs <= 0 || signal?.aborted === true) return Promise.resolve(now);
    return new Promise((resolve) => {
      const waiter: Waiter<T> = { resolve, onHanded, timer: undefined };
      waiter.timer = this.timers.set(() => this.drop(waiter, null), waitMs);
      signal?.addEventListener(
        'abort',
        () => {
          this.timers.clear(waiter.timer);
          this.drop(waiter, null);
        },
        { once: true },
      );
      this.waiters.push(waiter);
    });
  }

  /** Every waiting taker gets null now (shutdown). */
  releaseAll(): void {
    for (const waiter of [...this.waiters]) {
      this.timers.clear(waiter.timer);
      this.drop(waiter, null);
    }
  }

  private drop(waiter: Waiter<T>, item: T | null): void {
    const at = this.waiters.indexOf(waiter);
    if (at >= 0) this.waiters.splice(at, 1);
    waiter.resolve(item);
  }
}
