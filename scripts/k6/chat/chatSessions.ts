// The chat replay's logic, free of k6 imports (unit-tested in Node): the residents' plans drawn in
// Node from the simulator's streams (so k6 has no RNG), the resident's state machine over the
// WebSocket frames of GET /v1/chat, and one session as the k6 samples of the chat metrics.
import type { ChatModel } from '../../../sim/channels/chat/ChatModel.js';
// Its channel's declaration directly, not the registry (which k6's bundle must not carry).
import { CHAT_METRICS_DECLARATION } from '../../../sim/channels/chat/chatMetricSpecs.js';
import { type ServiceLevelCounts, serviceLevelDenominator } from '../../../sim/metrics/serviceLevel.js';
import { createStream } from '../../../sim/rng/createStream.js';

/** One resident: how many messages, the think time after each reply, the patience for each later reply. */
export interface ChatSessionPlan {
  /** Messages in all (the first opens the session). */
  messages: number;
  /** Model seconds between reply k (1-based) and message k + 1, for k < messages. */
  thinkS: number[];
  /** Model seconds the resident waits for reply k + 1 (k >= 1) before leaving; -1: for ever. */
  replyPatienceS: number[];
}

/**
 * The residents of `count` sessions, drawn from the simulator's streams (`chat.messages`,
 * `chat.thinkTime`, `chat.replyPatience`, replication 0), session by session.
 */
export function drawChatSessions(chat: ChatModel, count: number, seed: number | string): ChatSessionPlan[] {
  const messagesRng = createStream(seed, 'chat.messages', 0);
  const thinkRng = createStream(seed, 'chat.thinkTime', 0);
  const patienceRng = createStream(seed, 'chat.replyPatience', 0);
  const round = (s: number) => Math.round(s * 1000) / 1000;
  return Array.from({ length: count }, () => {
    const messages = chat.messages.sample(messagesRng);
    const thinkS: number[] = [];
    const replyPatienceS: number[] = [];
    for (let k = 1; k < messages; k++) {
      thinkS.push(round(chat.thinkTime === null ? 0 : chat.thinkTime.sample(thinkRng)));
      const patience = chat.replyPatience === null ? -1 : chat.replyPatience.sample(patienceRng);
      replyPatienceS.push(Number.isFinite(patience) ? round(patience) : -1);
    }
    return { messages, thinkS, replyPatienceS };
  });
}

// --- the resident over the socket -----------------------------------------------------------------

export type ChatSessionOutcome = 'closed' | 'abandoned' | 'left' | 'completed' | 'error';

/** What the client does next. */
export type ResidentAction =
  | { kind: 'send'; frame: { type: 'open'; sessionId: string } | { type: 'message' } | { type: 'close' } }
  | { kind: 'timer'; timer: 'think' | 'patience'; delayMs: number }
  | { kind: 'cancel'; timer: 'patience' }
  | { kind: 'end' };

/** One session as the client measured it on its own clock (model seconds = wall x time scale). */
export interface MeasuredChatSession {
  outcome: ChatSessionOutcome;
  /** Whether a first reply came. */
  answered: boolean;
  /** First response if answered, otherwise the time from opening to the end of the session. */
  waitS: number;
  /** Every reply's time from the message it answers (the first one's from opening). */
  replyS: number[];
  error?: string;
}

/**
 * The resident of one session: opens, waits for each reply, thinks, writes again, leaves when a later
 * reply takes longer than its patience, closes after the last reply. Drive it with the wall clock
 * (ms) and the server's frames; it says what to send and which timers to arm.
 */
export class ChatResident {
  private openedAtMs = 0;
  private messageAtMs = 0;
  private repliesSeen = 0;
  private firstS: number | null = null;
  private readonly replies: number[] = [];
  private result: MeasuredChatSession | null = null;
  private closing = false;

  constructor(
    private readonly plan: ChatSessionPlan,
    private readonly timeScale: number,
    private readonly sessionId: string,
  ) {}

  get measured(): MeasuredChatSession | null {
    return this.result;
  }

  start(nowMs: number): ResidentAction[] {
    this.openedAtMs = nowMs;
    this.messageAtMs = nowMs;
    return [{ kind: 'send', frame: { type: 'open', sessionId: this.sessionId } }];
  }

