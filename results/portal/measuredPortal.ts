// The portal channel's facts in a k6 run: the submissions k6 made and the status checks it made.

/** One submission of a replay (metric portal_upload_ms, one sample per submission). */
export interface MeasuredSubmission {
  /** The interval it was submitted in (scenario index). */
  interval: number;
  /** received, refusedWrongType, refusedTooBig, refusedBadField or error (by the answer's HTTP status). */
  outcome: string;
  /** The outcome the plan meant (received, or the refusal of a deliberately bad upload). */
  planned: string;
  documents: number;
  /** Wall ms from the request to the answer. */
  uploadMs: number;
}

/** One status check of a replay (metric portal_status_ms, one sample per check). */
export interface MeasuredStatusCheck {
  /** The interval it was made in (scenario index). */
  interval: number;
  /** The stage it saw (received, documentsChecked, decided), or error. */
  stage: string;
}

/** The portal channel's part of a K6Measurement (`channels.portal`). */
export interface MeasuredPortal {
  submissions: MeasuredSubmission[];
  statusChecks: MeasuredStatusCheck[];
}
