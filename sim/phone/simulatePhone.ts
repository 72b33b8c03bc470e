import type { PhoneModel, ScenarioModel } from '../../scenarios/ScenarioModel.js';
import type { Distribution } from '../distributions/Distribution.js';
import { Gamma } from '../distributions/Gamma.js';
import { EventCalendar } from '../engine/EventCalendar.js';
import { createPhoneCounters, type PhoneCounters } from '../metrics/PhoneCounters.js';
import { WAIT_BUCKETS, waitBucket } from '../metrics/WaitHistogram.js';
import { createStream, type Rng } from '../rng/createStream.js';
import { ContactPool, IN_IVR, IN_QUEUE } from './ContactPool.js';
import { ContactQueue } from './ContactQueue.js';
import { cumulativeShares } from './cumulativeShares.js';
import { PiecewisePoissonArrivals } from './PiecewisePoissonArrivals.js';

// Event kinds. Payloads: ABANDON/IVR_END carry (slot, generation); TALK_END carries the after-call
// work; RETRY carries attempt | class << 8; STAFF the index of the staffing change point.
const ARRIVAL = 1;
const RETRY = 2;
const IVR_END = 3;
const ABANDON = 4;
const TALK_END = 5;
const AGENT_FREE = 6;
const BOUNDARY = 7;
const STAFF = 8;

/** Runs one replication of the phone channel and returns its raw per-interval counters. */
export function simulatePhone(
  scenario: ScenarioModel,
  seed: number | string,
  replication: number,
): PhoneCounters {
  const simulation = new PhoneSimulation(scenario, seed, replication);
  simulation.run();
  return simulation.counters;
}

/**
 * The phone channel as an ACD: trunk lines, optional IVR with self-service, agents on duty from a
 * staffing step function, priority FCFS queue, abandonment, blocking, retrials and closed hours.
 * Per-contact draws (class, IVR, patience, talk, after-call work) all happen at arrival, each from
 * its own stream, so a change of staffing or lines does not shift any other contact's draws.
 */
class PhoneSimulation {
  readonly counters: PhoneCounters;
  private readonly model: PhoneModel;
  private readonly calendar = new EventCalendar(1024);
  private readonly pool = new ContactPool(256);
  private readonly queue: ContactQueue;
  private readonly arrivals: PiecewisePoissonArrivals;
  private readonly intervals: number;
  private readonly intervalS: number;
  private readonly horizonS: number;
  private readonly thresholdS: number;

  private readonly routingRng: Rng;
  private readonly ivrRng: Rng;
  private readonly patienceRng: Rng;
  private readonly talkRng: Rng;
  private readonly acwRng: Rng;
  private readonly retrialRng: Rng;
  private readonly classShares: Float64Array;
  private readonly classPatience: Distribution[];

  private now = 0;
  private lastT = 0;
  private interval = 0;
  private ended = false;
  private trunkBusy = 0;
  private busy = 0;
  private idle = 0;
  private onDuty = 0;
  /** Busy agents whose shift has ended: they leave when the contact in hand is done (overtime). */
  private pendingLeaves = 0;
  private queueLength = 0;

  constructor(scenario: ScenarioModel, seed: number | string, replication: number) {
    const { calendar } = scenario;
    this.model = scenario.phone;
    this.intervals = calendar.days * calendar.intervalsPerDay;
    this.intervalS = calendar.intervalS;
    this.horizonS = this.intervals * this.intervalS;
    this.thresholdS = this.model.targets.thresholdS;
    this.counters = createPhoneCounters(this.intervals, this.model.classes.length);
    this.queue = new ContactQueue(this.model.classes.length);
    this.routingRng = createStream(seed, 'phone.routing', replication);
    this.ivrRng = createStream(seed, 'phone.ivr', replication);
    this.patienceRng = createStream(seed, 'phone.patience', replication);
    this.talkRng = createStream(seed, 'phone.talkTime', replication);
    this.acwRng = createStream(seed, 'phone.afterCallWork', replication);
    this.retrialRng = createStream(seed, 'phone.retrial', replication);
    this.classShares = cumulativeShares(this.model.classes.map((c) => c.share));
    this.classPatience = this.model.classes.map((c) => c.patience);
    const rates = arrivalRates(scenario, createStream(seed, 'phone.demand', replication));
    this.arrivals = new PiecewisePoissonArrivals(
      rates,
      this.intervalS,
      createStream(seed, 'phone.arrivals', replication),
    );
  }

