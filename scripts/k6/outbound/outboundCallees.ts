// The outbound replay's logic, free of k6 imports (unit-tested in Node). The k6 client plays the
// people called (the callee service): the mocks' model dials (it picks the number, applies the
// blending threshold, occupies the agent); a dial rings until a callee claims it. Each callee's
// decision (answer or not, with the scenario's connect probability) and talk time are drawn in Node
// from the replay's own streams, one per claim (k6's iteration number in the callee scenario, unique
// across VUs and segments), so k6 draws nothing. The decision is known before the claim, so the claim
// itself answers or declines at the instant the dial is handed over: no request's latency between the
// ring and the answer (on a busy machine that latency made answers arrive after the ring-out). The
// draws are independent of which dial a claim gets, so the answers are Bernoulli(p) whatever the timing.
import type { Distribution } from '../../../sim/distributions/Distribution.js';
import { createStream } from '../../../sim/rng/createStream.js';

/** The callee of one dial: whether it answers, and how long it talks (model seconds) if it does. */
export interface CalleePlan {
  answers: boolean;
  talkS: number;
}

/**
 * `count` callees: answers with probability `connectProbability` (stream `outbound.calleeAnswers`),
 * talk time from the scenario's `talkTime` (stream `outbound.calleeTalkTime`, drawn for every callee
 * so one callee's talk does not depend on the others' answers). The simulator's own streams
 * (`outbound.connect`, `outbound.talkTime`) are not reused: the window's dials are not the run's first.
 */
export function drawCallees(
  count: number,
  connectProbability: number,
  talkTime: Distribution,
  seed: number | string,
): CalleePlan[] {
  const answersRng = createStream(seed, 'outbound.calleeAnswers', 0);
  const talkRng = createStream(seed, 'outbound.calleeTalkTime', 0);
  return Array.from({ length: count }, () => ({
    answers: answersRng() < connectProbability,
    talkS: Math.round(talkTime.sample(talkRng) * 1000) / 1000,
  }));
}

/** The callee of claim `n` (k6's iteration number; the plans repeat past their end). */
export function calleeOf(
  plans: { readonly length: number; readonly [n: number]: CalleePlan },
  n: number,
): CalleePlan {
  return plans[((n % plans.length) + plans.length) % plans.length]!;
}

/** A dial as the mocks' callee routes show it (model instants in seconds). */
export interface RungDial {
  id: number;
  attempt: number;
  startedAtS: number;
  state: string;
  ring: number;
  ringsOutAtS?: number;
  declined?: boolean;
  answeredAtS?: number;
  hungUpAtS?: number;
  endsAtS?: number;
}

/** An HTTP answer as the replay reads it. */
export interface CalleeHttpReply {
  status: number;
  body: string | null;
}

/** How a callee talks to the target and reads the clock (k6's http, sleep and Date.now in k6). */
export interface CalleeTransport {
  /** Claims a ringing dial and answers (true) or declines (false) it in the same request. */
  claim(waitMs: number, answer: boolean): CalleeHttpReply;
  answer(id: number): CalleeHttpReply;
  hangUp(id: number): CalleeHttpReply;
  noAnswer(id: number): CalleeHttpReply;
  sleepMs(ms: number): void;
  nowMs(): number;
}

/** How one claimed dial ended for its callee. */
export type CalleeOutcome = 'answered' | 'declined' | 'missed' | 'error';

/** One claimed dial as its callee measured it (model instants from the mocks' replies). */
export interface ServedDial {
  dial: RungDial;
  outcome: CalleeOutcome;
  /** Model seconds from the ring's start to the answer (answered only). */
  answerDelayS: number | null;
  /** Model seconds from the answer to the hang-up, as the mock timed them (answered and hung up). */
  talkS: number | null;
  /** Whether the callee hung up before its talk time was over: the replay's end came first. */
  cutShort: boolean;
  /** Model instant the dial ends: after the agent's wrap-up (answered) or at its ring-out (declined, missed). */
  endsAtS: number | null;
  error?: string;
}

/** What a claim gave: a dial, none rang in time (204), or an error (then the callee pauses). */
export type ClaimResult = { dial: RungDial } | { none: true } | { error: string };

