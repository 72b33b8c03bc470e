// The e-mail replay's logic, free of k6 imports (unit-tested in Node): one e-mail's life as the client
// sees it (submit, poll its status until answered or the replay's horizon, what it measured) over an
// injected transport, and the e-mail as the k6 Rates of the e-mail metrics.
// Its channel's declaration directly, not the registry (which k6's bundle must not carry).
import { EMAIL_METRICS_DECLARATION } from '../../../sim/channels/email/emailMetricSpecs.js';
import { type ServiceLevelCounts, serviceLevelDenominator } from '../../../sim/metrics/serviceLevel.js';

/** What POST /v1/emails (202) and GET /v1/emails/:id (200) say about an e-mail; instants are model seconds. */
export interface EmailStatusReply {
  id: string;
  status: string;
  receivedAtS: number;
  dueAtS: number | null;
  openedAtS?: number;
  answeredAtS?: number;
  responseWorkingS?: number;
}

/** An HTTP answer as the replay reads it. */
export interface EmailHttpReply {
  status: number;
  body: string | null;
}

/** How the replay talks to the target and reads the clock (k6's http, sleep and Date.now in k6). */
export interface EmailTransport {
  submit(body: string): EmailHttpReply;
  poll(id: string): EmailHttpReply;
  sleepMs(ms: number): void;
  nowMs(): number;
}

/** When to stop polling one e-mail. */
export interface EmailPolling {
  /** Wall ms between two polls. */
  pollEveryMs: number;
  /** At most this many polls of one e-mail. */
  maxPolls: number;
  /** Wall instant (ms, the transport's clock) of the replay's horizon: the window's end + grace. */
  deadlineMs: number;
  /** Model seconds per wall second. */
  timeScale: number;
}

/** How one e-mail ended for the client (see results/email/measuredEmail.ts for the outcomes). */
export interface RepliedEmail {
  outcome: 'answered' | 'overdue' | 'pending' | 'error';
  /** Model seconds from receipt to the answer on the working-hours clock, as the mock reports it. */
  responseWorkingS: number | null;
  /** Model seconds from receipt to the answer on the calendar. */
  responseS: number | null;
  /** Model seconds from receipt until an agent opened it (null: not seen opened). */
  waitS: number | null;
  /** Model instant of the answer. */
  answeredAtS: number | null;
  polls: number;
  error?: string;
}

/** The submit body the mocks accept (from, subject, body, and the client's own id). */
export function emailPayload(emailId: string): string {
  return JSON.stringify({
    from: `resident-${emailId}@example.org`,
    subject: `Question ${emailId}`,
    body: 'Where is my application? (hotline-harness replay)',
    emailId,
  });
}

/** A reply's e-mail status, or why it is not one. */
export function readEmailStatus(reply: EmailHttpReply, expected: number): EmailStatusReply | string {
  if (reply.status !== expected) return `HTTP ${reply.status} (expected ${expected})`;
  let parsed: Partial<EmailStatusReply>;
  try {
    parsed = JSON.parse(reply.body ?? '');
  } catch {
    return 'reply is not JSON';
  }
  if (typeof parsed.id !== 'string' || typeof parsed.receivedAtS !== 'number')
    return 'reply carries no id and receivedAtS';
  return parsed as EmailStatusReply;
}

/** Wall ms to wait before the next poll (the last one lands on the deadline); null: stop polling. */
export function nextPollDelayMs(nowMs: number, polls: number, polling: EmailPolling): number | null {
  if (polls >= polling.maxPolls || nowMs >= polling.deadlineMs) return null;
  return Math.min(polling.pollEveryMs, polling.deadlineMs - nowMs);
}

/**
 * What the last status says: answered (times from the mock's model instants), or unanswered and
 * overdue when the model time at the last poll is past its due instant, else pending.
 */
