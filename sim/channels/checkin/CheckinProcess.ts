import type { AgentPool, WorkSource } from '../../agents/AgentPool.js';
import type { ArrivalSource } from '../../arrivals/ArrivalSource.js';
import { EventCalendar } from '../../engine/EventCalendar.js';
import type { EventHandler, Integrator, Simulation } from '../../engine/Simulation.js';
import { WAIT_BUCKETS, waitBucket } from '../../metrics/WaitHistogram.js';
import { ContactQueue } from '../../queues/ContactQueue.js';
import { grown } from '../../queues/grown.js';
import type { Rng } from '../../rng/createStream.js';
import type { Streams } from '../../rng/Streams.js';
import type { Couplings } from '../Couplings.js';
import {
  CALLS_CAUSED_FIELDS,
  type CheckinCounters,
  createCheckinCounters,
  FAILED_FIELDS,
} from './CheckinCounters.js';
import { type CheckinModel, FAILURE_MODES, type FailureMode } from './CheckinModel.js';

// Local event kinds. PROMPT carries nothing (with `promptsAhead`, it sends the prompts of the next
// PROMPTS_AHEAD_S); SUBMIT, VERIFIED carry the slot; REVIEWED (slot, agent);
// FAILED and LATE (mode, call delay or -1); CALL (mode).
const PROMPT = 1;
const SUBMIT = 2;
const VERIFIED = 3;
const REVIEWED = 4;
const FAILED = 5;
const CALL = 6;
/** A response after the deadline: FAILED as noResponse, also counted as late. */
const LATE = 7;

/** With `promptsAhead`, one PROMPT event sends the prompts of this much model time. */
const PROMPTS_AHEAD_S = 60;

// Failure modes by index (FAILURE_MODES order); the verification's other outcomes after them.
const NO_RESPONSE = 0;
const APP_ERROR = 1;
const GEOLOCATION_WRONG = 2;
const PHOTO_NOT_IDENTIFIED = 3;
const CANNOT_USE_APP = 4;
const TO_REVIEW = 5;
const PASSES = 6;

// Where a submitted check-in is.
const VERIFY_QUEUED = 1;
const VERIFYING = 2;
const REVIEW_QUEUED = 3;
const REVIEWING = 4;

/** What the service said about a submitted check-in, as a client polling its status reads it. */
export type CheckinDecision = 'verified' | 'failed' | 'underReview';

/** What the check-in process tells an observer (the mock transport, tests). */
export interface CheckinObserver {
  decided(contactId: number, decision: CheckinDecision, mode: FailureMode | null, atS: number): void;
}

export interface CheckinProcessOptions {
  readonly streams: Streams;
  /** The prompts the model sends itself; null in real time (check-ins come from outside: `submit`). */
  readonly prompts: ArrivalSource | null;
  /**
   * Whether the process may send prompts before their instant: a batch run whose streams never branch.
   * A prompt reads no state and all its draws come from its own streams in prompt order, so sending
   * the next minute's prompts in one event draws and counts the same numbers. A branching run must
   * draw a prompt after the branch point from the branch's streams, so it sends each at its instant.
   */
  readonly promptsAhead?: boolean;
  /**
   * Real time: whether the upload of a prompt at `t`, if the person makes one, comes from outside (a
   * client plays the people: `submit`). The model then plays only the prompts that never reach the
   * service (no response, late, app error, cannot use the app) and the calls they cause, so the
   * phone queue of the mocks has them. Absent: the model submits every check-in itself (batch).
   */
  readonly uploadsFromOutside?: ((t: number) => boolean) | null;
  readonly couplings: Couplings;
  readonly observer?: CheckinObserver | null;
}

/**
 * The check-in channel. Prompts to the monitored population are a Poisson process (rate N/gap per
 * interval); each prompt draws, at once, what happens to it: the person cannot use the app, never
 * answers, answers after a response delay (late past the deadline), the app fails, or the check-in is
 * submitted to the automatic verification (a FCFS service of `capacity` at once), which fails it
 * (geolocation, photo), passes it, or sends it to manual review: a FCFS queue that agents with the
 * checkin skill work from the shared pool. Every failure is a violation and may become a call to the
 * phone channel of the same run (Couplings), after a delay, counted here by cause.
 */
