import type { PhoneModel, ScenarioModel } from '../../scenarios/ScenarioModel.js';
import type { Distribution } from '../../sim/distributions/Distribution.js';
import { cumulativeShares } from '../../sim/phone/cumulativeShares.js';
import { createStream, type Rng } from '../../sim/rng/createStream.js';
import type { ModelClock } from '../ModelClock.js';
import { Scheduler } from '../Scheduler.js';
import { AgentRoster } from './AgentRoster.js';
import { ClassQueues } from './ClassQueues.js';
import {
  CALL_OUTCOMES,
  type CallCounts,
  type CallOutcome,
  type CallRequest,
  type CallResult,
  type Contact,
} from './callTypes.js';

export interface AcdSnapshot {
  modelTimeS: number;
  /** Interval of the model time now (index within the scenario's horizon). */
  interval: number;
  queueLength: number;
  agentsBusy: number;
  agentsOnDuty: number;
  trunkLinesBusy: number;
  /** Requests held open now (in the IVR or in the queue). */
  pendingCalls: number;
  calls: CallCounts;
}

/**
 * The simulator's phone ACD (sim/phone/simulatePhone.ts) run on a real-time model clock: trunk lines,
 * IVR with self-service, agents from the staffing step function, priority FCFS queue, patience,
 * talk time and after-call work. Per-contact draws happen at arrival, from the simulator's streams
 * and in its order, so the draws of the n-th arrival equal the simulator's n-th draws. There are no
 * retrials here: a retrial is a new request from the client.
 *
 * Past the scenario's horizon (calendar.days) the scenario repeats: staffing, open hours and interval
 * indexes are taken modulo the horizon, so a long-running mock keeps serving.
 */
export class RealtimeAcd {
  readonly scheduler: Scheduler;
  private readonly model: PhoneModel;
  private readonly intervalS: number;
  private readonly horizonS: number;
  private readonly classIndex: Map<string, number>;
  private readonly classShares: Float64Array;
  private readonly classPatience: Distribution[];
  private readonly routingRng: Rng;
  private readonly ivrRng: Rng;
  private readonly patienceRng: Rng;
  private readonly talkRng: Rng;
  private readonly acwRng: Rng;
  private readonly agents = new AgentRoster();
  private readonly queue: ClassQueues<Contact>;
  /** Contacts whose request is held open (IVR or queue), for shutdown. */
  private readonly pending = new Set<Contact>();
  private readonly counts: CallCounts = zeroCounts();
  private trunkBusy = 0;
  private shutDown = false;

  constructor(
    scenario: ScenarioModel,
    private readonly clock: ModelClock,
    seed: number | string,
  ) {
    this.model = scenario.phone;
    this.intervalS = scenario.calendar.intervalS;
    this.horizonS = scenario.calendar.days * scenario.calendar.intervalsPerDay * this.intervalS;
    this.classIndex = new Map(this.model.classes.map((c, i) => [c.name, i]));
    this.classShares = cumulativeShares(this.model.classes.map((c) => c.share));
    this.classPatience = this.model.classes.map((c) => c.patience);
    // The simulator's streams, replication 0. phone.arrivals, phone.demand and phone.retrial are the
    // client's business (the k6 replay), so the mock does not draw from them.
    this.routingRng = createStream(seed, 'phone.routing', 0);
    this.ivrRng = createStream(seed, 'phone.ivr', 0);
    this.patienceRng = createStream(seed, 'phone.patience', 0);
    this.talkRng = createStream(seed, 'phone.talkTime', 0);
    this.acwRng = createStream(seed, 'phone.afterCallWork', 0);
    this.queue = new ClassQueues(this.model.classes.length);
    this.scheduler = new Scheduler(clock);
    this.startStaffing(clock.nowS());
  }

  get isShutDown(): boolean {
    return this.shutDown;
  }

  get pendingCalls(): number {
    return this.pending.size;
  }

  /** Names of the priority classes, highest priority first. */
  get classNames(): string[] {
    return this.model.classes.map((c) => c.name);
  }

  /**
   * Offers a call now; resolves when it is answered, abandoned, blocked, closed or self-served.
   * `signal` is the caller hanging up: when it aborts before the outcome, the contact leaves the IVR
   * or the queue as abandoned (reason 'hangUp') at the model time of the abort, frees its line and
   * queue place and never reaches an agent. Events due by then run first (an answer due earlier wins).
   */
  offer(request: CallRequest = {}, signal?: AbortSignal): Promise<CallResult> {
    return new Promise((resolve) => {
      const hangUp = () => this.hangUp(contact);
      const contact = this.arrive(request, (result) => {
        signal?.removeEventListener('abort', hangUp);
        resolve(result);
      });
      if (signal?.aborted) hangUp();
      else if (contact.state !== 'done') signal?.addEventListener('abort', hangUp, { once: true });
    });
  }

