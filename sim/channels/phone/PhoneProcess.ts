import type { AgentPool, WorkSource } from '../../agents/AgentPool.js';
import type { ArrivalSource } from '../../arrivals/ArrivalSource.js';
import { cumulativeShares } from '../../distributions/cumulativeShares.js';
import {
  type DeferredDraws,
  deferredDraws,
  sampleDraws,
  uniformDraws,
} from '../../distributions/drawSources.js';
import type { EventCalendar } from '../../engine/EventCalendar.js';
import { isExternalContact } from '../../engine/externalContacts.js';
import type { EventHandler, Integrator, Simulation } from '../../engine/Simulation.js';
import { WAIT_BUCKETS, waitBucket } from '../../metrics/WaitHistogram.js';
import { ContactQueue } from '../../queues/ContactQueue.js';
import { TimeHeap } from '../../queues/TimeHeap.js';
import type { Rng } from '../../rng/createStream.js';
import type { Streams } from '../../rng/Streams.js';
import type { CausedContactTarget } from '../Couplings.js';
import { ContactPool, IN_IVR, IN_QUEUE } from './ContactPool.js';
import { createPhoneCounters, type PhoneCounters } from './PhoneCounters.js';
import type { PhoneModel } from './PhoneModel.js';
import type {
  AbandonReason,
  PhoneObserver,
  PhoneOffer,
  PhoneOutcome,
  PhoneOutcomeRecord,
} from './PhoneOutcome.js';

// Local event kinds. Payloads: ABANDON/IVR_END carry (slot, generation); AGENT_FREE the agent and 1
// when the call had no after-call work (the line frees with the agent); RETRY carries
// attempt | class << 8. A talk's end before after-call work is no event: see `talkEnds`.
const ARRIVAL = 1;
const RETRY = 2;
const IVR_END = 3;
const ABANDON = 4;
const AGENT_FREE = 6;
/** Talk ends kept before they are counted off even when no trunk limit calls for it (memory bound). */
const TALK_ENDS_HELD = 4096;

export interface PhoneProcessOptions {
  /** The run's random streams (a replication's, or a branch of one). */
  readonly streams: Streams;
  /**
   * Batch runs draw their own arrivals (and retrials). The mocks pass `null`: callers arrive from
   * outside through `offer`, and whether they call again is their business. A warm-started run
   * (ArrivalsUntil) has both: its own contacts retry in the model, those from outside do not.
   */
  readonly arrivals: ArrivalSource | null;
  readonly observer?: PhoneObserver | null;
}

/**
 * The phone channel as an ACD: trunk lines, optional IVR with self-service, agents from the shared
 * pool, priority FCFS queue, abandonment, blocking, retrials and closed hours. Per-contact draws
 * (class, IVR, patience, talk, after-call work) all happen at arrival, each from its own stream, so a
 * change of staffing or lines does not shift any other contact's draws. The same code runs under the
 * batch driver (`hotline sim`) and the real-time driver (`hotline mocks`).
 */
export class PhoneProcess implements EventHandler, Integrator, WorkSource, CausedContactTarget {
  readonly counters: PhoneCounters;
  private readonly model: PhoneModel;
  private readonly simulation: Simulation;
  private readonly calendar: EventCalendar;
  private readonly agents: AgentPool;
  private readonly channel: number;
  private readonly base: number;
  private readonly contacts = new ContactPool(256);
  private readonly queue: ContactQueue;
  /** Each class's FCFS line in the queue: classes of equal priority share one. */
  private readonly lineOfClass: Int32Array;
  private readonly arrivals: ArrivalSource | null;
  private readonly observer: PhoneObserver | null;
  private readonly thresholdS: number;
  /** External contacts by id, for hang-ups (real-time runs only). */
  private readonly slotOf = new Map<number, number>();

  private readonly routingRng: Rng;
  private readonly ivrTime: (() => number) | null;
  /** Each class's patience draws (one stream for all classes). */
  private readonly patienceDraws: DeferredDraws[];
  private readonly talkDraws: DeferredDraws;
  private readonly afterCallWork: (() => number) | null;
  private readonly retrialRng: Rng;
  private readonly classShares: Float64Array;

