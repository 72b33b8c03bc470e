// How a call ends waiting, as the phone process reports it to an observer (the mocks' transport, the
// lockstep test). Batch runs have no observer and only count.

export type PhoneOutcome = 'answered' | 'abandoned' | 'blocked' | 'closed' | 'selfServed';
export const PHONE_OUTCOMES: readonly PhoneOutcome[] = [
  'answered',
  'abandoned',
  'blocked',
  'closed',
  'selfServed',
];

/** Why an abandoned call left: its patience ran out, or the caller hung up (an external action). */
export type AbandonReason = 'patience' | 'hangUp';

export interface PhoneOutcomeRecord {
  readonly contactId: number;
  readonly outcome: PhoneOutcome;
  /** Model time of the outcome. */
  readonly atS: number;
  /** Model seconds in queue (0 for calls that never queued). */
  readonly waitS: number;
  /** Agent who answered; -1 unless answered. */
  readonly agent: number;
  /** Priority class index. */
  readonly klass: number;
  /** Interval index at arrival. */
  readonly interval: number;
  /** Talk time of an answered call, model seconds; 0 otherwise. */
  readonly talkS: number;
  /** Attempt number (1 = first call). */
  readonly attempt: number;
  readonly reason: AbandonReason | null;
}

export interface PhoneObserver {
  /** A contact arrived (first attempt or retrial), before anything happened to it. */
  arrived?(contactId: number, atS: number, klass: number, attempt: number): void;
  outcome(record: PhoneOutcomeRecord): void;
}

/** What a caller from outside may set; every other draw comes from the scenario's streams. */
export interface PhoneOffer {
  /** Priority class index; drawn from the shares when undefined. */
  readonly klass?: number;
  /** Model seconds of patience; the class's draw when undefined. */
  readonly patienceS?: number;
  /** Attempt number (1 when undefined). */
  readonly attempt?: number;
}