export function emailOutcome(status: EmailStatusReply, modelNowS: number, polls: number): RepliedEmail {
  const waitS = status.openedAtS === undefined ? null : status.openedAtS - status.receivedAtS;
  if (status.status === 'answered' && status.answeredAtS !== undefined) {
    return {
      outcome: 'answered',
      responseWorkingS: status.responseWorkingS ?? null,
      responseS: status.answeredAtS - status.receivedAtS,
      waitS,
      answeredAtS: status.answeredAtS,
      polls,
    };
  }
  const overdue = status.dueAtS !== null && modelNowS > status.dueAtS;
  return {
    outcome: overdue ? 'overdue' : 'pending',
    responseWorkingS: null,
    responseS: null,
    waitS,
    answeredAtS: null,
    polls,
  };
}

/**
 * One e-mail: submits it, then polls its status every `pollEveryMs` until it is answered, the
 * deadline passes or `maxPolls` polls were made. A failed poll is retried at the next one; a failed
 * submit or an unreadable or unknown (404) status ends it as an error.
 */
export function replayEmail(transport: EmailTransport, emailId: string, polling: EmailPolling): RepliedEmail {
  const submittedAtMs = transport.nowMs();
  const submitted = readEmailStatus(transport.submit(emailPayload(emailId)), 202);
  if (typeof submitted === 'string') return failed(`submit: ${submitted}`, 0);
  let status = submitted;
  let polls = 0;
  let lastMs = submittedAtMs;
  while (status.status !== 'answered') {
    const delay = nextPollDelayMs(transport.nowMs(), polls, polling);
    if (delay === null) break;
    if (delay > 0) transport.sleepMs(delay);
    polls++;
    const reply = transport.poll(status.id);
    if (reply.status === 404) return failed(`status: ${status.id} unknown to the target`, polls);
    const read = readEmailStatus(reply, 200);
    if (typeof read === 'string') continue;
    status = read;
    lastMs = transport.nowMs();
  }
  const modelNowS = submitted.receivedAtS + ((lastMs - submittedAtMs) / 1000) * polling.timeScale;
  return emailOutcome(status, modelNowS, polls);
}

function failed(error: string, polls: number): RepliedEmail {
  return {
    outcome: 'error',
    responseWorkingS: null,
    responseS: null,
    waitS: null,
    answeredAtS: null,
    polls,
    error,
  };
}

// --- one e-mail as k6 samples ---------------------------------------------------------------------

/** The e-mail metrics a replay records as k6 Rates, from its declaration (the working-hours SLs). */
export const EMAIL_RATE_METRICS = EMAIL_METRICS_DECLARATION.metrics.filter((s) => s.k6?.stat === 'rate');

/**
 * One e-mail's contributions to the e-mail Rates by metric name: 1/0, or null when the e-mail is not
 * in that rate's denominator (the same counts as emailCounterRow in results/email/k6EmailResults.ts:
 * a pending e-mail has no verdict yet, an overdue one counts as past its target).
 */
export function emailRates(email: RepliedEmail, thresholdS: number): Record<string, 0 | 1 | null> {
  const answered = email.outcome === 'answered';
  const counts: ServiceLevelCounts = {
    answeredWithinT: answered && (email.responseWorkingS ?? Number.POSITIVE_INFINITY) <= thresholdS ? 1 : 0,
    answered: answered ? 1 : 0,
    abandoned: email.outcome === 'overdue' || email.outcome === 'pending' ? 1 : 0,
    abandonedAfterT: email.outcome === 'overdue' ? 1 : 0,
  };
  const rates: Record<string, 0 | 1 | null> = {};
  for (const spec of EMAIL_RATE_METRICS) {
    if (spec.serviceLevel === null)
      throw new Error(`email metric ${spec.name} is a k6 Rate but the replay cannot measure it`);
    rates[spec.name] =
      serviceLevelDenominator(spec.serviceLevel, counts) > 0 ? (counts.answeredWithinT as 0 | 1) : null;
  }
  return rates;
}

/** The interval (index over the scenario calendar) a model instant falls in. */
export function intervalAt(modelS: number, intervalS: number): number {
  return Math.floor(modelS / intervalS);
}