  private lastT = 0;
  private nextContactId = 0;
  /**
   * Trunk lines taken, counting talks whose end is still in `talkEnds`: so never fewer than the lines
   * busy. A talk with after-call work frees its line before its agent; those ends are counted off
   * only where the exact figure matters (a call that would be blocked, a read of trunkLinesBusy): an
   * event for each would cost a calendar sift and a dispatch per call for a decrement that almost
   * never changes a decision. A talk without after-call work frees its line with its agent.
   */
  private trunkBusy = 0;
  private readonly talkEnds = new TimeHeap();
  private queueLength = 0;
  private retrialsScheduled = 0;

  constructor(
    simulation: Simulation,
    agents: AgentPool,
    channel: number,
    model: PhoneModel,
    options: PhoneProcessOptions,
  ) {
    this.simulation = simulation;
    this.calendar = simulation.calendar;
    this.agents = agents;
    this.channel = channel;
    this.model = model;
    this.base = simulation.register(this);
    simulation.addIntegrator(this);
    this.arrivals = options.arrivals;
    this.observer = options.observer ?? null;
    this.thresholdS = model.targets.thresholdS;
    this.counters = createPhoneCounters(simulation.intervals, model.classes.length);
    // Classes come sorted by priority, highest first. Equal priorities share a line, so the caller
    // who has waited longest is answered first whatever the class's place in the scenario.
    const priorities = [...new Set(model.classes.map((c) => c.priority))];
    this.lineOfClass = Int32Array.from(model.classes, (c) => priorities.indexOf(c.priority));
    this.queue = new ContactQueue(priorities.length);
    const { streams } = options;
    // Per-contact draws through drawSources: runs of one replication may share them (a whatif grid).
    this.routingRng = uniformDraws(streams, 'phone.routing');
    this.ivrTime = model.ivr === null ? null : sampleDraws(streams, 'phone.ivr', model.ivr.time);
    this.patienceDraws = deferredDraws(
      streams,
      'phone.patience',
      model.classes.map((c) => c.patience),
    );
    [this.talkDraws] = deferredDraws(streams, 'phone.talkTime', [model.talkTime]) as [DeferredDraws];
    this.afterCallWork =
      model.afterCallWork === null ? null : sampleDraws(streams, 'phone.afterCallWork', model.afterCallWork);
    this.retrialRng = streams.stream('phone.retrial');
    this.classShares = cumulativeShares(model.classes.map((c) => c.share));
    agents.connect(channel, this, this.counters);
  }

  /** Schedules the first arrival (batch runs). */
  start(t0: number): void {
    this.lastT = t0;
    if (this.arrivals !== null) this.scheduleNextArrival();
  }

  get queued(): number {
    return this.queueLength;
  }

  get trunkLinesBusy(): number {
    this.endTalksUntil(this.simulation.now);
    return this.trunkBusy;
  }

  /** Retrials the model has scheduled that have not come yet (its own callers' only). */
  get pendingRetrials(): number {
    return this.retrialsScheduled;
  }

  handle(kind: number, t: number, int: number, float: number): void {
    switch (kind) {
      case ARRIVAL:
        // The next arrival first: it is the calendar's earliest event as a rule, so it fills the hole
        // the pop left at the root in a step or two, and the far events this one schedules (talk end,
        // patience) sift up from a leaf only a step or two; the other way round, both went the whole
        // height of the heap. Its own stream, so no draw moves; only a tie in time could reorder.
        this.scheduleNextArrival();
        this.arrive(t, this.nextContactId++, 1, -1, Number.NaN);
        break;
      case RETRY:
        this.retrialsScheduled--;
        this.arrive(t, this.nextContactId++, int & 0xff, int >> 8, Number.NaN);
        break;
      case IVR_END:
        if (this.contacts.gen[int] === float) this.leaveIvr(t, int);
        break;
      case ABANDON:
        if (this.contacts.gen[int] === float) this.abandon(t, int, 'patience');
        break;
      case AGENT_FREE:
        if (float === 1) this.trunkBusy--;
        this.agents.release(int, t);
        break;
    }
  }

  advance(t: number): void {
    const dt = t - this.lastT;
    if (dt > 0) {
      this.counters.queueAreaS[this.simulation.interval]! += this.queueLength * dt;
      this.lastT = t;
    }
  }

