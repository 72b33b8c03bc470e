// Couplings are events (DESIGN.md): a contact one channel causes in another (a failed check-in that
// becomes a phone call, a portal applicant who asks support) is offered to that channel's process in
// the same run, at the model time it happens, with its cause. The causing channel schedules the
// delay in its own events and counts what it caused by cause; the receiving channel treats the
// contact as one of its own (queue, patience, retrials) and counts how many it was offered.

/** A channel process that takes contacts caused by other channels. */
export interface CausedContactTarget {
  /**
   * A contact caused at model time `t` (the run's time now). `cause` names why: the receiving channel
   * may route on it (phone: a class of that name takes it), and counts it as caused either way.
   */
  acceptCaused(t: number, cause: string): void;
}

/** What a process is given to offer contacts to the other channels of its run. */
export interface Couplings {
  /** True when the run has `channel` and it takes caused contacts (then the contact was offered). */
  accepts(channel: string): boolean;
  /** Offers a contact to `channel` now; false (nothing offered) when `accepts(channel)` is false. */
  offer(channel: string, t: number, cause: string): boolean;
}

function isTarget(process: unknown): process is CausedContactTarget {
  return typeof (process as Partial<CausedContactTarget> | undefined)?.acceptCaused === 'function';
}

/**
 * Couplings over a run's processes by channel. Looked up at offer time, not at creation: processes
 * are created in list order, so a channel may cause contacts in one created after it.
 */
export function createCouplings(processes: Readonly<Record<string, unknown>>): Couplings {
  return {
    accepts: (channel) => isTarget(processes[channel]),
    offer(channel, t, cause) {
      const target = processes[channel];
      if (!isTarget(target)) return false;
      target.acceptCaused(t, cause);
      return true;
    },
  };
}