  /** A frame from the server (its text). */
  onFrame(text: string, nowMs: number): ResidentAction[] {
    if (this.result !== null) return [];
    let frame: { type?: unknown; outcome?: unknown; message?: unknown; error?: unknown };
    try {
      frame = JSON.parse(text);
    } catch {
      return this.fail('frame is not JSON', nowMs);
    }
    switch (frame.type) {
      case 'opened':
        return [];
      case 'reply': {
        this.repliesSeen++;
        const s = this.model(nowMs - this.messageAtMs);
        this.replies.push(s);
        if (this.repliesSeen === 1) this.firstS = this.model(nowMs - this.openedAtMs);
        if (this.closing) return [];
        const actions: ResidentAction[] = [{ kind: 'cancel', timer: 'patience' }];
        if (this.repliesSeen >= this.plan.messages) {
          this.closing = true;
          actions.push({ kind: 'send', frame: { type: 'close' } });
        } else {
          const thinkS = this.plan.thinkS[this.repliesSeen - 1] ?? 0;
          actions.push({ kind: 'timer', timer: 'think', delayMs: (thinkS / this.timeScale) * 1000 });
        }
        return actions;
      }
      case 'closed': {
        const outcome = frame.outcome;
        if (outcome !== 'closed' && outcome !== 'abandoned' && outcome !== 'left' && outcome !== 'completed')
          return this.fail(`unknown outcome ${JSON.stringify(outcome)}`, nowMs);
        this.finish(outcome, nowMs);
        return [{ kind: 'cancel', timer: 'patience' }, { kind: 'end' }];
      }
      case 'error':
        return this.fail(`server error ${String(frame.error)}`, nowMs);
      default:
        return this.fail(`unknown frame ${JSON.stringify(frame.type)}`, nowMs);
    }
  }

  /** A timer armed by an action fired. */
  onTimer(timer: 'think' | 'patience', nowMs: number): ResidentAction[] {
    if (this.result !== null || this.closing) return [];
    if (timer === 'patience') {
      this.closing = true;
      return [{ kind: 'send', frame: { type: 'close' } }];
    }
    this.messageAtMs = nowMs;
    const actions: ResidentAction[] = [{ kind: 'send', frame: { type: 'message' } }];
    const patienceS = this.plan.replyPatienceS[this.repliesSeen - 1] ?? -1;
    if (patienceS >= 0)
      actions.push({ kind: 'timer', timer: 'patience', delayMs: (patienceS / this.timeScale) * 1000 });
    return actions;
  }

  /** The socket closed or failed without a closed frame (or the session timed out). */
  onGone(nowMs: number, why: string): ResidentAction[] {
    return this.result === null ? this.fail(why, nowMs) : [];
  }

  private fail(why: string, nowMs: number): ResidentAction[] {
    this.finish('error', nowMs);
    this.result!.error = why;
    return [{ kind: 'cancel', timer: 'patience' }, { kind: 'end' }];
  }

  private finish(outcome: ChatSessionOutcome, nowMs: number): void {
    this.result = {
      outcome,
      answered: this.firstS !== null,
      waitS: this.firstS ?? this.model(nowMs - this.openedAtMs),
      replyS: this.replies,
    };
  }

  private model(wallMs: number): number {
    return (Math.max(0, wallMs) / 1000) * this.timeScale;
  }
}

// --- one session as k6 samples --------------------------------------------------------------------

/** The chat metrics a replay records as k6 Rates, from the registry (first-response SLs, abandon rate). */
export const CHAT_RATE_METRICS = CHAT_METRICS_DECLARATION.metrics.filter((s) => s.k6?.stat === 'rate');

/**
 * One session's contributions to the chat Rates by metric name: 1/0, or null when the session is not
 * in that rate's denominator (the same denominators as measureChat in results/chat/k6ChatResults.ts).
 */
export function chatSessionRates(
  session: MeasuredChatSession,
  thresholdS: number,
): Record<string, 0 | 1 | null> {
  const abandoned = session.outcome === 'abandoned' && !session.answered;
  const late = session.waitS > thresholdS;
  const counts: ServiceLevelCounts = {
    answeredWithinT: session.answered && !late ? 1 : 0,
    answered: session.answered ? 1 : 0,
    abandoned: abandoned ? 1 : 0,
    abandonedAfterT: abandoned && late ? 1 : 0,
  };
  const rates: Record<string, 0 | 1 | null> = {};
  for (const spec of CHAT_RATE_METRICS) {
    if (spec.serviceLevel !== null) {
      rates[spec.name] =
        serviceLevelDenominator(spec.serviceLevel, counts) > 0 ? (counts.answeredWithinT as 0 | 1) : null;
    } else if (spec.name === 'abandonRate') {
      rates[spec.name] = counts.answered + counts.abandoned > 0 ? (counts.abandoned as 0 | 1) : null;
    } else throw new Error(`chat metric ${spec.name} is a k6 Rate but the replay cannot measure it`);
  }
  return rates;
}