export class CheckinProcess implements EventHandler, Integrator, WorkSource {
  readonly counters: CheckinCounters;
  private readonly model: CheckinModel;
  private readonly simulation: Simulation;
  private readonly agents: AgentPool;
  private readonly channel: number;
  private readonly base: number;
  private readonly prompts: ArrivalSource | null;
  private readonly promptsAhead: boolean;
  private readonly uploadsFromOutside: ((t: number) => boolean) | null;
  /** Instant of the next prompt not sent yet (`promptsAhead`). */
  private nextPromptAt = Number.POSITIVE_INFINITY;
  private readonly couplings: Couplings;
  private readonly observer: CheckinObserver | null;
  /** Running sums of the outcome probabilities of an app user's prompt, FAILURE_MODES then review. */
  private readonly cumulative: Float64Array;

  private readonly outcomeRng: Rng;
  private readonly responseRng: Rng;
  private readonly latencyRng: Rng;
  private readonly reviewRng: Rng;
  private readonly callRng: Rng;
  private readonly callDelayRng: Rng;

  private readonly verifyQueue = new ContactQueue(1);
  private readonly reviewQueue = new ContactQueue(1);
  private verifyQueued = 0;
  private verifying = 0;
  /**
   * The process's own agenda (SUBMIT and VERIFIED of check-ins nobody but the counters hears about),
   * or null: then every instant is an event of the run's calendar. Only a batch run without an
   * observer has one: there, a check-in that passes or fails without a call touches nothing outside
   * this process, so its instants need not be ordered against the other channels' events. They are
   * handled in time order before anything that reads the verification's state or sums (`catchUp`),
   * so every counter adds the same numbers in the same order as with events: outputs are unchanged.
   */
  private readonly agenda: EventCalendar | null;
  /** Check-ins in the verification queue whose decision is a run event (review, a call). */
  private outsideQueued = 0;
  private reviewQueued = 0;
  private lastT = 0;
  private nextContactId = 0;

  // Submitted check-ins in slots of typed arrays.
  private capacity = 0;
  private state = new Uint8Array(0);
  private gen = new Int32Array(0);
  private outcome = new Uint8Array(0);
  private submittedAt = new Float64Array(0);
  private queuedAt = new Float64Array(0);
  private latency = new Float64Array(0);
  private reviewWork = new Float64Array(0);
  /** Delay of the call a failure makes; -1: no call. */
  private callDelay = new Float64Array(0);
  private contactId = new Float64Array(0);
  /** The verification's decision in the agenda: its instant and agenda id; -1 when not there. */
  private decidedAt = new Float64Array(0);
  private agendaId = new Int32Array(0);
  private free: number[] = [];

  constructor(
    simulation: Simulation,
    agents: AgentPool,
    channel: number,
    model: CheckinModel,
    options: CheckinProcessOptions,
  ) {
    this.simulation = simulation;
    this.agents = agents;
    this.channel = channel;
    this.model = model;
    this.base = simulation.register(this);
    simulation.addIntegrator(this);
    this.prompts = options.prompts;
    this.promptsAhead = options.promptsAhead ?? false;
    this.uploadsFromOutside = options.uploadsFromOutside ?? null;
    this.couplings = options.couplings;
    this.observer = options.observer ?? null;
    this.counters = createCheckinCounters(simulation.intervals);
    const { streams } = options;
    this.outcomeRng = streams.stream('checkin.outcome');
    this.responseRng = streams.stream('checkin.responseDelay');
    this.latencyRng = streams.stream('checkin.verificationLatency');
    this.reviewRng = streams.stream('checkin.reviewTime');
    this.callRng = streams.stream('checkin.call');
    this.callDelayRng = streams.stream('checkin.callDelay');
    const p = model.failureProbability;
    const cumulative = new Float64Array(TO_REVIEW + 1);
    let acc = 0;
    for (let m = 0; m < CANNOT_USE_APP; m++) cumulative[m] = acc += p[m]!;
    cumulative[CANNOT_USE_APP] = acc; // never drawn for an app user
    cumulative[TO_REVIEW] = acc + model.reviewShare;
    this.cumulative = cumulative;
    this.agenda = this.observer === null && !simulation.cyclic ? new EventCalendar(1024) : null;
    this.grow(256);
    agents.connect(channel, this, this.counters);
  }