  /** A call from outside at model time `t` (the driver has run what was due and advanced to `t`). */
  offer(t: number, contactId: number, offer: PhoneOffer = {}): void {
    this.arrive(t, contactId, offer.attempt ?? 1, offer.klass ?? -1, offer.patienceS ?? Number.NaN);
  }

  /**
   * A call another channel caused at `t` (a failed check-in): one of the model's own callers from
   * here on (queue, patience, retrials). A class named like the cause takes it; else the class draw.
   */
  acceptCaused(t: number, cause: string): void {
    this.counters.caused[this.simulation.interval]!++;
    const klass = this.model.classes.findIndex((c) => c.name === cause);
    this.arrive(t, this.nextContactId++, 1, klass, Number.NaN);
  }

  /** The caller hung up at `t`: a call still in the IVR or queue ends as abandoned. False if it was not. */
  hangUp(t: number, contactId: number): boolean {
    const slot = this.slotOf.get(contactId);
    if (slot === undefined) return false;
    const state = this.contacts.state[slot];
    if (state === IN_QUEUE) this.abandon(t, slot, 'hangUp');
    else if (state === IN_IVR) this.abandonIvr(t, slot);
    else return false;
    return true;
  }

  /** Model time an external contact entered the queue, or null when it is not queued. */
  queuedSince(contactId: number): number | null {
    const slot = this.slotOf.get(contactId);
    if (slot === undefined || this.contacts.state[slot] !== IN_QUEUE) return null;
    return this.contacts.entryTime[slot]!;
  }

  /** Contacts still in the IVR or queue at the horizon; their partial waits still count as queue time. */
  finish(horizonS: number): void {
    const contacts = this.contacts;
    const c = this.counters;
    for (let slot = 0; slot < contacts.capacity; slot++) {
      const state = contacts.state[slot]!;
      if (state === 0) continue;
      const k = contacts.arrivalInterval[slot]!;
      c.inSystemAtEnd[k]!++;
      if (state === IN_QUEUE) c.queueTimeSumS[k]! += horizonS - contacts.entryTime[slot]!;
    }
  }

  /** The pool offers a free agent: answer the first waiting call in priority order. */
  serve(agent: number, t: number): boolean {
    if (this.queueLength === 0) return false;
    this.advance(t);
    const slot = this.queue.pop(this.contacts.gen);
    this.queueLength--;
    if (this.queueLength === 0) this.queue.clear();
    // Its patience can no longer run out: take the event out now rather than pop it stale later.
    const abandonEvent = this.contacts.abandonEvent[slot]!;
    if (abandonEvent >= 0) this.calendar.cancel(abandonEvent);
    this.agents.occupy(agent, this.channel);
    this.startService(t, slot, agent);
    return true;
  }

  private scheduleNextArrival(): void {
    const t = this.arrivals!.next();
    if (t < this.simulation.horizonS) this.calendar.schedule(t, this.base | ARRIVAL);
  }

