import type { AgentPool, WorkSource } from '../../agents/AgentPool.js';
import type { ArrivalSource } from '../../arrivals/ArrivalSource.js';
import type { EventHandler, Integrator, Simulation } from '../../engine/Simulation.js';
import { WAIT_BUCKETS, waitBucket } from '../../metrics/WaitHistogram.js';
import type { Rng } from '../../rng/createStream.js';
import type { Streams } from '../../rng/Streams.js';
import { createEmailCounters, type EmailCounters } from './EmailCounters.js';
import type { EmailModel } from './EmailModel.js';
import type { WorkingHoursClock } from './WorkingHoursClock.js';

// Local event kinds. DONE carries the agent (an agent works one e-mail at a time).
const ARRIVAL = 1;
const DONE = 2;
const OPENS = 3;

/** What the e-mail process tells an observer (the mocks' transport, tests). */
export interface EmailObserver {
  /** An e-mail was received, before anything happened to it. */
  arrived?(contactId: number, atS: number): void;
  /** An agent opened it. */
  started?(contactId: number, atS: number, agent: number): void;
  /** Its answer was sent; `responseWorkingS` on the working-hours clock. */
  answered(contactId: number, atS: number, agent: number, responseWorkingS: number): void;
}

export interface EmailProcessOptions {
  readonly streams: Streams;
  /** Batch runs draw their own arrivals; null: e-mails come from outside (`offer`). */
  readonly arrivals: ArrivalSource | null;
  readonly observer?: EmailObserver | null;
}

/**
 * The e-mail channel: a FIFO backlog worked by agents with the email skill. It is one of the pool's
 * work sources, asked in the order of a group's skills, so an agent whose higher-priority skills
 * (calls, chats) leave it idle takes the oldest e-mail, and a dedicated group works nothing else.
 * E-mails are opened only in working hours; an agent who opens one just before closing finishes it
 * (as a call at the end of a shift), so answers may go out after closing, and that time counts
 * nothing on the working-hours clock. The response time runs from receipt to the answer sent, on
 * that clock; the handle time is drawn on receipt (common random numbers).
 */
export class EmailProcess implements EventHandler, Integrator, WorkSource {
  readonly counters: EmailCounters;
  private readonly simulation: Simulation;
  private readonly agents: AgentPool;
  private readonly channel: number;
  private readonly base: number;
  private readonly model: EmailModel;
  private readonly clock: WorkingHoursClock;
  private readonly arrivals: ArrivalSource | null;
  private readonly observer: EmailObserver | null;
  private readonly thresholdS: number;
  private readonly handleRng: Rng;

  // The backlog: a ring of waiting e-mails, oldest at `head`.
  private ringSize = 0;
  private head = 0;
  private waitingCount = 0;
  private waitAt = new Float64Array(0);
  private waitId = new Float64Array(0);
  private waitWork = new Float64Array(0);
  private waitInterval = new Int32Array(0);

  // The e-mail in each agent's hands (by agent id); handAt < 0: none.
  private handAt = new Float64Array(0).fill(-1);
  private handId = new Float64Array(0);
  private handInterval = new Int32Array(0);
  private inHandCount = 0;

  private lastT = 0;
  private nextContactId = 0;

  constructor(
    simulation: Simulation,
    agents: AgentPool,
    channel: number,
    model: EmailModel,
    options: EmailProcessOptions,
  ) {
    this.simulation = simulation;
    this.agents = agents;
    this.channel = channel;
    this.model = model;
    this.clock = model.workingHours;
    this.base = simulation.register(this);
    simulation.addIntegrator(this);
    this.arrivals = options.arrivals;
    this.observer = options.observer ?? null;
    this.thresholdS = model.targets.thresholdS;
    this.handleRng = options.streams.stream('email.handleTime');
    this.counters = createEmailCounters(simulation.intervals);
    this.growRing(64);
    agents.connect(channel, this, this.counters);
  }

  /** E-mails waiting for an agent. */
  get waiting(): number {
    return this.waitingCount;
  }

  /** E-mails an agent is working on. */
  get inHand(): number {
    return this.inHandCount;
  }

  /** Working seconds on this channel's clock between two model instants. */
  workingSecondsBetween(fromS: number, toS: number): number {
    return this.clock.between(fromS, toS);
  }

  /** The instant the target's working time runs out for an e-mail received at `receivedAtS`. */
  dueAt(receivedAtS: number): number {
    return this.clock.after(receivedAtS, this.thresholdS);
  }

  start(t0: number): void {
    this.lastT = t0;
    if (this.arrivals !== null) this.scheduleNextArrival();
    this.scheduleOpeningAfter(t0);
  }

  /** An e-mail received from outside at model time `t`. */
  offer(t: number, contactId: number): void {
    this.arrive(t, contactId);
  }

  handle(kind: number, t: number, int: number): void {
    switch (kind) {
      case ARRIVAL:
        this.arrive(t, this.nextContactId++);
        this.scheduleNextArrival();
        break;
      case DONE:
        this.answer(t, int);
        break;
      case OPENS:
        this.assignWaiting(t);
        this.scheduleOpeningAfter(t);
        break;
    }
  }

  advance(t: number): void {
    const dt = t - this.lastT;
    if (dt > 0) {
      this.counters.waitingAreaS[this.simulation.interval]! += this.waitingCount * dt;
      this.lastT = t;
    }
  }

  /** An agent with nothing higher in its skills to do: it opens the oldest e-mail, in working hours. */
  serve(agent: number, t: number): boolean {
    if (this.waitingCount === 0 || !this.clock.isWorking(t)) return false;
    this.openOldest(t, agent);
    return true;
  }

