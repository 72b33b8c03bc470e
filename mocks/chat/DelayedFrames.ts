import type { TimerHost } from '../../sim/engine/RealtimeDriver.js';

interface Pending {
  readonly text: string;
  ready: boolean;
  timer: unknown;
}

/**
 * The frames one socket sends, each after its own injected delay but never before an earlier one: a
 * frame goes out at max(its own delay, the previous frame going out), so a `closed` frame never
 * overtakes the `reply` before it. Without delays (no latency fault) a frame is sent at once and
 * nothing is queued.
 */
export class DelayedFrames {
  private readonly queue: Pending[] = [];

  constructor(
    private readonly sendNow: (text: string) => void,
    private readonly timers: TimerHost,
  ) {}

  /** Sends `text` after `delayMs` wall ms (0: as soon as the frames before it are out). */
  send(text: string, delayMs: number): void {
    if (delayMs <= 0 && this.queue.length === 0) {
      this.sendNow(text);
      return;
    }
    const pending: Pending = { text, ready: delayMs <= 0, timer: undefined };
    if (!pending.ready)
      pending.timer = this.timers.set(() => {
        pending.ready = true;
        pending.timer = undefined;
        this.sendReady();
      }, delayMs);
    this.queue.push(pending);
  }

  /** Sends every queued frame now, in order (the mocks stop: nothing is held back). */
  flush(): void {
    for (const pending of this.queue.splice(0)) {
      if (pending.timer !== undefined) this.timers.clear(pending.timer);
      this.sendNow(pending.text);
    }
  }

  /** Drops every queued frame (the socket closed: nobody would read them). */
  drop(): void {
    for (const pending of this.queue.splice(0))
      if (pending.timer !== undefined) this.timers.clear(pending.timer);
  }

  private sendReady(): void {
    while (this.queue.length > 0 && this.queue[0]!.ready) this.sendNow(this.queue.shift()!.text);
  }
}
