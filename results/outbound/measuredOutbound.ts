// Outbound's facts in a k6 run: the dials k6's callees claimed, as their k6 samples carry them.

/** One claimed dial (metric `outbound_dials`, tagged with the interval the dial started in). */
export interface MeasuredDial {
  interval: number;
  /** answered; declined; missed (the answer came after the ring-out); error (a request failed). */
  outcome: string;
}

/** Outbound's part of a K6Measurement (`channels.outbound`). */
export interface MeasuredOutbound {
  dials: MeasuredDial[];
  /** The interval each number reached ended in (after the agent's wrap-up): `outbound_completed`. */
  completed: number[];
  /** The interval each number given up rang out in (no contact on its last attempt): `outbound_failed`. */
  failed: number[];
}