  run(): void {
    const calendar = this.calendar;
    const staffing = this.model.staffing;
    this.setScheduledAgents(staffing.agents[0]!);
    if (staffing.changeTimesS.length > 1) calendar.schedule(staffing.changeTimesS[1]!, STAFF, 1);
    calendar.schedule(this.intervalS, BOUNDARY);
    this.scheduleNextArrival();
    const current = calendar.current;
    while (!this.ended) {
      const kind = calendar.pop();
      const t = current.time;
      this.advance(t);
      switch (kind) {
        case ARRIVAL:
          this.arrive(t, 1, -1);
          this.scheduleNextArrival();
          break;
        case RETRY:
          this.arrive(t, current.int & 0xff, current.int >> 8);
          break;
        case IVR_END:
          this.leaveIvr(t, current.int);
          break;
        case ABANDON:
          if (this.pool.gen[current.int] === current.float) this.abandon(t, current.int);
          break;
        case TALK_END:
          this.trunkBusy--;
          if (current.float > 0) calendar.schedule(t + current.float, AGENT_FREE);
          else this.agentFree(t);
          break;
        case AGENT_FREE:
          this.agentFree(t);
          break;
        case BOUNDARY:
          this.crossBoundary(t);
          break;
        case STAFF:
          this.changeStaffing(current.int);
          break;
      }
    }
    this.countInSystemAtEnd();
  }

  /** Integrates agent and queue time up to t within the current interval. */
  private advance(t: number): void {
    const dt = t - this.lastT;
    if (dt > 0) {
      const k = this.interval;
      const c = this.counters;
      c.busyAgentS[k]! += this.busy * dt;
      c.onDutyAgentS[k]! += this.onDuty * dt;
      c.overtimeAgentS[k]! += this.pendingLeaves * dt;
      c.queueAreaS[k]! += this.queueLength * dt;
      this.lastT = t;
    }
    this.now = t;
  }

  private scheduleNextArrival(): void {
    const t = this.arrivals.next();
    if (t < this.horizonS) this.calendar.schedule(t, ARRIVAL);
  }

