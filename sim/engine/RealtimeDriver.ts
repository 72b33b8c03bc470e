import type { ModelClock } from './ModelClock.js';
import type { Simulation } from './Simulation.js';

/** The timers the driver arms (injected in tests, so nothing waits on a real clock). */
export interface TimerHost {
  set(callback: () => void, delayMs: number): unknown;
  clear(handle: unknown): void;
}

export const NODE_TIMERS: TimerHost = {
  set: (callback, delayMs) => {
    const timer = setTimeout(callback, delayMs);
    // The server (or the caller) keeps the process alive, not the model's calendar.
    timer.unref();
    return timer;
  },
  clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/**
 * SimPy's RealtimeEnvironment: the same simulation and processes as a batch run, only the clock
 * differs. Events run when the model clock (start + wall elapsed x time scale) has reached them, each
 * at its own model time, so a late timer does not distort waits; ONE timer is armed for the earliest
 * pending event. External actions (a call arriving over HTTP) go through `act`, which first runs
 * everything due, so they see the state the batch run would see at that instant.
 */
export class RealtimeDriver {
  private timer: unknown;
  private timerAt = Number.POSITIVE_INFINITY;
  private running = false;
  private stopped = false;

  constructor(
    readonly simulation: Simulation,
    readonly clock: ModelClock,
    private readonly timers: TimerHost = NODE_TIMERS,
  ) {
    this.arm();
  }

  get isStopped(): boolean {
    return this.stopped;
  }

  /** Runs every event due by `nowS`, in (time, sequence) order; returns the model time now. */
  runDue(nowS: number = this.clock.nowS()): number {
    if (this.stopped) return nowS;
    if (!this.running) {
      this.running = true;
      try {
        const simulation = this.simulation;
        const calendar = simulation.calendar;
        while (calendar.length > 0 && calendar.peekTime() <= nowS && !this.stopped) simulation.step();
        if (nowS > simulation.now) simulation.advance(nowS);
      } finally {
        this.running = false;
      }
    }
    this.arm();
    return nowS;
  }

  /** Runs what is due, then `action` at the model time now; re-arms the timer for what it scheduled. */
  act<T>(action: (nowS: number) => T): T {
    const now = this.runDue();
    const result = action(now);
    this.arm();
    return result;
  }

  /** Re-arms the timer from the clock as it is now (after the clock started or jumped). */
  rearm(): void {
    this.disarm();
    this.arm();
  }

  /** Stops for good: no timer, no more events. */
  stop(): void {
    this.stopped = true;
    this.disarm();
  }

  private arm(): void {
    if (this.stopped || this.running) return;
    const next = this.simulation.calendar.peekTime();
    if (next === Number.POSITIVE_INFINITY) {
      this.disarm();
      return;
    }
    if (this.timer !== undefined && this.timerAt === next) return;
    this.disarm();
    // Timers may fire early by rounding; runDue then finds nothing due and re-arms.
    const delayMs = Math.max(0, Math.ceil(this.clock.wallMsUntil(next)));
    this.timerAt = next;
    this.timer = this.timers.set(() => {
      this.timer = undefined;
      this.timerAt = Number.POSITIVE_INFINITY;
      this.runDue();
    }, delayMs);
  }

  private disarm(): void {
    if (this.timer !== undefined) this.timers.clear(this.timer);
    this.timer = undefined;
    this.timerAt = Number.POSITIVE_INFINITY;
  }
}
