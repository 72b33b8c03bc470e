import type { AgentPool, WorkSource } from '../../agents/AgentPool.js';
import type { ArrivalSource } from '../../arrivals/ArrivalSource.js';
import { isExternalContact } from '../../engine/externalContacts.js';
import type { EventHandler, Integrator, Simulation } from '../../engine/Simulation.js';
import { WAIT_BUCKETS, waitBucket } from '../../metrics/WaitHistogram.js';
import { ContactQueue } from '../../queues/ContactQueue.js';
import { grown } from '../../queues/grown.js';
import type { Rng } from '../../rng/createStream.js';
import type { Streams } from '../../rng/Streams.js';
import type { CausedContactTarget } from '../Couplings.js';
import { type ChatCounters, createChatCounters } from './ChatCounters.js';
import type { ChatModel } from './ChatModel.js';

// Local event kinds. ABANDON and MESSAGE carry (slot, generation); REPLY_DONE and REPLY_PATIENCE
// carry (slot, token): a token names one scheduling, so a rescheduled reply's old event is stale.
const ARRIVAL = 1;
const ABANDON = 2;
const REPLY_DONE = 3;
const MESSAGE = 4;
const REPLY_PATIENCE = 5;
const OPENS = 6;

const QUEUED = 1;
const REPLYING = 2;
const THINKING = 3;

/** What the chat process tells an observer (the lockstep test, a transport). */
export interface ChatObserver {
  /** A session arrived, before anything happened to it. */
  arrived?(contactId: number, atS: number): void;
  /** The resident sent a later message (not the first, which opens the session). */
  messaged?(contactId: number, atS: number): void;
  outcome(contactId: number, outcome: 'closed' | 'abandoned' | 'left' | 'completed', atS: number): void;
  reply(contactId: number, message: number, atS: number, agent: number): void;
}

export interface ChatProcessOptions {
  /** The run's random streams (a replication's, or a branch of one). */
  readonly streams: Streams;
  /**
   * Batch runs draw their own arrivals and residents. null: residents are outside (the mocks' clients):
   * they open sessions (`offer`), send later messages (`message`) and end sessions (`close`), and
   * their think times, message counts and reply patience are theirs; agents and their replies stay
   * the model's. A warm-started run (ArrivalsUntil) has both: its own residents act in the model,
   * those offered from outside (ids from FIRST_EXTERNAL_CONTACT_ID) act for themselves.
   */
  readonly arrivals: ArrivalSource | null;
  readonly observer?: ChatObserver | null;
}

/**
 * The chat channel. A session waits in a FCFS queue for an agent with a free slot (the shared pool
 * routes it to the least loaded one), then runs message by message: the agent's reply, the
 * resident's think time, the next message... An agent holding j sessions works each reply in
 * progress at rate 1/factor[j]; when j changes, the remaining work of every reply in progress is
 * rescaled (exact for any reply-time distribution, and a birth-death chain for exponential ones).
 * A resident leaves before the first reply when patience runs out in the queue, and after it when
 * a later reply takes longer than the reply patience. Agents answer only in the answering hours; an
 * asynchronous chat keeps the questions posted outside them for the next opening.
 */
export class ChatProcess implements EventHandler, Integrator, WorkSource, CausedContactTarget {
  readonly counters: ChatCounters;
  private readonly model: ChatModel;
  private readonly simulation: Simulation;
  private readonly agents: AgentPool;
  private readonly channel: number;
  private readonly base: number;
  private readonly arrivals: ArrivalSource | null;
  private readonly observer: ChatObserver | null;
  private readonly thresholdS: number;
  private readonly queue = new ContactQueue(1);
  private readonly maxSlots: number;
  /** Interval indexes where the answering hours begin. */
  private readonly openings: readonly number[];

  private readonly messagesRng: Rng;
  private readonly replyRng: Rng;
  private readonly patienceRng: Rng;
  private readonly thinkRng: Rng;
  private readonly replyPatienceRng: Rng;