  /** What is still unanswered at the horizon: counted by cohort, and overdue when past the target. */
  finish(horizonS: number): void {
    const c = this.counters;
    const count = (receivedAt: number, k: number) => {
      c.unansweredAtEnd[k]!++;
      if (this.clock.between(receivedAt, horizonS) > this.thresholdS) c.overdueAtEnd[k]!++;
    };
    for (let i = 0; i < this.waitingCount; i++) {
      const slot = (this.head + i) % this.ringSize;
      count(this.waitAt[slot]!, this.waitInterval[slot]!);
    }
    for (let agent = 0; agent < this.handAt.length; agent++)
      if (this.handAt[agent]! >= 0) count(this.handAt[agent]!, this.handInterval[agent]!);
  }

  // --- the e-mail ---------------------------------------------------------------------------------

  private arrive(t: number, contactId: number): void {
    const k = this.simulation.intervalAt(t);
    this.counters.offered[k]!++;
    this.observer?.arrived?.(contactId, t);
    const work = this.model.handleTime.sample(this.handleRng);
    this.advance(t);
    this.push(t, contactId, work, k);
    if (!this.clock.isWorking(t)) return;
    const agent = this.agents.takeIdle(this.channel);
    if (agent >= 0) this.openOldest(t, agent);
  }

  /** Agent `agent` (idle, taken) opens the oldest waiting e-mail at `t`. */
  private openOldest(t: number, agent: number): void {
    const slot = this.head;
    const receivedAt = this.waitAt[slot]!;
    const k = this.waitInterval[slot]!;
    const contactId = this.waitId[slot]!;
    const work = this.waitWork[slot]!;
    this.advance(t);
    this.head = (this.head + 1) % this.ringSize;
    this.waitingCount--;
    const c = this.counters;
    c.started[k]!++;
    c.waitSumS[k]! += t - receivedAt;
    this.agents.occupy(agent, this.channel);
    this.ensureAgent(agent);
    this.handAt[agent] = receivedAt;
    this.handId[agent] = contactId;
    this.handInterval[agent] = k;
    this.inHandCount++;
    this.observer?.started?.(contactId, t, agent);
    this.simulation.calendar.schedule(t + work, this.base | DONE, agent);
  }

  private answer(t: number, agent: number): void {
    const receivedAt = this.handAt[agent]!;
    const k = this.handInterval[agent]!;
    const c = this.counters;
    const working = this.clock.between(receivedAt, t);
    c.answered[this.simulation.intervalAt(t)]!++;
    c.cohortAnswered[k]!++;
    c.responseSumS[k]! += t - receivedAt;
    c.responseWorkingSumS[k]! += working;
    if (working <= this.thresholdS) c.answeredWithinT[k]!++;
    if (working > c.maxResponseWorkingS[k]!) c.maxResponseWorkingS[k] = working;
    c.responseWorkingHistogram[k * WAIT_BUCKETS + waitBucket(working)]!++;
    this.handAt[agent] = -1;
    this.inHandCount--;
    this.observer?.answered(this.handId[agent]!, t, agent, working);
    this.agents.release(agent, t);
  }

  /** At an opening: idle agents with the skill take the oldest e-mails. */
  private assignWaiting(t: number): void {
    if (!this.clock.isWorking(t)) return;
    while (this.waitingCount > 0) {
      const agent = this.agents.takeIdle(this.channel);
      if (agent < 0) return;
      this.openOldest(t, agent);
    }
  }

  private scheduleNextArrival(): void {
    const t = this.arrivals!.next();
    if (t < this.simulation.horizonS) this.simulation.calendar.schedule(t, this.base | ARRIVAL);
  }

  /** Schedules OPENS at the next start of working hours after `t` (past the horizon only when cyclic). */
  private scheduleOpeningAfter(t: number): void {
    const next = this.clock.nextOpening(t);
    const { horizonS, cyclic } = this.simulation;
    if (next < Number.POSITIVE_INFINITY && (cyclic || next < horizonS))
      this.simulation.calendar.schedule(next, this.base | OPENS);
  }

  // --- storage ------------------------------------------------------------------------------------

  private push(t: number, contactId: number, work: number, k: number): void {
    if (this.waitingCount === this.ringSize) this.growRing(this.ringSize * 2);
    const slot = (this.head + this.waitingCount) % this.ringSize;
    this.waitAt[slot] = t;
    this.waitId[slot] = contactId;
    this.waitWork[slot] = work;
    this.waitInterval[slot] = k;
    this.waitingCount++;
  }

  private growRing(size: number): void {
    const at = new Float64Array(size);
    const id = new Float64Array(size);
    const work = new Float64Array(size);
    const interval = new Int32Array(size);
    for (let i = 0; i < this.waitingCount; i++) {
      const from = (this.head + i) % this.ringSize;
      at[i] = this.waitAt[from]!;
      id[i] = this.waitId[from]!;
      work[i] = this.waitWork[from]!;
      interval[i] = this.waitInterval[from]!;
    }
    this.waitAt = at;
    this.waitId = id;
    this.waitWork = work;
    this.waitInterval = interval;
    this.head = 0;
    this.ringSize = size;
  }

  private ensureAgent(agent: number): void {
    if (agent < this.handAt.length) return;
    const size = Math.max(64, (agent + 1) * 2);
    const at = new Float64Array(size).fill(-1);
    at.set(this.handAt);
    const id = new Float64Array(size);
    id.set(this.handId);
    const interval = new Int32Array(size);
    interval.set(this.handInterval);
    this.handAt = at;
    this.handId = id;
    this.handInterval = interval;
  }
}
