// Test support: a wall clock and timers that move only when the test says so. Not product code.
import type { TimerHost } from '../engine/RealtimeDriver.js';

interface PendingTimer {
  readonly id: number;
  readonly atMs: number;
  readonly callback: () => void;
}

/**
 * Injected into the real-time driver (timers) and the model clock (wallNowMs), it makes real-time
 * code deterministic: nothing fires until `advance`, which moves wall time forward and fires each due
 * timer at its own instant, in order. No test then depends on how busy the machine is.
 */
export class ManualTime implements TimerHost {
  nowMs = 0;
  private timers: PendingTimer[] = [];
  private nextId = 1;

  readonly wallNowMs = (): number => this.nowMs;

  set(callback: () => void, delayMs: number): unknown {
    const id = this.nextId++;
    this.timers.push({ id, atMs: this.nowMs + Math.max(0, delayMs), callback });
    return id;
  }

  clear(handle: unknown): void {
    this.timers = this.timers.filter((t) => t.id !== handle);
  }

  get pendingTimers(): number {
    return this.timers.length;
  }

  /** Moves wall time forward by `ms`, firing due timers in (time, creation) order. */
  advance(ms: number): void {
    const target = this.nowMs + ms;
    for (;;) {
      let next: PendingTimer | undefined;
      for (const t of this.timers)
        if (t.atMs <= target && (next === undefined || t.atMs < next.atMs)) next = t;
      if (next === undefined) break;
      this.timers = this.timers.filter((t) => t !== next);
      this.nowMs = next.atMs;
      next.callback();
    }
    this.nowMs = target;
  }
}