  /**
   * A first attempt or a retrial (klass -1: drawn here). `patienceS` NaN: the class's draw. Every draw
   * is made whatever happens next, so later contacts keep their draws.
   */
  private arrive(t: number, contactId: number, attempt: number, klass: number, patienceS: number): void {
    const model = this.model;
    const c = this.counters;
    const k = this.simulation.interval;
    c.offered[k]!++;
    if (attempt > 1) c.retrials[k]!++;

    const drawnClass = this.drawClass();
    const cls = klass >= 0 ? klass : drawnClass;
    c.byClass.offered[cls]!++;
    this.observer?.arrived?.(contactId, t, cls, attempt);
    const selfService = model.ivr !== null && this.routingRng() < model.ivr.selfServiceShare;
    const ivrTime = this.ivrTime === null ? 0 : this.ivrTime();
    const contacts = this.contacts;
    const slot = contacts.allocate();
    contacts.patience.draw(slot, this.patienceDraws[cls]!);
    contacts.talk.draw(slot, this.talkDraws);
    const acw = this.afterCallWork === null ? 0 : this.afterCallWork();

    if (model.open[k] === 0) {
      c.closed[k]!++;
      this.report(contactId, 'closed', t, 0, -1, cls, k, 0, attempt, null);
      contacts.release(slot);
      this.maybeRetry(t, model.retrial?.afterClosed ?? 0, attempt, cls, contactId);
      return;
    }
    if (this.trunkBusy >= model.trunkLines) this.endTalksUntil(t);
    if (this.trunkBusy >= model.trunkLines) {
      c.blocked[k]!++;
      this.report(contactId, 'blocked', t, 0, -1, cls, k, 0, attempt, null);
      contacts.release(slot);
      this.maybeRetry(t, model.retrial?.afterBlocked ?? 0, attempt, cls, contactId);
      return;
    }
    this.trunkBusy++;
    contacts.arrivalInterval[slot] = k;
    contacts.klass[slot] = cls;
    contacts.attempt[slot] = attempt;
    if (!Number.isNaN(patienceS)) contacts.patience.set(slot, patienceS);
    contacts.afterCallWork[slot] = acw;
    contacts.contactId[slot] = contactId;
    if (this.observer !== null) this.slotOf.set(contactId, slot);
    if (model.ivr !== null) {
      contacts.state[slot] = IN_IVR;
      contacts.selfService[slot] = selfService ? 1 : 0;
      this.calendar.schedule(t + ivrTime, this.base | IVR_END, slot, contacts.gen[slot]!);
    } else {
      this.enterQueue(t, slot);
    }
  }

  private drawClass(): number {
    const shares = this.classShares;
    if (shares.length === 1) return 0;
    const u = this.routingRng();
    for (let i = 0; i < shares.length - 1; i++) if (u < shares[i]!) return i;
    return shares.length - 1;
  }

  private leaveIvr(t: number, slot: number): void {
    const contacts = this.contacts;
    if (contacts.selfService[slot] === 1) {
      const k = contacts.arrivalInterval[slot]!;
      this.counters.selfServed[k]!++;
      this.trunkBusy--;
      this.reportSlot(slot, 'selfServed', t, 0, -1, null);
      this.releaseSlot(slot);
      return;
    }
    this.enterQueue(t, slot);
  }

  private enterQueue(t: number, slot: number): void {
    const contacts = this.contacts;
    contacts.entryTime[slot] = t;
    const agent = this.agents.takeIdle(this.channel);
    if (agent >= 0) {
      this.agents.occupy(agent, this.channel);
      this.startService(t, slot, agent);
      return;
    }
    contacts.state[slot] = IN_QUEUE;
    this.advance(t);
    this.queue.push(this.lineOfClass[contacts.klass[slot]!]!, slot, contacts.gen[slot]!);
    this.queueLength++;
    const c = this.counters;
    const k = this.simulation.interval;
    if (this.queueLength > c.maxQueue[k]!) c.maxQueue[k] = this.queueLength;
    const patience = contacts.patience.get(slot, this.patienceDraws[contacts.klass[slot]!]!);
    contacts.abandonEvent[slot] =
      patience < Number.POSITIVE_INFINITY
        ? this.calendar.schedule(t + patience, this.base | ABANDON, slot, contacts.gen[slot]!)
        : -1;
  }

  /** Agent `agent` (already occupied) answers the contact in `slot`. */
  private startService(t: number, slot: number, agent: number): void {
    const contacts = this.contacts;
    const c = this.counters;
    const k = contacts.arrivalInterval[slot]!;
    const wait = t - contacts.entryTime[slot]!;
    c.answered[k]!++;
    c.waitSumAnsweredS[k]! += wait;
    c.queueTimeSumS[k]! += wait;
    const byClass = c.byClass;
    const cls = contacts.klass[slot]!;
    byClass.answered[cls]!++;
    byClass.waitSumAnsweredS[cls]! += wait;
    if (wait <= this.thresholdS) {
      c.answeredWithinT[k]!++;
      byClass.answeredWithinT[cls]!++;
    }
    if (wait > c.maxWaitS[k]!) c.maxWaitS[k] = wait;
    c.waitHistogram[k * WAIT_BUCKETS + waitBucket(wait)]!++;
    const talkEnd = t + contacts.talk.get(slot, this.talkDraws);
    // The line is free at the talk's end, the agent after its after-call work.
    const acw = contacts.afterCallWork[slot]!;
    if (acw > 0) {
      if (this.talkEnds.length >= TALK_ENDS_HELD) this.endTalksUntil(t);
      this.talkEnds.push(talkEnd);
    }
    this.calendar.schedule(talkEnd + acw, this.base | AGENT_FREE, agent, acw > 0 ? 0 : 1);
    if (this.observer !== null) this.reportSlot(slot, 'answered', t, wait, agent, null);
    this.releaseSlot(slot);
  }

