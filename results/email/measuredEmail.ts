// E-mail's facts in a k6 run: the e-mails k6 submitted and polled, as their k6 samples carry them.

/** How an e-mail of a replay ended, as the client saw it when it stopped polling. */
export type EmailOutcome = 'answered' | 'overdue' | 'pending' | 'error';

/** One submitted e-mail (metric `emails`, tagged with the interval it was received in). */
export interface MeasuredEmail {
  interval: number;
  /**
   * answered; overdue (unanswered and past its target when polling ended); pending (unanswered, not
   * yet past it: no verdict); error (the submit failed, or its status could not be read).
   */
  outcome: EmailOutcome | string;
}

/** A duration of one e-mail, with the interval it was received in. */
export interface EmailDuration {
  interval: number;
  /** Model seconds. */
  s: number;
}

/** E-mail's part of a K6Measurement (`channels.email`). */
export interface MeasuredEmails {
  emails: MeasuredEmail[];
  /** Answered e-mails' response on the working-hours clock (email_response_working_h). */
  responsesWorking: EmailDuration[];
  /** Answered e-mails' response on the calendar (email_response_h). */
  responses: EmailDuration[];
  /** Opened e-mails' wait in the backlog until an agent opened them (email_wait_s). */
  waits: EmailDuration[];
  /** The interval each answer was sent in, by the mock's model time (email_answers): a flow. */
  answers: number[];
}