  /** Check-ins waiting for or in verification, and waiting for review (the mock's state). */
  get inVerification(): number {
    return this.verifyQueued + this.verifying;
  }

  get awaitingReview(): number {
    return this.reviewQueued;
  }

  start(t0: number): void {
    this.lastT = t0;
    if (this.prompts !== null) this.scheduleNextPrompt(t0);
  }

  /**
   * A check-in submitted from outside (the mock's upload) at model time `t`: the model decides what
   * verification makes of it, with the probabilities of a submitted check-in (an app user who answered).
   */
  submit(t: number, contactId: number): void {
    const cum = this.cumulative;
    const from = cum[APP_ERROR]!;
    const u = from + this.outcomeRng() * (1 - from);
    let outcome = PASSES;
    if (u < cum[GEOLOCATION_WRONG]!) outcome = GEOLOCATION_WRONG;
    else if (u < cum[PHOTO_NOT_IDENTIFIED]!) outcome = PHOTO_NOT_IDENTIFIED;
    else if (u < cum[TO_REVIEW]!) outcome = TO_REVIEW;
    const slot = this.allocate();
    this.fillSlot(slot, outcome, contactId, this.callDelayOf(outcome));
    this.advance(t);
    this.submitSlot(t, slot);
  }

  handle(kind: number, t: number, int: number, float: number): void {
    switch (kind) {
      case PROMPT:
        if (this.promptsAhead) this.promptsBefore(t + PROMPTS_AHEAD_S);
        else {
          this.prompt(t, this.simulation.interval);
          this.scheduleNextPrompt();
        }
        break;
      case SUBMIT:
        this.catchUp(t);
        this.submitSlot(t, int);
        break;
      case VERIFIED:
        this.catchUp(t);
        this.verified(t, int);
        break;
      case REVIEWED:
        this.catchUp(t);
        this.reviewed(t, int, float);
        break;
      case FAILED:
        this.fail(t, this.simulation.interval, int, float, null);
        break;
      case LATE:
        this.counters.lateResponses[this.simulation.interval]!++;
        this.fail(t, this.simulation.interval, int, float, null);
        break;
      case CALL:
        this.call(t, int);
        break;
    }
  }

  /** Handles the agenda's instants before `t`, then integrates up to `t`. */
  advance(t: number): void {
    this.catchUp(t);
    this.integrate(t);
  }

  /** Integrates the queues and the busy servers from the last instant that changed them to `t`. */
  private integrate(t: number): void {
    const dt = t - this.lastT;
    if (dt <= 0) return;
    const c = this.counters;
    const k = this.simulation.interval;
    c.verificationQueueAreaS[k]! += this.verifyQueued * dt;
    c.verificationBusyS[k]! += this.verifying * dt;
    c.reviewQueueAreaS[k]! += this.reviewQueued * dt;
    this.lastT = t;
  }

  /** An agent with the checkin skill is free: it takes the longest-waiting review, if any. */
  serve(agent: number, t: number): boolean {
    if (this.reviewQueued === 0) return false;
    this.advance(t);
    const slot = this.reviewQueue.pop(this.gen);
    this.reviewQueued--;
    if (this.reviewQueued === 0) this.reviewQueue.clear();
    this.startReview(t, slot, agent);
    return true;
  }

  /** Check-ins submitted and not decided at the horizon count as pending, in the last interval. */
  finish(_horizonS: number): void {
    const last = this.counters.intervals - 1;
    for (let slot = 0; slot < this.capacity; slot++)
      if (this.state[slot] !== 0) this.counters.pendingAtEnd[last]!++;
  }

  // --- a prompt -----------------------------------------------------------------------------------