  // Sessions in slots of typed arrays; a slot's generation changes when it is freed.
  private capacity = 0;
  private state = new Uint8Array(0);
  private gen = new Int32Array(0);
  private arrivalInterval = new Int32Array(0);
  private arrivalAt = new Float64Array(0);
  private messagesTotal = new Int32Array(0);
  private messagesDone = new Int32Array(0);
  private agentOf = new Int32Array(0);
  private remaining = new Float64Array(0);
  private lastUpdate = new Float64Array(0);
  private factor = new Float64Array(0);
  private token = new Float64Array(0);
  private messageAt = new Float64Array(0);
  private contactId = new Float64Array(0);
  /** 1: a session another channel caused (Couplings.ts): the model's own resident, also in the mocks. */
  private caused = new Uint8Array(0);
  private firstWork = new Float64Array(0);
  /**
   * Model time the resident stops waiting for the reply in progress (Infinity: never, or the first
   * reply, whose wait is the queue's patience).
   */
  private patienceAt = new Float64Array(0);
  /**
   * Calendar id of the session's pending REPLY_PATIENCE event (-1: none). It is scheduled only while
   * the reply is due after `patienceAt`: nearly every reply comes first, and scheduling one for each
   * message and taking it out at the reply was 11,000 of the ecosystem day's 233,000 schedules.
   */
  private patienceEvent = new Int32Array(0);
  /**
   * Calendar id of the session's pending REPLY_DONE event (-1: none). A change of the agent's load
   * reschedules every reply in progress; the old event is taken out rather than popped stale later,
   * so every REPLY_DONE that fires is its session's current one.
   */
  private replyEvent = new Int32Array(0);
  private free: number[] = [];

  // Sessions each agent holds: agentSessions[agent * maxSlots + i], i < agentLoad[agent].
  private agentSessions = new Int32Array(0);
  private agentLoad = new Int32Array(0);

  private lastT = 0;
  private queueLength = 0;
  private inProgress = 0;
  private nextToken = 1;
  private nextContactId = 0;
  /** Sessions by contact id when residents are outside. */
  private readonly slotOf = new Map<number, number>();

  constructor(
    simulation: Simulation,
    agents: AgentPool,
    channel: number,
    model: ChatModel,
    options: ChatProcessOptions,
  ) {
    this.simulation = simulation;
    this.agents = agents;
    this.channel = channel;
    this.model = model;
    this.base = simulation.register(this);
    simulation.addIntegrator(this);
    this.arrivals = options.arrivals;
    this.observer = options.observer ?? null;
    this.thresholdS = model.targets.thresholdS;
    this.maxSlots = model.concurrencyFactors.length;
    this.counters = createChatCounters(simulation.intervals);
    const { streams } = options;
    this.messagesRng = streams.stream('chat.messages');
    this.replyRng = streams.stream('chat.replyTime');
    this.patienceRng = streams.stream('chat.patience');
    this.thinkRng = streams.stream('chat.thinkTime');
    this.replyPatienceRng = streams.stream('chat.replyPatience');
    const open = model.open;
    const openings: number[] = [];
    for (let k = 0; k < open.length; k++)
      if (open[k] === 1 && open[k === 0 ? open.length - 1 : k - 1] === 0) openings.push(k);
    this.openings = openings;
    this.grow(64);
    agents.connect(channel, this, this.counters);
  }

  get queued(): number {
    return this.queueLength;
  }

  get sessionsInProgress(): number {
    return this.inProgress;
  }

  /** Schedules the first arrival (batch runs) and the next opening of the answering hours. */
  start(t0: number): void {
    this.lastT = t0;
    if (this.arrivals !== null) this.scheduleNextArrival();
    this.scheduleNextOpening(t0);
  }

  /** A session opened from outside at model time `t`. */
  offer(t: number, contactId: number): void {
    this.arrive(t, contactId);
  }

  /**
   * A session another channel caused at `t` (a portal applicant asking support): one of the model's
   * own residents from here on (queue, patience, messages, think times), counted in `caused`.
   */
  acceptCaused(t: number, _cause: string): void {
    this.counters.caused[this.simulation.interval]!++;
    this.arrive(t, this.nextContactId++, true);
  }

  /** The resident's next message, from outside; false unless the session was waiting for one. */
  message(t: number, contactId: number): boolean {
    const slot = this.slotOf.get(contactId);
    if (slot === undefined || this.state[slot] !== THINKING) return false;
    this.nextMessage(t, slot);
    return true;
  }

