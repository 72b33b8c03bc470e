// The check-in channel's facts in a k6 run: the uploads k6 made and what their polls saw.

/** One check-in upload of a replay (metric checkin_decision_s, one sample per upload). */
export interface MeasuredCheckinUpload {
  /** The interval it was uploaded in (scenario index). */
  interval: number;
  /** verified, failed, underReview, pending (polls ran out) or error. */
  outcome: string;
  /** Why it failed (outcome failed), e.g. geolocationWrong; null otherwise. */
  mode: string | null;
  /** Model seconds from upload to decision (verified or failed); null undecided. */
  decisionS: number | null;
  /** Whether a poll saw it under review. */
  sawReview: boolean;
}

/** The check-in channel's part of a K6Measurement (`channels.checkin`). */
export interface MeasuredCheckin {
  uploads: MeasuredCheckinUpload[];
}
