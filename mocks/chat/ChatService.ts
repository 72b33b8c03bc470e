import type { ChatObserver, ChatProcess } from '../../sim/channels/chat/ChatProcess.js';
import { FIRST_EXTERNAL_CONTACT_ID } from '../../sim/engine/externalContacts.js';
import type { ModelService } from '../ModelService.js';
import { ResponseTimeHistogram } from '../ResponseTimeHistogram.js';

/** How a chat session ends, as the chat process says (the names of its k6 `outcome` tag). */
export const CHAT_OUTCOMES = ['closed', 'abandoned', 'left', 'completed'] as const;
export type ChatOutcome = (typeof CHAT_OUTCOMES)[number];
export type ChatCounts = Record<ChatOutcome, number>;

/** Why a client's action is refused (the `error` of an error frame). */
export type ChatRefusal = 'not_open' | 'not_waiting' | 'shutting_down' | 'overloaded';

export interface ChatReply {
  /** 1 for the first reply, then one per message of the resident. */
  message: number;
  /** Model time of the reply. */
  atS: number;
  /** Agent who replied (1-based, as phone's `agent`). */
  agent: number;
  /** Model seconds from opening to the first reply; on message 1 only. */
  firstResponseS?: number;
}

/** What the transport (a WebSocket) hears about one session. */
export interface ChatSessionListener {
  /** The session is in the model (before anything can happen to it). */
  opened(sessionId: string, atS: number): void;
  reply(reply: ChatReply): void;
  /** The session ended: its outcome; reason 'shutdown' when the mocks stopped. */
  closed(outcome: ChatOutcome, atS: number, reason?: 'shutdown'): void;
}

export interface ChatSnapshot {
  /** Sessions waiting for an agent. */
  queued: number;
  /** Sessions held by an agent (replying, or waiting for the resident). */
  inProgress: number;
  /** Sessions open over the transport now. */
  open: number;
  /** Sessions ended, by outcome. */
  sessions: ChatCounts;
}

interface Session {
  readonly sessionId: string;
  readonly openedAtS: number;
  readonly listener: ChatSessionListener;
  /** The socket dropped: the session ends in the model, nobody hears of it. */
  muted: boolean;
}

/**
 * The chat channel's transport: the simulator's chat process in the mocks' one model run (ModelService,
 * the pool shared with phone). The resident is the client: it opens a session, sends each later
 * message and closes; the model's agents reply, and a resident who waits too long in the queue
 * abandons (the model's patience). Replies and outcomes go to the session's listener.
 */
export class ChatService {
  private readonly chat: ChatProcess;
  private readonly sessions = new Map<number, Session>();
  private readonly counts: ChatCounts = { closed: 0, abandoned: 0, left: 0, completed: 0 };
  /** Sessions opened so far; ids are FIRST_EXTERNAL_CONTACT_ID + n, apart from the model's own. */
  private opened = 0;
  private endingAll = false;
  /** Wall seconds each reply went out after its model instant (timer and event-loop lateness). */
  readonly replyLateness = new ResponseTimeHistogram();

  constructor(
    private readonly model: ModelService,
    /** Sessions open at once before new ones are refused with 'overloaded'. */
    private readonly maxSessions = 100_000,
  ) {
    const process = model.run.processes.chat;
    if (process === undefined) throw new Error('the scenario has no chat channel');
    this.chat = process;
    model.listen<ChatObserver>('chat', {
      reply: (id, message, atS, agent) => this.replied(id, message, atS, agent),
      outcome: (id, outcome, atS) => this.ended(id, outcome, atS),
    });
    model.onShutdown({ endAll: (now) => this.endAll(now) });
  }

  get isShutDown(): boolean {
    return this.model.isShutDown;
  }

  get openSessions(): number {
    return this.sessions.size;
  }

  /** Whether session `id` is still open (not ended by the model or the client). */
  isOpen(id: number): boolean {
    return this.sessions.has(id);
  }

  /** Opens a session now; its id for `message`, `close` and `drop`, or why it was refused. */
  open(listener: ChatSessionListener, sessionId?: string): number | ChatRefusal {
    if (this.model.isShutDown) return 'shutting_down';
    if (this.sessions.size >= this.maxSessions) return 'overloaded';
    const n = this.opened++;
    const id = FIRST_EXTERNAL_CONTACT_ID + n;
    this.model.driver.act((now) => {
      const session = { sessionId: sessionId ?? `s-${n}`, openedAtS: now, listener, muted: false };
      this.sessions.set(id, session);
      listener.opened(session.sessionId, now);
      this.chat.offer(now, id);
    });
    return id;
  }

  /** The resident's next message; refused unless the session waits for one (after a reply). */
  message(id: number): ChatRefusal | null {
    if (this.model.isShutDown) return 'shutting_down';
    return this.model.driver.act((now) => {
      if (!this.sessions.has(id)) return 'not_open';
      return this.chat.message(now, id) ? null : 'not_waiting';
    });
  }

  /** The resident ends the session (the model says abandoned, left or completed); false if it had ended. */
  close(id: number): boolean {
    if (this.model.isShutDown) return false;
    return this.model.driver.act((now) => this.sessions.has(id) && this.chat.close(now, id));
  }

  /** The connection dropped: the session ends in the model as a close, and nothing is sent. */
  drop(id: number): void {
    const session = this.sessions.get(id);
    if (session === undefined) return;
    session.muted = true;
    if (!this.close(id)) this.sessions.delete(id);
  }

  snapshot(): ChatSnapshot {
    this.model.now();
    return {
      queued: this.chat.queued,
      inProgress: this.chat.sessionsInProgress,
      open: this.sessions.size,
      sessions: { ...this.counts },
    };
  }

  private replied(id: number, message: number, atS: number, agent: number): void {
    const session = this.sessions.get(id);
    if (session === undefined || session.muted) return;
    const clock = this.model.clock;
    this.replyLateness.observe(Math.max(0, clock.nowS() - atS) / clock.timeScale);
    const reply: ChatReply = { message, atS: finite(atS), agent: agent + 1 };
    if (message === 1) reply.firstResponseS = finite(atS - session.openedAtS);
    session.listener.reply(reply);
  }

  private ended(id: number, outcome: ChatOutcome, atS: number): void {
    const session = this.sessions.get(id);
    // A session this transport does not hold: the model's own resident (warm start).
    if (session === undefined) return;
    this.counts[outcome]++;
    this.sessions.delete(id);
    if (!session.muted)
      session.listener.closed(outcome, finite(atS), this.endingAll ? 'shutdown' : undefined);
  }

  /** Shutdown: every open session is closed in the model at `now`, and its client hears the outcome. */
  private endAll(now: number): void {
    this.endingAll = true;
    for (const id of [...this.sessions.keys()]) this.chat.close(now, id);
    this.sessions.clear();
  }
}

/** Frames never carry NaN or Infinity; ms precision. */
function finite(value: number): number {
  return Number.isFinite(value) ? Math.max(0, Math.round(value * 1000) / 1000) : 0;
}
