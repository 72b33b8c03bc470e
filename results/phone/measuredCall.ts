// Phone's facts in a k6 run: the calls k6 measured and the server's self-report beside them.

export interface MeasuredCall {
  /** Scenario interval index (tag `interval`). */
  interval: number;
  /** answered, abandoned, blocked, closed, selfServed or error. */
  outcome: string;
  /** Model seconds (0 when the target did not report one). */
  waitS: number;
  /** A caller calling again (tag attempt=retrial). */
  retrial: boolean;
  /** The server's own outcome from its reply (tag server_outcome); 'none' when it gave none (hang-up). */
  serverOutcome?: string;
  /** The call's id (sample metadata call_id), for reconciling with the target's log. */
  callId?: string;
}

/** The server's self-report (a cross-check of the client's measurement). */
export interface ServerReported {
  /** Outcome in the server's reply. */
  outcome: string;
  /** Wait the server reported, model seconds. */
  waitS: number;
}

/** Phone's part of a K6Measurement (`channels.phone`). */
export interface MeasuredCalls {
  /** call_wait_s samples: every call, first attempts and retrials. */
  calls: MeasuredCall[];
  /** server_wait_s samples: calls whose reply carried a wait. */
  serverReported: ServerReported[];
  /** wait_gap_s samples: client wait minus server wait, calls answered on both sides. */
  waitGapsS: number[];
}
