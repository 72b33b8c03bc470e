// Chat's facts in a k6 run: the sessions and replies k6 measured.

/** One chat session of a replay (metric chat_session_wait_s). */
export interface MeasuredSession {
  interval: number;
  /** closed, abandoned, left, completed or error. */
  outcome: string;
  /** Whether a first reply came. */
  answered: boolean;
  /** Model seconds: the first response when answered, otherwise the time to the session's end. */
  waitS: number;
}

/** Chat's part of a K6Measurement (`channels.chat`). */
export interface MeasuredChat {
  sessions: MeasuredSession[];
  /** Every reply's time (model seconds) with its interval (chat_reply_s). */
  replies: { interval: number; s: number }[];
}
