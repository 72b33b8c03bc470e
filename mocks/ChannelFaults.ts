import type { ChannelName } from '../sim/channels/index.js';
import type { TimerHost } from '../sim/engine/RealtimeDriver.js';
import type { Faults } from './faults.js';
import { sleep } from './sleep.js';

/** The faults a transport injects, as /metrics and /v1/state count them. */
export const FAULT_KINDS = ['latency', 'error', 'outage'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];
export type FaultCounts = Record<FaultKind, number>;

/** Why a contact is refused by a fault: the error code of its 503/500 or its error frame. */
export type FaultRefusal = 'outage' | 'injected_error';

/**
 * One channel's faults as its transport applies them: the draws (the channel's own streams), how many
 * of each it injected, and the waits, on the mocks' timers (a test injects them and measures an added
 * latency on its own clock). HTTP transports get them through installHttpFaults; chat applies them to
 * its frames.
 */
export class ChannelFaults {
  readonly counts: FaultCounts = { latency: 0, error: 0, outage: 0 };

  constructor(
    readonly channel: ChannelName,
    private readonly faults: Faults,
    /** Model time now: the outage window is in model time. */
    private readonly modelNowS: () => number,
    /** The mocks' timers (chat's frame queue arms its delays on them too). */
    readonly timers: TimerHost,
    /** Aborted at shutdown: a pending wait ends at once. */
    private readonly closing: AbortSignal,
  ) {}

  /** One line per fault configured, for the banner. */
  get descriptions(): readonly string[] {
    return this.faults.descriptions;
  }

  /** Whether latencyMs can be above 0 (without it, senders skip their delay queue). */
  get hasLatency(): boolean {
    return this.faults.hasLatency;
  }

  /**
   * The fault that refuses a contact now, counted: `outage` inside the window, else `injected_error`
   * by the error rate, else null. The error stream is drawn only outside an outage (phone's order).
   */
  refusal(): FaultRefusal | null {
    if (this.faults.hasOutage && this.faults.inOutage(this.modelNowS())) {
      this.counts.outage++;
      return 'outage';
    }
    if (this.faults.injectError()) {
      this.counts.error++;
      return 'injected_error';
    }
    return null;
  }

  /** A draw of the added latency in wall ms (0 without the fault), counted when above 0. */
  latencyMs(): number {
    const ms = this.faults.latencyMs();
    if (ms > 0) this.counts.latency++;
    return ms;
  }

  /** Waits `ms` wall milliseconds on the mocks' timers, or until shutdown. */
  wait(ms: number): Promise<void> {
    return sleep(ms, this.closing, this.timers);
  }
}