  /** A prompt at `t`, in interval `k`. */
  private prompt(t: number, k: number): void {
    const model = this.model;
    this.counters.prompts[k]!++;
    // Every draw of the prompt happens now, whatever happens next (common random numbers).
    const u = this.outcomeRng();
    const response = model.responseDelay.sample(this.responseRng);
    const share = model.cannotUseAppShare;
    const deadline = t + model.deadlineS;
    if (u < share) {
      // They call instead of checking in (from the prompt on); the missed prompt is known at the deadline.
      const delay = this.callDelayOf(CANNOT_USE_APP);
      if (delay >= 0) this.scheduleCall(t + delay, CANNOT_USE_APP);
      this.failAt(deadline, FAILED, CANNOT_USE_APP, -1);
      return;
    }
    const drawn = this.appOutcome((u - share) / (1 - share));
    // A response past the deadline is a missed deadline, whatever the check-in would have been.
    const late = drawn !== NO_RESPONSE && response > model.deadlineS;
    const outcome = late ? NO_RESPONSE : drawn;
    const delay = this.callDelayOf(outcome);
    if (outcome === NO_RESPONSE) {
      this.failAt(deadline, late ? LATE : FAILED, NO_RESPONSE, delay);
    } else if (outcome === APP_ERROR) {
      this.failAt(t + response, FAILED, APP_ERROR, delay);
    } else if (this.uploadsFromOutside?.(t) === true) {
      // A client uploads this one through the mock (submit); its draws above keep the streams in step.
    } else {
      const slot = this.allocate();
      this.fillSlot(slot, outcome, this.nextContactId++, delay);
      if (this.agenda !== null && this.isQuiet(slot)) this.inAgenda(t + response, SUBMIT, slot);
      else this.schedule(t + response, SUBMIT, slot, 0);
    }
  }

  /**
   * A failure known at `at` with nothing to check when it happens (FAILED, LATE). Without an agenda it
   * is an event; with one (batch, no observer) it is counted now in the interval of `at`: counts are
   * whole numbers, so when they are added does not change them, and its call is scheduled now.
   */
  private failAt(at: number, kind: typeof FAILED | typeof LATE, mode: number, callDelay: number): void {
    const simulation = this.simulation;
    if (this.agenda === null) this.schedule(at, kind, mode, callDelay);
    else if (at < simulation.horizonS) {
      const k = simulation.intervalAt(at);
      if (kind === LATE) this.counters.lateResponses[k]!++;
      this.fail(at, k, mode, callDelay, null);
    }
  }

  /** The outcome of an app user's prompt from a uniform draw `v`. */
  private appOutcome(v: number): number {
    const cum = this.cumulative;
    for (let m = 0; m <= TO_REVIEW; m++) if (v < cum[m]!) return m;
    return PASSES;
  }

  // --- verification and review --------------------------------------------------------------------

  private fillSlot(slot: number, outcome: number, contactId: number, callDelay: number): void {
    this.outcome[slot] = outcome;
    this.contactId[slot] = contactId;
    this.callDelay[slot] = callDelay;
    this.latency[slot] = this.model.verificationLatency.sample(this.latencyRng);
    this.reviewWork[slot] = this.model.reviewTime?.sample(this.reviewRng) ?? 0;
  }

  private submitSlot(t: number, slot: number): void {
    this.counters.received[this.simulation.interval]!++;
    this.submittedAt[slot] = t;
    this.integrate(t);
    if (this.verifying < this.model.verificationCapacity) {
      this.startVerification(t, slot);
      return;
    }
    this.state[slot] = VERIFY_QUEUED;
    this.queuedAt[slot] = t;
    this.verifyQueue.push(0, slot, this.gen[slot]!);
    this.verifyQueued++;
    if (this.agenda !== null && !this.isQuiet(slot) && this.outsideQueued++ === 0) this.decisionsToCalendar();
  }

  private startVerification(t: number, slot: number): void {
    this.state[slot] = VERIFYING;
    this.verifying++;
    this.counters.verificationWaitSumS[this.simulation.interval]! += t - this.submittedAt[slot]!;
    const at = t + this.latency[slot]!;
    // A quiet check-in's decision goes in the agenda, unless one waiting behind it needs its instant.
    if (this.agenda !== null && this.outsideQueued === 0 && this.isQuiet(slot)) {
      this.decidedAt[slot] = at;
      this.inAgenda(at, VERIFIED, slot);
    } else this.schedule(at, VERIFIED, slot, 0);
  }