  /**
   * The resident ends the session, from outside: before the first reply it is abandoned, while a
   * reply is awaited the resident left, after a reply it is completed. False if there was no session.
   */
  close(t: number, contactId: number): boolean {
    const slot = this.slotOf.get(contactId);
    if (slot === undefined) return false;
    const state = this.state[slot];
    if (state === QUEUED) this.abandon(t, slot);
    else if (state === REPLYING && this.messagesDone[slot]! > 0) this.leave(t, slot);
    else if (state === REPLYING) this.abandonInService(t, slot);
    else this.complete(t, slot);
    return true;
  }

  /** 'queued', 'replying' (an agent writes), 'waiting' (for the resident), or null when not in the system. */
  sessionState(contactId: number): 'queued' | 'replying' | 'waiting' | null {
    const slot = this.slotOf.get(contactId);
    if (slot === undefined) return null;
    return this.state[slot] === QUEUED ? 'queued' : this.state[slot] === REPLYING ? 'replying' : 'waiting';
  }

  handle(kind: number, t: number, int: number, float: number): void {
    switch (kind) {
      case ARRIVAL:
        // The next arrival first, as phone does: it fills the popped root's hole in a step or two.
        this.scheduleNextArrival();
        this.arrive(t, this.nextContactId++);
        break;
      case ABANDON:
        if (this.gen[int] === float && this.state[int] === QUEUED) this.abandon(t, int);
        break;
      case REPLY_DONE:
        this.replyEvent[int] = -1;
        if (this.token[int] === float && this.state[int] === REPLYING) this.replyDone(t, int);
        break;
      case MESSAGE:
        if (this.gen[int] === float && this.state[int] === THINKING) this.nextMessage(t, int);
        break;
      case REPLY_PATIENCE:
        this.patienceEvent[int] = -1;
        if (this.state[int] === REPLYING && this.messageAt[int] === float) this.leave(t, int);
        break;
      case OPENS:
        this.assignWaiting(t);
        this.scheduleNextOpening(t + this.simulation.intervalS / 2);
        break;
    }
  }

  advance(t: number): void {
    const dt = t - this.lastT;
    if (dt > 0) {
      const k = this.simulation.interval;
      this.counters.queueAreaS[k]! += this.queueLength * dt;
      this.counters.sessionS[k]! += this.inProgress * dt;
      this.lastT = t;
    }
  }

  /** A free slot of `agent`: it takes waiting sessions while it has slots and the chat is open. */
  serve(agent: number, t: number): boolean {
    if (this.queueLength === 0 || !this.isOpenAt(t)) return false;
    let took = false;
    while (this.queueLength > 0 && this.agents.loadOf(agent) < this.slotsOf(agent)) {
      const slot = this.popQueue();
      this.assign(t, slot, agent);
      took = true;
    }
    return took;
  }

  /** Sessions still in the system at the horizon (waiting, or held by an agent). */
  finish(_horizonS: number): void {
    for (let slot = 0; slot < this.capacity; slot++) {
      if (this.state[slot] !== 0) this.counters.inSystemAtEnd[this.arrivalInterval[slot]!]!++;
    }
  }

  // --- the session --------------------------------------------------------------------------------

  private arrive(t: number, contactId: number, caused = false): void {
    const model = this.model;
    const c = this.counters;
    const k = this.simulation.interval;
    c.offered[k]!++;
    this.observer?.arrived?.(contactId, t);
    // Every draw of the session happens now, whatever happens next (common random numbers).
    const messages = model.messages.sample(this.messagesRng);
    const work = model.replyTime.sample(this.replyRng);
    const patience = model.patience.sample(this.patienceRng);
    const open = this.isOpenAt(t);
    if (!open && !model.asynchronous) {
      c.closed[k]!++;
      this.observer?.outcome(contactId, 'closed', t);
      return;
    }
    const slot = this.allocate();
    this.arrivalInterval[slot] = k;
    this.arrivalAt[slot] = t;
    this.messagesTotal[slot] = messages;
    this.messagesDone[slot] = 0;
    this.firstWork[slot] = work;
    this.patienceAt[slot] = Number.POSITIVE_INFINITY;
    this.contactId[slot] = contactId;
    this.caused[slot] = caused ? 1 : 0;
    this.messageAt[slot] = t;
    if (this.isOutside(slot)) this.slotOf.set(contactId, slot);
    const agent = open ? this.agents.takeSlot(this.channel) : -1;
    if (agent >= 0) {
      this.assign(t, slot, agent);
      return;
    }
    this.state[slot] = QUEUED;
    this.advance(t);
    this.queue.push(0, slot, this.gen[slot]!);
    this.queueLength++;
    if (this.queueLength > c.maxQueue[k]!) c.maxQueue[k] = this.queueLength;
    if (patience < Number.POSITIVE_INFINITY)
      this.simulation.calendar.schedule(t + patience, this.base | ABANDON, slot, this.gen[slot]!);
  }