  private abandon(t: number, slot: number, reason: AbandonReason): void {
    const contacts = this.contacts;
    const c = this.counters;
    const k = contacts.arrivalInterval[slot]!;
    const wait = t - contacts.entryTime[slot]!;
    const cls = contacts.klass[slot]!;
    c.abandoned[k]!++;
    c.byClass.abandoned[cls]!++;
    if (wait > this.thresholdS) {
      c.abandonedAfterT[k]!++;
      c.byClass.abandonedAfterT[cls]!++;
    }
    c.queueTimeSumS[k]! += wait;
    this.advance(t);
    this.queueLength--;
    if (this.queueLength === 0) this.queue.clear();
    this.trunkBusy--;
    const attempt = contacts.attempt[slot]!;
    const contactId = contacts.contactId[slot]!;
    if (this.observer !== null) this.reportSlot(slot, 'abandoned', t, wait, -1, reason);
    this.releaseSlot(slot);
    if (reason === 'patience')
      this.maybeRetry(t, this.model.retrial?.afterAbandoned ?? 0, attempt, cls, contactId);
  }

  /** A caller who hangs up in the IVR: abandoned without having queued. */
  private abandonIvr(t: number, slot: number): void {
    const contacts = this.contacts;
    const k = contacts.arrivalInterval[slot]!;
    const cls = contacts.klass[slot]!;
    this.counters.abandoned[k]!++;
    this.counters.byClass.abandoned[cls]!++;
    this.trunkBusy--;
    this.reportSlot(slot, 'abandoned', t, 0, -1, 'hangUp');
    this.releaseSlot(slot);
  }

  /** Frees the trunk lines of the talks ended by `t`. */
  private endTalksUntil(t: number): void {
    this.trunkBusy -= this.talkEnds.popUntil(t);
  }

  private releaseSlot(slot: number): void {
    if (this.observer !== null) this.slotOf.delete(this.contacts.contactId[slot]!);
    this.contacts.release(slot);
  }

  private maybeRetry(t: number, probability: number, attempt: number, cls: number, contactId: number): void {
    const retrial = this.model.retrial;
    if (this.arrivals === null || retrial === null || probability <= 0 || attempt >= retrial.maxAttempts)
      return;
    if (this.retrialRng() >= probability) return;
    const at = t + retrial.delay.sample(this.retrialRng);
    // A caller from outside calls again on its own; drawing for it anyway keeps every later draw of
    // this stream the simulator's (a warm-started window then equals the full-day run's).
    if (at < this.simulation.horizonS && !isExternalContact(contactId)) {
      this.retrialsScheduled++;
      this.calendar.schedule(at, this.base | RETRY, (attempt + 1) | (cls << 8));
    }
  }

  private reportSlot(
    slot: number,
    outcome: PhoneOutcome,
    t: number,
    waitS: number,
    agent: number,
    reason: AbandonReason | null,
  ): void {
    const contacts = this.contacts;
    this.report(
      contacts.contactId[slot]!,
      outcome,
      t,
      waitS,
      agent,
      contacts.klass[slot]!,
      contacts.arrivalInterval[slot]!,
      outcome === 'answered' ? contacts.talk.get(slot, this.talkDraws) : 0,
      contacts.attempt[slot]!,
      reason,
    );
  }

  private report(
    contactId: number,
    outcome: PhoneOutcome,
    atS: number,
    waitS: number,
    agent: number,
    klass: number,
    interval: number,
    talkS: number,
    attempt: number,
    reason: AbandonReason | null,
  ): void {
    if (this.observer === null) return;
    const record: PhoneOutcomeRecord = {
      contactId,
      outcome,
      atS,
      waitS,
      agent,
      klass,
      interval,
      talkS,
      attempt,
      reason,
    };
    this.observer.outcome(record);
  }
}