  /** A first attempt (klass -1: drawn here) or a retrial of a contact of class `klass`. */
  private arrive(t: number, attempt: number, klass: number): void {
    const model = this.model;
    const c = this.counters;
    const k = this.interval;
    c.offered[k]!++;
    if (attempt > 1) c.retrials[k]!++;

    const drawnClass = this.drawClass();
    const cls = klass >= 0 ? klass : drawnClass;
    c.byClass.offered[cls]!++;
    const selfService = model.ivr !== null && this.routingRng() < model.ivr.selfServiceShare;
    const ivrTime = model.ivr === null ? 0 : model.ivr.time.sample(this.ivrRng);
    const patience = this.classPatience[cls]!.sample(this.patienceRng);
    const talk = model.talkTime.sample(this.talkRng);
    const acw = model.afterCallWork === null ? 0 : model.afterCallWork.sample(this.acwRng);

    if (model.open[k] === 0) {
      c.closed[k]!++;
      this.maybeRetry(t, model.retrial?.afterClosed ?? 0, attempt, cls);
      return;
    }
    if (this.trunkBusy >= model.trunkLines) {
      c.blocked[k]!++;
      this.maybeRetry(t, model.retrial?.afterBlocked ?? 0, attempt, cls);
      return;
    }
    this.trunkBusy++;
    const pool = this.pool;
    const slot = pool.allocate();
    pool.arrivalInterval[slot] = k;
    pool.klass[slot] = cls;
    pool.attempt[slot] = attempt;
    pool.patience[slot] = patience;
    pool.talk[slot] = talk;
    pool.afterCallWork[slot] = acw;
    if (model.ivr !== null) {
      pool.state[slot] = IN_IVR;
      pool.selfService[slot] = selfService ? 1 : 0;
      this.calendar.schedule(t + ivrTime, IVR_END, slot);
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
    const pool = this.pool;
    if (pool.selfService[slot] === 1) {
      this.counters.selfServed[pool.arrivalInterval[slot]!]!++;
      this.trunkBusy--;
      pool.release(slot);
      return;
    }
    this.enterQueue(t, slot);
  }

  private enterQueue(t: number, slot: number): void {
    const pool = this.pool;
    pool.entryTime[slot] = t;
    if (this.idle > 0) {
      this.idle--;
      this.startService(t, slot);
      return;
    }
    pool.state[slot] = IN_QUEUE;
    this.queue.push(pool.klass[slot]!, slot, pool.gen[slot]!);
    this.queueLength++;
    const c = this.counters;
    if (this.queueLength > c.maxQueue[this.interval]!) c.maxQueue[this.interval] = this.queueLength;
    const patience = pool.patience[slot]!;
    if (patience < Number.POSITIVE_INFINITY)
      this.calendar.schedule(t + patience, ABANDON, slot, pool.gen[slot]!);
  }

  /** An agent (already counted out of `idle`) answers the contact in `slot`. */
  private startService(t: number, slot: number): void {
    const pool = this.pool;
    const c = this.counters;
    const k = pool.arrivalInterval[slot]!;
    const wait = t - pool.entryTime[slot]!;
    c.answered[k]!++;
    c.waitSumAnsweredS[k]! += wait;
    c.queueTimeSumS[k]! += wait;
    const byClass = c.byClass;
    const cls = pool.klass[slot]!;
    byClass.answered[cls]!++;
    byClass.waitSumAnsweredS[cls]! += wait;
    if (wait <= this.thresholdS) {
      c.answeredWithinT[k]!++;
      byClass.answeredWithinT[cls]!++;
    }
    if (wait > c.maxWaitS[k]!) c.maxWaitS[k] = wait;
    c.waitHistogram[k * WAIT_BUCKETS + waitBucket(wait)]!++;
    this.busy++;
    const acw = pool.afterCallWork[slot]!;
    this.calendar.schedule(t + pool.talk[slot]!, TALK_END, 0, acw);
    pool.release(slot);
  }

  private abandon(t: number, slot: number): void {
    const pool = this.pool;
    const c = this.counters;
    const k = pool.arrivalInterval[slot]!;
    const wait = t - pool.entryTime[slot]!;
    const cls = pool.klass[slot]!;
    c.abandoned[k]!++;
    c.byClass.abandoned[cls]!++;
    if (wait > this.thresholdS) {
      c.abandonedAfterT[k]!++;
      c.byClass.abandonedAfterT[cls]!++;
    }
    c.queueTimeSumS[k]! += wait;
    this.queueLength--;
    if (this.queueLength === 0) this.queue.clear();
    this.trunkBusy--;
    const attempt = pool.attempt[slot]!;
    pool.release(slot);
    this.maybeRetry(t, this.model.retrial?.afterAbandoned ?? 0, attempt, cls);
  }

  private agentFree(t: number): void {
    this.busy--;
    if (this.pendingLeaves > 0) {
      this.pendingLeaves--;
      this.onDuty--;
      return;
    }
    if (this.queueLength > 0) {
      const slot = this.queue.pop(this.pool.gen);
      this.queueLength--;
      this.startService(t, slot);
      return;
    }
    this.idle++;
  }

  private maybeRetry(t: number, probability: number, attempt: number, cls: number): void {
    const retrial = this.model.retrial;
    if (retrial === null || probability <= 0 || attempt >= retrial.maxAttempts) return;
    if (this.retrialRng() >= probability) return;
    const at = t + retrial.delay.sample(this.retrialRng);
    if (at < this.horizonS) this.calendar.schedule(at, RETRY, (attempt + 1) | (cls << 8));
  }

  private crossBoundary(t: number): void {
    this.interval++;
    if (this.interval >= this.intervals) {
      this.ended = true;
      return;
    }
    this.calendar.schedule(t + this.intervalS, BOUNDARY);
  }

  private changeStaffing(index: number): void {
    const staffing = this.model.staffing;
    this.setScheduledAgents(staffing.agents[index]!);
    if (index + 1 < staffing.changeTimesS.length && staffing.changeTimesS[index + 1]! < this.horizonS) {
      this.calendar.schedule(staffing.changeTimesS[index + 1]!, STAFF, index + 1);
    }
  }

  /** Moves agents on duty toward `target`: idle agents leave at once, busy ones after their contact. */
  private setScheduledAgents(target: number): void {
    let diff = target - (this.onDuty - this.pendingLeaves);
    if (diff > 0) {
      const stay = Math.min(diff, this.pendingLeaves);
      this.pendingLeaves -= stay;
      diff -= stay;
      this.onDuty += diff;
      this.idle += diff;
      while (this.idle > 0 && this.queueLength > 0) {
        const slot = this.queue.pop(this.pool.gen);
        this.queueLength--;
        this.idle--;
        this.startService(this.now, slot);
      }
      if (this.queueLength === 0) this.queue.clear();
    } else if (diff < 0) {
      const leaveNow = Math.min(-diff, this.idle);
      this.idle -= leaveNow;
      this.onDuty -= leaveNow;
      this.pendingLeaves += -diff - leaveNow;
    }
  }

  /** Contacts still in the IVR or queue at the horizon; their partial waits still count as queue time. */
  private countInSystemAtEnd(): void {
    const pool = this.pool;
    const c = this.counters;
    for (let slot = 0; slot < pool.capacity; slot++) {
      const state = pool.state[slot]!;
      if (state === 0) continue;
      const k = pool.arrivalInterval[slot]!;
      c.inSystemAtEnd[k]!++;
      if (state === IN_QUEUE) c.queueTimeSumS[k]! += this.horizonS - pool.entryTime[slot]!;
    }
  }
}

/** Arrival rate per second per interval, with one day-to-day volume factor per day (mean 1). */
function arrivalRates(scenario: ScenarioModel, demandRng: Rng): Float64Array {
  const { calendar, phone } = scenario;
  const ipd = calendar.intervalsPerDay;
  const rates = new Float64Array(phone.expectedCalls.length);
  const dayFactor = phone.dailyCv > 0 ? new Gamma(1, phone.dailyCv) : null;
  for (let d = 0; d < calendar.days; d++) {
    const factor = dayFactor === null ? 1 : dayFactor.sample(demandRng);
    for (let s = 0; s < ipd; s++)
      rates[d * ipd + s] = (phone.expectedCalls[d * ipd + s]! * factor) / calendar.intervalS;
  }
  return rates;
}