  /** Agent `agent` (idle or with a free slot) takes the session in `slot`; its first reply begins. */
  private assign(t: number, slot: number, agent: number): void {
    const c = this.counters;
    const k = this.arrivalInterval[slot]!;
    c.assigned[k]!++;
    c.queueWaitSumS[k]! += t - this.arrivalAt[slot]!;
    this.agents.addSession(agent, this.channel);
    const load = this.agents.loadOf(agent);
    this.rescale(agent, t, load);
    this.ensureAgent(agent);
    this.agentSessions[agent * this.maxSlots + this.agentLoad[agent]!] = slot;
    this.agentLoad[agent]!++;
    this.agentOf[slot] = agent;
    this.advance(t);
    this.inProgress++;
    this.startReply(t, slot, this.firstWork[slot]!, load);
  }

  private startReply(t: number, slot: number, work: number, load: number): void {
    this.state[slot] = REPLYING;
    this.remaining[slot] = work;
    this.lastUpdate[slot] = t;
    this.factor[slot] = this.factorAt(load);
    this.scheduleReply(t, slot);
  }

  private scheduleReply(t: number, slot: number): void {
    this.cancelReply(slot);
    const token = this.nextToken++;
    this.token[slot] = token;
    const calendar = this.simulation.calendar;
    const due = t + this.remaining[slot]! * this.factor[slot]!;
    this.replyEvent[slot] = calendar.schedule(due, this.base | REPLY_DONE, slot, token);
    // The resident's patience matters only once the reply is due after it (a reply due at that very
    // instant is sent); a later speed-up leaves the event to be taken out when the reply comes.
    const patienceAt = this.patienceAt[slot]!;
    if (due > patienceAt && this.patienceEvent[slot]! < 0)
      this.patienceEvent[slot] = calendar.schedule(
        patienceAt,
        this.base | REPLY_PATIENCE,
        slot,
        this.messageAt[slot]!,
      );
  }

  /** The agent's load changed to `load`: every reply in progress goes on at the new speed. */
  private rescale(agent: number, t: number, load: number): void {
    if (agent >= this.agentLoad.length) return;
    const f = this.factorAt(load);
    const base = agent * this.maxSlots;
    for (let i = 0; i < this.agentLoad[agent]!; i++) {
      const slot = this.agentSessions[base + i]!;
      if (this.state[slot] !== REPLYING || this.factor[slot] === f) continue;
      this.remaining[slot]! -= (t - this.lastUpdate[slot]!) / this.factor[slot]!;
      this.lastUpdate[slot] = t;
      this.factor[slot] = f;
      this.scheduleReply(t, slot);
    }
  }

  private replyDone(t: number, slot: number): void {
    const c = this.counters;
    const k = this.arrivalInterval[slot]!;
    const done = ++this.messagesDone[slot]!;
    const replyTime = t - this.messageAt[slot]!;
    c.repliesSent[k]!++;
    c.replyTimeSumS[k]! += replyTime;
    c.replyHistogram[k * WAIT_BUCKETS + waitBucket(replyTime)]!++;
    this.cancelReplyPatience(slot);
    if (done === 1) {
      const first = t - this.arrivalAt[slot]!;
      c.answered[k]!++;
      c.firstResponseSumS[k]! += first;
      if (first <= this.thresholdS) c.answeredWithinT[k]!++;
      if (first > c.maxFirstResponseS[k]!) c.maxFirstResponseS[k] = first;
      if (Math.floor(t / 86_400) > Math.floor(this.arrivalAt[slot]! / 86_400)) c.answeredNextDay[k]!++;
      c.firstResponseHistogram[k * WAIT_BUCKETS + waitBucket(first)]!++;
    }
    this.observer?.reply(this.contactId[slot]!, done, t, this.agentOf[slot]!);
    this.state[slot] = THINKING;
    // The resident outside writes again or closes on its own. In a warm-started run its think time is
    // still drawn (and not used), so the model's own residents keep the full day's draws.
    const outside = this.isOutside(slot);
    if (outside && this.arrivals === null) return;
    if (done >= this.messagesTotal[slot]!) {
      if (!outside) this.complete(t, slot);
      return;
    }
    const think = this.model.thinkTime === null ? 0 : this.model.thinkTime.sample(this.thinkRng);
    if (!outside) this.simulation.calendar.schedule(t + think, this.base | MESSAGE, slot, this.gen[slot]!);
  }