  private hangUp(contact: Contact): void {
    const t = this.catchUp();
    if (contact.state !== 'ivr' && contact.state !== 'queued') return;
    if (contact.state === 'queued') this.queue.remove();
    this.trunkBusy--;
    const waitS = contact.state === 'queued' ? t - contact.queuedAtS : 0;
    this.finish(contact, 'abandoned', waitS, null, 'hangUp');
  }

  snapshot(): AcdSnapshot {
    const now = this.catchUp();
    return {
      modelTimeS: now,
      interval: this.intervalAt(now),
      queueLength: this.queue.length,
      agentsBusy: this.agents.busy,
      agentsOnDuty: this.agents.onDuty,
      trunkLinesBusy: this.trunkBusy,
      pendingCalls: this.pending.size,
      calls: { ...this.counts },
    };
  }

  /**
   * Ends the model: every held call gets the outcome "abandoned" with reason "shutdown" (waitS is its
   * wait so far), timers stop, and later offers are refused by the routes.
   */
  shutdown(): void {
    if (this.shutDown) return;
    const now = this.catchUp();
    this.shutDown = true;
    this.scheduler.stop();
    for (const contact of [...this.pending]) {
      const waitS = contact.state === 'queued' ? now - contact.queuedAtS : 0;
      this.finish(contact, 'abandoned', waitS, null, 'shutdown');
    }
  }

  /** Runs every event due by the clock; returns the model time now. */
  private catchUp(): number {
    const now = this.clock.nowS();
    if (!this.shutDown) this.scheduler.runDue(now);
    return now;
  }

  /** The simulator's `arrive`: the same draws in the same order, then closed / blocked / IVR / queue. */
  private arrive(request: CallRequest, resolve: (result: CallResult) => void): Contact {
    const t = this.catchUp();
    const model = this.model;
    const drawnClass = this.drawClass();
    const requested = request.class === undefined ? undefined : this.classIndex.get(request.class);
    const cls = requested ?? drawnClass;
    const selfService = model.ivr !== null && this.routingRng() < model.ivr.selfServiceShare;
    const ivrTime = model.ivr === null ? 0 : model.ivr.time.sample(this.ivrRng);
    // Drawn even when the client sends its own patience, so later contacts keep their draws.
    const drawnPatience = this.classPatience[cls]!.sample(this.patienceRng);
    const talk = model.talkTime.sample(this.talkRng);
    const acw = model.afterCallWork === null ? 0 : model.afterCallWork.sample(this.acwRng);

    const contact: Contact = {
      callId: request.callId,
      klass: cls,
      className: model.classes[cls]!.name,
      interval: this.intervalAt(t),
      patienceS: request.patienceS ?? drawnPatience,
      talkS: talk,
      acwS: acw,
      state: 'new',
      queuedAtS: t,
      queuedAtWallMs: this.clock.wallNowMs(),
      resolve,
    };
    const refused = this.refusal(contact);
    if (refused !== undefined) {
      this.finish(contact, refused, 0, null, this.shutDown ? 'shutdown' : undefined);
      return contact;
    }
    this.trunkBusy++;
    this.pending.add(contact);
    if (model.ivr === null) {
      this.enterQueue(t, contact);
      return contact;
    }
    contact.state = 'ivr';
    this.scheduler.at(t + ivrTime, (at) => this.leaveIvr(at, contact, selfService));
    return contact;
  }

  /** Outcome of a call that does not get a line: closed hours first, then busy trunk lines. */
  private refusal(contact: Contact): CallOutcome | undefined {
    if (this.shutDown) return 'abandoned';
    if (this.model.open[contact.interval] === 0) return 'closed';
    if (this.trunkBusy >= this.model.trunkLines) return 'blocked';
    return undefined;
  }

  private drawClass(): number {
    const shares = this.classShares;
    if (shares.length === 1) return 0;
    const u = this.routingRng();
    for (let i = 0; i < shares.length - 1; i++) if (u < shares[i]!) return i;
    return shares.length - 1;
  }

  private leaveIvr(t: number, contact: Contact, selfService: boolean): void {
    if (contact.state !== 'ivr') return;
    if (selfService) {
      this.trunkBusy--;
      this.finish(contact, 'selfServed', 0, null);
      return;
    }
    this.enterQueue(t, contact);
  }