/** Wall ms a claim may wait: up to `maxWaitMs`, never past the deadline; null when it is past. */
export function claimWaitMs(nowMs: number, deadlineMs: number, maxWaitMs: number): number | null {
  if (nowMs >= deadlineMs) return null;
  return Math.max(0, Math.min(maxWaitMs, Math.floor(deadlineMs - nowMs)));
}

export function readDial(reply: CalleeHttpReply): RungDial | string {
  if (reply.status !== 200) return `HTTP ${reply.status}`;
  try {
    const dial = JSON.parse(reply.body ?? '') as Partial<RungDial>;
    if (typeof dial.id !== 'number' || typeof dial.startedAtS !== 'number') return 'reply carries no dial';
    return dial as RungDial;
  } catch {
    return 'reply is not JSON';
  }
}

export function claimDial(transport: CalleeTransport, waitMs: number, answer: boolean): ClaimResult {
  const reply = transport.claim(waitMs, answer);
  if (reply.status === 204) return { none: true };
  const dial = readDial(reply);
  return typeof dial === 'string' ? { error: `claim: ${dial}` } : { dial };
}

/**
 * The callee of a claimed dial: declines it (it rings out at the model's no-answer time), or answers,
 * holds the line for its talk time (compressed by the time scale) and hangs up. A claim that carried
 * the decision comes back already answered (`talking`) or declined; a dial still `ringing` is
 * answered or declined here. A dial that rang out first, or an answer refused with 409, is missed.
 * A line is held no later than `holdUntilMs`
 * (the replay's end): a dial whose talk would end after it ends after the window anyway (so is not
 * measured), and the replay does not keep the mocks dialling unanswered numbers while it waits.
 */
export function serveDial(
  transport: CalleeTransport,
  dial: RungDial,
  callee: CalleePlan,
  timeScale: number,
  holdUntilMs = Number.POSITIVE_INFINITY,
): ServedDial {
  const served = (outcome: CalleeOutcome, more: Partial<ServedDial> = {}): ServedDial => ({
    dial,
    outcome,
    answerDelayS: null,
    talkS: null,
    cutShort: false,
    endsAtS: null,
    ...more,
  });
  const missed = () => served('missed', { endsAtS: dial.ringsOutAtS ?? null });
  if (dial.state !== 'ringing' && dial.state !== 'talking') return missed();
  if (!callee.answers) {
    if (dial.declined === true) return served('declined', { endsAtS: dial.ringsOutAtS ?? null });
    const declined = readDial(transport.noAnswer(dial.id));
    if (typeof declined !== 'string') return served('declined', { endsAtS: declined.endsAtS ?? null });
    return declined === 'HTTP 409' ? missed() : served('error', { error: `no-answer: ${declined}` });
  }
  const answered = dial.state === 'talking' ? dial : readDial(transport.answer(dial.id));
  if (typeof answered === 'string')
    return answered === 'HTTP 409' ? missed() : served('error', { error: `answer: ${answered}` });
  const answerDelayS = (answered.answeredAtS ?? dial.startedAtS) - dial.startedAtS;
  const talkMs = (callee.talkS / timeScale) * 1000;
  const holdMs = Math.min(talkMs, Math.max(0, holdUntilMs - transport.nowMs()));
  transport.sleepMs(holdMs);
  const hungUp = readDial(transport.hangUp(dial.id));
  if (typeof hungUp === 'string') return served('error', { answerDelayS, error: `hangup: ${hungUp}` });
  return served('answered', {
    answerDelayS,
    cutShort: holdMs < talkMs,
    talkS:
      hungUp.hungUpAtS !== undefined && answered.answeredAtS !== undefined
        ? hungUp.hungUpAtS - answered.answeredAtS
        : null,
    endsAtS: hungUp.endsAtS ?? null,
  });
}

/**
 * A dial that ends without a contact on its last attempt is a number given up (the simulator's
 * `failed`), counted where the dial ends.
 */
export function givesUp(served: ServedDial, maxAttempts: number): boolean {
  return (served.outcome === 'declined' || served.outcome === 'missed') && served.dial.attempt >= maxAttempts;
}

/** The interval (index over the scenario calendar) a model instant falls in. */
export function intervalAt(modelS: number, intervalS: number): number {
  return Math.floor(modelS / intervalS);
}
