// The check-in replay's logic, free of k6 imports (unit-tested in Node): who uploads and from where
// (drawn in Node, so k6 draws nothing), how often and how long a client polls, and what one upload
// and its polls measured.

import { createStream } from '../../../sim/rng/createStream.js';

/** One planned upload: the person (an index into the monitored population) and the geolocation sent. */
export interface CheckinUploadPlan {
  person: number;
  lat: number;
  lon: number;
}

/** A planned upload and when it is sent after its prompt. */
export interface TimedCheckinUpload extends CheckinUploadPlan {
  /** Model seconds from the prompt to the upload (the person's response delay, within the deadline). */
  delayS: number;
}

/** Home of the replay's people: Moscow's centre; each upload is within about 20 km of it. */
const HOME = { lat: 55.7558, lon: 37.6173, spread: 0.2 };

/**
 * `count` uploads by people of a population of `people`: a person uniformly at random (stream
 * `checkin.person`), a position around HOME (stream `checkin.location`). The simulator draws neither
 * (its check-ins carry no person or place), so these are the replay's own streams; the model decides
 * the outcome (geolocation wrong, photo not identified...) whatever is sent.
 */
export function drawCheckinUploads(
  count: number,
  people: number,
  seed: number | string,
): CheckinUploadPlan[] {
  const personRng = createStream(seed, 'checkin.person', 0);
  const locationRng = createStream(seed, 'checkin.location', 0);
  const round = (x: number) => Math.round(x * 1e5) / 1e5;
  return Array.from({ length: count }, () => ({
    person: Math.floor(personRng() * Math.max(1, people)),
    lat: round(HOME.lat + (locationRng() - 0.5) * HOME.spread),
    lon: round(HOME.lon + (locationRng() - 0.5) * HOME.spread),
  }));
}

/** How the client polls GET /v1/checkins/:id: every `everyMs` wall ms, at most `maxPolls` times. */
export interface CheckinPolling {
  everyMs: number;
  maxPolls: number;
}

/** Wall ms between polls at least (a high time scale must not turn polling into a flood). */
export const MIN_POLL_MS = 50;

/**
 * Polls every `everyS` model seconds (compressed by the time scale, at least MIN_POLL_MS of wall
 * time), for at most `forS` model seconds after the upload.
 */
export function checkinPolling(everyS: number, forS: number, timeScale: number): CheckinPolling {
  const everyMs = Math.max(MIN_POLL_MS, Math.round((everyS / timeScale) * 1000));
  const forMs = (forS / timeScale) * 1000;
  return { everyMs, maxPolls: Math.max(1, Math.ceil(forMs / everyMs)) };
}

/** How one upload ended for the client. */
export type CheckinOutcome = 'verified' | 'failed' | 'underReview' | 'pending' | 'error';
export const CHECKIN_OUTCOMES: readonly CheckinOutcome[] = [
  'verified',
  'failed',
  'underReview',
  'pending',
  'error',
];

/** One upload as the client measured it. */
export interface MeasuredUpload {
  outcome: CheckinOutcome;
  /** Why it failed (outcome failed). */
  mode: string | null;
  /**
   * Model seconds from the upload to the decision, from the status's own times (updatedAtS -
   * submittedAtS: polling every few seconds cannot time a 10-second verification); null undecided.
   */
  decisionS: number | null;
  /** Whether a poll saw it under review (a lower bound on the check-ins sent to review). */
  sawReview: boolean;
  /** Polls made. */
  polls: number;
  error?: string;
}

/** What the client does after an answer: poll again (after the polling interval) or stop. */
export type NextStep = 'poll' | 'done';

/**
 * The client of one check-in: reads the upload's answer (202 + status), then each poll's, until the
 * status is final (verified, failed) or the polls run out (then the last status seen is its outcome).
 */
export class CheckinUploadTracker {
  private result: MeasuredUpload | null = null;
  private last: 'pending' | 'underReview' = 'pending';
  private sawReview = false;
  private polls = 0;
  private id: string | null = null;

  constructor(private readonly maxPolls: number) {}

  /** The status path to poll (from the upload's answer). */
  get statusId(): string | null {
    return this.id;
  }

  get measured(): MeasuredUpload | null {
    return this.result;
  }

  /** The answer to POST /v1/checkins. */
  onUpload(httpStatus: number, body: string): NextStep {
    if (httpStatus !== 202) return this.fail(`upload answered ${httpStatus}`);
    const state = parseState(body);
    if (state === null || typeof state.id !== 'string') return this.fail('upload answer has no id');
    this.id = state.id;
    return this.onState(state);
  }

  /** The answer to GET /v1/checkins/:id. */
  onPoll(httpStatus: number, body: string): NextStep {
    if (this.result !== null) return 'done';
    this.polls++;
    if (httpStatus !== 200) return this.fail(`status answered ${httpStatus}`);
    const state = parseState(body);
    if (state === null) return this.fail('status answer is not JSON');
    return this.onState(state);
  }

  private onState(state: StateBody): NextStep {
    const { status } = state;
    if (status === 'verified' || status === 'failed') {
      const decisionS =
        typeof state.updatedAtS === 'number' && typeof state.submittedAtS === 'number'
          ? Math.max(0, state.updatedAtS - state.submittedAtS)
          : null;
      const mode = status === 'failed' && typeof state.mode === 'string' ? state.mode : null;
      this.finish(status, mode, decisionS);
      return 'done';
    }
    if (status !== 'pending' && status !== 'underReview')
      return this.fail(`unknown status ${String(status)}`);
    this.last = status;
    if (status === 'underReview') this.sawReview = true;
    if (this.polls >= this.maxPolls) {
      this.finish(this.last, null, null);
      return 'done';
    }
    return 'poll';
  }

  private fail(why: string): NextStep {
    this.finish('error', null, null);
    this.result!.error = why;
    return 'done';
  }

  private finish(outcome: CheckinOutcome, mode: string | null, decisionS: number | null): void {
    this.result = { outcome, mode, decisionS, sawReview: this.sawReview, polls: this.polls };
  }
}

interface StateBody {
  id?: unknown;
  status?: unknown;
  mode?: unknown;
  submittedAtS?: unknown;
  updatedAtS?: unknown;
}

function parseState(body: string): StateBody | null {
  try {
    const value = JSON.parse(body) as unknown;
    return typeof value === 'object' && value !== null ? (value as StateBody) : null;
  } catch {
    return null;
  }
}