  private nextMessage(t: number, slot: number): void {
    this.messageAt[slot] = t;
    this.observer?.messaged?.(this.contactId[slot]!, t);
    const work = this.model.replyTime.sample(this.replyRng);
    const patience = this.model.replyPatience;
    const outside = this.isOutside(slot);
    // Drawn for a resident outside too (warm start), for the same reason as the think time; only the
    // model's own residents run out of it.
    const drawn =
      patience === null || (this.arrivals === null && outside)
        ? Number.POSITIVE_INFINITY
        : t + patience.sample(this.replyPatienceRng);
    this.patienceAt[slot] = outside ? Number.POSITIVE_INFINITY : drawn;
    this.startReply(t, slot, work, this.agents.loadOf(this.agentOf[slot]!));
  }

  /** The reply was rescheduled (or the session ended): its pending REPLY_DONE can no longer matter. */
  private cancelReply(slot: number): void {
    const event = this.replyEvent[slot]!;
    if (event < 0) return;
    this.simulation.calendar.cancel(event);
    this.replyEvent[slot] = -1;
  }

  /** The reply came (or the session ended): its patience event can no longer matter. */
  private cancelReplyPatience(slot: number): void {
    const event = this.patienceEvent[slot]!;
    if (event < 0) return;
    this.simulation.calendar.cancel(event);
    this.patienceEvent[slot] = -1;
  }

  private complete(t: number, slot: number): void {
    this.counters.completed[this.arrivalInterval[slot]!]!++;
    this.observer?.outcome(this.contactId[slot]!, 'completed', t);
    this.endSession(t, slot);
  }

  /** A resident outside who closes while the agent writes the first reply: abandoned, like in queue. */
  private abandonInService(t: number, slot: number): void {
    const c = this.counters;
    const k = this.arrivalInterval[slot]!;
    c.abandoned[k]!++;
    if (t - this.arrivalAt[slot]! > this.thresholdS) c.abandonedAfterT[k]!++;
    this.observer?.outcome(this.contactId[slot]!, 'abandoned', t);
    this.endSession(t, slot);
  }

  /** The resident gave up waiting for a later reply. */
  private leave(t: number, slot: number): void {
    this.counters.leftAfterFirstReply[this.arrivalInterval[slot]!]!++;
    this.observer?.outcome(this.contactId[slot]!, 'left', t);
    this.endSession(t, slot);
  }

  private abandon(t: number, slot: number): void {
    const c = this.counters;
    const k = this.arrivalInterval[slot]!;
    c.abandoned[k]!++;
    if (t - this.arrivalAt[slot]! > this.thresholdS) c.abandonedAfterT[k]!++;
    this.advance(t);
    this.queueLength--;
    if (this.queueLength === 0) this.queue.clear();
    this.observer?.outcome(this.contactId[slot]!, 'abandoned', t);
    this.release(slot);
  }

  /** The session leaves its agent: the other replies speed up, and the pool may give the slot away. */
  private endSession(t: number, slot: number): void {
    const agent = this.agentOf[slot]!;
    const base = agent * this.maxSlots;
    const load = this.agentLoad[agent]!;
    for (let i = 0; i < load; i++) {
      if (this.agentSessions[base + i] !== slot) continue;
      this.agentSessions[base + i] = this.agentSessions[base + load - 1]!;
      break;
    }
    this.agentLoad[agent] = load - 1;
    this.advance(t);
    this.inProgress--;
    this.release(slot);
    this.rescale(agent, t, this.agents.loadOf(agent) - 1);
    this.agents.removeSession(agent, t);
  }

  private assignWaiting(t: number): void {
    if (!this.isOpenAt(t)) return;
    while (this.queueLength > 0) {
      const agent = this.agents.takeSlot(this.channel);
      if (agent < 0) return;
      this.assign(t, this.popQueue(), agent);
    }
  }