  private verified(t: number, slot: number): void {
    const c = this.counters;
    const k = this.simulation.interval;
    this.integrate(t);
    this.verifying--;
    c.verificationDone[k]!++;
    c.verificationTimeSumS[k]! += t - this.submittedAt[slot]!;
    if (this.verifyQueued > 0) {
      const next = this.verifyQueue.pop(this.gen);
      this.verifyQueued--;
      if (this.verifyQueued === 0) this.verifyQueue.clear();
      if (this.agenda !== null && !this.isQuiet(next)) this.outsideQueued--;
      this.startVerification(t, next);
    }
    const outcome = this.outcome[slot]!;
    if (outcome === PASSES) this.confirm(t, slot);
    else if (outcome === TO_REVIEW) this.toReview(t, slot);
    else {
      this.fail(t, k, outcome, this.callDelay[slot]!, this.contactId[slot]!);
      this.release(slot);
    }
  }

  private toReview(t: number, slot: number): void {
    const c = this.counters;
    const k = this.simulation.interval;
    c.sentToReview[k]!++;
    this.observer?.decided(this.contactId[slot]!, 'underReview', null, t);
    this.queuedAt[slot] = t;
    const agent = this.agents.takeIdle(this.channel);
    if (agent >= 0) {
      this.startReview(t, slot, agent);
      return;
    }
    this.state[slot] = REVIEW_QUEUED;
    this.reviewQueue.push(0, slot, this.gen[slot]!);
    this.reviewQueued++;
    if (this.reviewQueued > c.maxReviewQueue[k]!) c.maxReviewQueue[k] = this.reviewQueued;
  }

  private startReview(t: number, slot: number, agent: number): void {
    const c = this.counters;
    const k = this.simulation.interval;
    this.state[slot] = REVIEWING;
    c.reviewStarted[k]!++;
    c.reviewWaitSumS[k]! += t - this.queuedAt[slot]!;
    this.agents.occupy(agent, this.channel);
    this.schedule(t + this.reviewWork[slot]!, REVIEWED, slot, agent);
  }

  private reviewed(t: number, slot: number, agent: number): void {
    this.counters.reviewed[this.simulation.interval]!++;
    this.confirm(t, slot);
    this.agents.release(agent, t);
  }

  private confirm(t: number, slot: number): void {
    const c = this.counters;
    const k = this.simulation.interval;
    const took = t - this.submittedAt[slot]!;
    c.confirmed[k]!++;
    c.confirmationSumS[k]! += took;
    if (took <= this.model.targets.thresholdS) c.confirmedWithinT[k]!++;
    if (took > c.maxConfirmationS[k]!) c.maxConfirmationS[k] = took;
    c.confirmationHistogram[k * WAIT_BUCKETS + waitBucket(took)]!++;
    this.observer?.decided(this.contactId[slot]!, 'verified', null, t);
    this.release(slot);
  }

  // --- failures and the calls they cause ----------------------------------------------------------

  /** A failed or missed check-in at `t` (interval `k`): a violation, and a call after `callDelay` unless -1. */
  private fail(t: number, k: number, mode: number, callDelay: number, contactId: number | null): void {
    const c = this.counters;
    c[FAILED_FIELDS[mode]!][k]!++;
    c.violations[k]!++;
    if (contactId !== null) this.observer?.decided(contactId, 'failed', FAILURE_MODES[mode]!, t);
    if (callDelay >= 0) this.scheduleCall(t + callDelay, mode);
  }

  /**
   * Whether a failure of `mode` calls (drawn now, one draw for every prompt, so variants pair) and
   * its delay; -1 when it does not, or when `mode` is no failure (passes, review).
   */
  private callDelayOf(mode: number): number {
    const u = this.callRng();
    const rule = this.model.calls[mode];
    if (rule === undefined || rule.delay === null || u >= rule.probability) return -1;
    return rule.delay.sample(this.callDelayRng);
  }

  private scheduleCall(at: number, mode: number): void {
    this.schedule(at, CALL, mode, 0);
  }

  private call(t: number, mode: number): void {
    const c = this.counters;
    const k = this.simulation.interval;
    c[CALLS_CAUSED_FIELDS[mode]!][k]!++;
    if (!this.couplings.offer('phone', t, FAILURE_MODES[mode]!)) c.callsNotOffered[k]!++;
  }

  // --- calendar, agenda and storage --------------------------------------------------------------