  private enterQueue(t: number, contact: Contact): void {
    contact.queuedAtS = t;
    contact.queuedAtWallMs = this.clock.wallNowMs();
    const agent = this.agents.takeIdle();
    if (agent !== undefined) {
      this.startService(t, contact, agent);
      return;
    }
    contact.state = 'queued';
    this.queue.push(contact.klass, contact);
    if (contact.patienceS < Number.POSITIVE_INFINITY) {
      this.scheduler.at(t + contact.patienceS, (at) => this.abandon(at, contact));
    }
  }

  /** An agent (already taken from the idle ones) answers: respond now, stay busy for talk + ACW. */
  private startService(t: number, contact: Contact, agent: number): void {
    this.finish(contact, 'answered', t - contact.queuedAtS, agent);
    const talkEnd = t + contact.talkS;
    const acw = contact.acwS;
    this.scheduler.at(talkEnd, (at) => {
      this.trunkBusy--;
      if (acw > 0) this.scheduler.at(at + acw, (end) => this.agentFree(end, agent));
      else this.agentFree(at, agent);
    });
  }

  private abandon(t: number, contact: Contact): void {
    if (contact.state !== 'queued') return;
    this.queue.remove();
    this.trunkBusy--;
    this.finish(contact, 'abandoned', t - contact.queuedAtS, null);
  }

  private agentFree(t: number, agent: number): void {
    if (this.agents.release(agent) === 'left') return;
    this.serveQueue(t);
  }

  /** Idle agents take waiting contacts, highest priority class first, FCFS within a class. */
  private serveQueue(t: number): void {
    while (this.agents.idleCount > 0 && this.queue.length > 0) {
      const contact = this.queue.pop((c) => c.state === 'queued');
      if (contact === undefined) break;
      this.startService(t, contact, this.agents.takeIdle()!);
    }
  }

  private startStaffing(t: number): void {
    const times = this.model.staffing.changeTimesS;
    const cycleStart = Math.floor(t / this.horizonS) * this.horizonS;
    let index = 0;
    while (index + 1 < times.length && times[index + 1]! <= t - cycleStart) index++;
    this.changeStaffing(t, cycleStart, index);
  }

  /** Applies staffing level `index` of the cycle starting at `cycleStart`; schedules the next one. */
  private changeStaffing(t: number, cycleStart: number, index: number): void {
    const { changeTimesS, agents } = this.model.staffing;
    this.agents.setScheduled(agents[index]!);
    this.serveQueue(t);
    const last = index + 1 >= changeTimesS.length;
    // A constant staffing needs no change events at all.
    if (last && changeTimesS.length === 1) return;
    const nextCycle = last ? cycleStart + this.horizonS : cycleStart;
    const nextIndex = last ? 0 : index + 1;
    this.scheduler.at(nextCycle + changeTimesS[nextIndex]!, (at) =>
      this.changeStaffing(at, nextCycle, nextIndex),
    );
  }

  private intervalAt(t: number): number {
    const position = ((t % this.horizonS) + this.horizonS) % this.horizonS;
    return Math.min(Math.floor(position / this.intervalS), this.model.open.length - 1);
  }

  private finish(
    contact: Contact,
    outcome: CallOutcome,
    waitS: number,
    agent: number | null,
    reason?: CallResult['reason'],
  ): void {
    // Wall time in queue: from queue entry, for calls that queued (not IVR time, not refusals).
    const queued = contact.state === 'queued' || outcome === 'answered';
    contact.state = 'done';
    this.pending.delete(contact);
    this.counts[outcome]++;
    const waitMs = queued ? this.clock.wallNowMs() - contact.queuedAtWallMs : 0;
    const result: CallResult = {
      outcome,
      waitS: finite(waitS),
      waitMs: finite(waitMs),
      agent,
      interval: contact.interval,
      class: contact.className,
      talkS: outcome === 'answered' ? finite(contact.talkS) : null,
    };
    if (reason !== undefined) result.reason = reason;
    if (contact.callId !== undefined) result.callId = contact.callId;
    contact.resolve(result);
  }
}

function zeroCounts(): CallCounts {
  return Object.fromEntries(CALL_OUTCOMES.map((o) => [o, 0])) as CallCounts;
}

/** Responses never carry NaN or Infinity; rounding keeps them readable (ms precision). */
function finite(value: number): number {
  return Number.isFinite(value) ? Math.max(0, Math.round(value * 1000) / 1000) : 0;
}