  /**
   * Whether the chat answers at `t`. Read from `t`, not from the simulation's current interval:
   * the opening (OPENS) and the agents' shift start (STAFF) at a boundary may pop before the
   * boundary event that moves the interval on, and then the queue would wait for the next arrival.
   */
  private isOpenAt(t: number): boolean {
    return this.model.open[this.simulation.intervalAt(t)] === 1;
  }

  private popQueue(): number {
    this.advance(this.simulation.now);
    const slot = this.queue.pop(this.gen);
    this.queueLength--;
    if (this.queueLength === 0) this.queue.clear();
    return slot;
  }

  private scheduleNextArrival(): void {
    const t = this.arrivals!.next();
    if (t < this.simulation.horizonS) this.simulation.calendar.schedule(t, this.base | ARRIVAL);
  }

  /** Schedules OPENS at the first opening of the answering hours after `t`. */
  private scheduleNextOpening(t: number): void {
    if (this.openings.length === 0) return;
    const { intervalS, horizonS, cyclic } = this.simulation;
    const cycleStart = Math.floor(t / horizonS) * horizonS;
    const within = t - cycleStart;
    const next = this.openings.find((k) => k * intervalS > within);
    if (next !== undefined)
      this.simulation.calendar.schedule(cycleStart + next * intervalS, this.base | OPENS);
    else if (cyclic)
      this.simulation.calendar.schedule(
        cycleStart + horizonS + this.openings[0]! * intervalS,
        this.base | OPENS,
      );
  }

  /** Whether the session's resident is outside the model (a client of the mocks); caused ones never are. */
  private isOutside(slot: number): boolean {
    if (this.caused[slot] === 1) return false;
    return this.arrivals === null || isExternalContact(this.contactId[slot]!);
  }

  private factorAt(load: number): number {
    const factors = this.model.concurrencyFactors;
    return factors[Math.min(Math.max(load, 1), factors.length) - 1]!;
  }

  private slotsOf(agent: number): number {
    return this.agents.slotsOf(agent);
  }

  // --- storage ------------------------------------------------------------------------------------

  private allocate(): number {
    if (this.free.length === 0) this.grow(this.capacity * 2);
    return this.free.pop()!;
  }

  private release(slot: number): void {
    this.cancelReplyPatience(slot);
    this.cancelReply(slot);
    if (this.isOutside(slot)) this.slotOf.delete(this.contactId[slot]!);
    this.state[slot] = 0;
    this.gen[slot]!++;
    this.free.push(slot);
  }

  private ensureAgent(agent: number): void {
    if (agent < this.agentLoad.length) return;
    const size = Math.max(64, (agent + 1) * 2);
    const load = new Int32Array(size);
    load.set(this.agentLoad);
    const sessions = new Int32Array(size * this.maxSlots);
    sessions.set(this.agentSessions);
    this.agentLoad = load;
    this.agentSessions = sessions;
  }

  private grow(capacity: number): void {
    const old = this.capacity;
    this.state = grown(this.state, capacity);
    this.gen = grown(this.gen, capacity);
    this.arrivalInterval = grown(this.arrivalInterval, capacity);
    this.arrivalAt = grown(this.arrivalAt, capacity);
    this.messagesTotal = grown(this.messagesTotal, capacity);
    this.messagesDone = grown(this.messagesDone, capacity);
    this.agentOf = grown(this.agentOf, capacity);
    this.remaining = grown(this.remaining, capacity);
    this.lastUpdate = grown(this.lastUpdate, capacity);
    this.factor = grown(this.factor, capacity);
    this.token = grown(this.token, capacity);
    this.messageAt = grown(this.messageAt, capacity);
    this.contactId = grown(this.contactId, capacity);
    this.firstWork = grown(this.firstWork, capacity);
    this.patienceAt = grown(this.patienceAt, capacity);
    this.patienceEvent = grown(this.patienceEvent, capacity).fill(-1, old);
    this.replyEvent = grown(this.replyEvent, capacity).fill(-1, old);
    const caused = new Uint8Array(capacity);
    caused.set(this.caused);
    this.caused = caused;
    for (let slot = capacity - 1; slot >= old; slot--) this.free.push(slot);
    this.capacity = capacity;
  }
}
