import type { Distribution } from '../../distributions/Distribution.js';

/** The outbound channel, frozen: durations in seconds, distributions as objects. */
export interface OutboundModel {
  /** Numbers put on the list per day of the horizon (after `scale`); loaded at `loadInterval[d]`. */
  readonly numbersPerDay: Float64Array;
  /** Interval index (over the horizon) where day d's list is loaded: its first dialling interval; -1: none. */
  readonly loadInterval: Int32Array;
  /** 1 where dials may start in that interval (the dialling window). */
  readonly open: Uint8Array;
  /** What happens to numbers not yet reached when the window closes. */
  readonly leftover: 'carry' | 'drop';
  readonly maxAttempts: number;
  readonly connectProbability: number;
  readonly retryDelay: Distribution;
  /** How long a failed attempt (no answer, busy, voicemail) occupies the agent. */
  readonly noAnswerTime: Distribution;
  readonly talkTime: Distribution;
  readonly afterCallWork: Distribution | null;
  /** T: idle agents (of the outbound groups) that must stay idle when an agent starts a dial. */
  readonly reserveIdleAgents: number;
  /** The campaign targets; `variant` is the registry's metric, e.g. reachedSlOffered. */
  readonly targets: {
    readonly variant: string;
    readonly thresholdS: number;
    readonly goal: number;
    readonly maxAbandonRate: number | null;
    readonly maxAsaS: null;
  };
}
