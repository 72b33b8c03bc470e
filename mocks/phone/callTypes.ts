// The contract of POST /v1/calls, shared by the ACD, the routes and the tests.

import { PHONE_OUTCOMES, type PhoneOutcome } from '../../sim/channels/phone/PhoneOutcome.js';

export type CallOutcome = PhoneOutcome;
export const CALL_OUTCOMES: readonly CallOutcome[] = PHONE_OUTCOMES;

export type CallCounts = Record<CallOutcome, number>;

export interface CallRequest {
  /** Model seconds the caller waits in queue before abandoning; overrides the class's patience draw. */
  patienceS?: number;
  /** A scenario class name; default: drawn from the class shares. */
  class?: string;
  /** Echoed back, for the client's logs. */
  callId?: string;
}

export interface CallResult {
  outcome: CallOutcome;
  /** Model seconds in queue (0 when the call never queued). */
  waitS: number;
  /** Wall milliseconds in queue. */
  waitMs: number;
  /** Number of the agent who answered; null unless answered. */
  agent: number | null;
  /** Interval index at arrival (within the scenario's horizon). */
  interval: number;
  class: string;
  /** Model seconds of talk for answered calls; null otherwise. */
  talkS: number | null;
  /**
   * Why an "abandoned" call ended other than by its patience: "shutdown" when the mock stopped while
   * the call was held, "hangUp" when the caller hung up (closed the connection).
   */
  reason?: 'shutdown' | 'hangUp';
  callId?: string;
}

/**
 * Who makes a queued caller give up when the request carries no patienceS: 'scenario' (the class's
 * patience draw), or 'client' (nobody but the caller, who hangs up by closing the connection).
 */
export type PatienceSource = 'scenario' | 'client';