  /** A check-in whose verification decides it with nothing for the run to hear: it passes, or fails without a call. */
  private isQuiet(slot: number): boolean {
    return this.outcome[slot] !== TO_REVIEW && this.callDelay[slot]! < 0;
  }

  private inAgenda(at: number, kind: typeof SUBMIT | typeof VERIFIED, slot: number): void {
    if (at >= this.simulation.horizonS) return; // as `schedule`: it would never happen
    const id = this.agenda!.schedule(at, kind, slot);
    if (kind === VERIFIED) this.agendaId[slot] = id;
  }

  /**
   * Handles the agenda's instants before `t` in time order, as their events would have been. Called
   * before anything that reads or changes the verification or the sums they add to, and at interval
   * boundaries (`advance`), so each lands in its own interval. Instants at `t` itself wait: an event
   * at `t` scheduled earlier would have come first (measure zero with continuous draws).
   */
  private catchUp(t: number): void {
    const agenda = this.agenda;
    if (agenda === null) return;
    while (agenda.length > 0 && agenda.peekTime() < t) {
      const kind = agenda.pop();
      const { time, int: slot } = agenda.current;
      if (kind === SUBMIT) this.submitSlot(time, slot);
      else {
        this.agendaId[slot] = -1;
        this.verified(time, slot);
      }
    }
  }

  /**
   * A check-in that needs its decision's instant (review, a call) queues for verification: the
   * decisions in the agenda become run events, so the one that frees its server starts it on time.
   * Rare (the verification is sized not to queue), so scanning the slots is fine.
   */
  private decisionsToCalendar(): void {
    const agenda = this.agenda!;
    for (let slot = 0; slot < this.capacity; slot++) {
      const id = this.agendaId[slot]!;
      if (id < 0) continue;
      agenda.cancel(id);
      this.agendaId[slot] = -1;
      this.schedule(this.decidedAt[slot]!, VERIFIED, slot, 0);
    }
  }

  /** Schedules a local event unless a batch run ends before it (it would never pop). */
  private schedule(at: number, kind: number, int: number, float: number): void {
    const simulation = this.simulation;
    if (!simulation.cyclic && at >= simulation.horizonS) return;
    simulation.calendar.schedule(at, this.base | kind, int, float);
  }

  /** `from`: a real-time run that starts mid-scenario (no warm start) sends the prompts from its start. */
  private scheduleNextPrompt(from = 0): void {
    let t = this.prompts!.next();
    while (t < from) t = this.prompts!.next();
    if (this.promptsAhead) this.nextPromptAt = t;
    if (t < this.simulation.horizonS) this.simulation.calendar.schedule(t, this.base | PROMPT);
  }

  /** Sends every prompt before `until` now (`promptsAhead`), then wakes up at the next one. */
  private promptsBefore(until: number): void {
    const simulation = this.simulation;
    const prompts = this.prompts!;
    let t = this.nextPromptAt;
    while (t < until && t < simulation.horizonS) {
      this.prompt(t, simulation.intervalAt(t));
      t = prompts.next();
    }
    this.nextPromptAt = t;
    if (t < simulation.horizonS) simulation.calendar.schedule(t, this.base | PROMPT);
  }

  private allocate(): number {
    if (this.free.length === 0) this.grow(this.capacity * 2);
    return this.free.pop()!;
  }

  private release(slot: number): void {
    this.state[slot] = 0;
    this.gen[slot]!++;
    this.free.push(slot);
  }

  private grow(capacity: number): void {
    const old = this.capacity;
    this.gen = grown(this.gen, capacity);
    this.state = grown(this.state, capacity);
    this.outcome = grown(this.outcome, capacity);
    this.submittedAt = grown(this.submittedAt, capacity);
    this.queuedAt = grown(this.queuedAt, capacity);
    this.latency = grown(this.latency, capacity);
    this.reviewWork = grown(this.reviewWork, capacity);
    this.callDelay = grown(this.callDelay, capacity);
    this.contactId = grown(this.contactId, capacity);
    this.decidedAt = grown(this.decidedAt, capacity);
    this.agendaId = grown(this.agendaId, capacity).fill(-1, old);
    for (let slot = capacity - 1; slot >= old; slot--) this.free.push(slot);
    this.capacity = capacity;
  }
}
