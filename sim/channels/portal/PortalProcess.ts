import type { ArrivalSource } from '../../arrivals/ArrivalSource.js';
import { isExternalContact } from '../../engine/externalContacts.js';
import type { EventHandler, Simulation } from '../../engine/Simulation.js';
import { grown } from '../../queues/grown.js';
import type { Rng } from '../../rng/createStream.js';
import type { Streams } from '../../rng/Streams.js';
import type { Couplings } from '../Couplings.js';
import { createPortalCounters, type PortalCounters, supportField } from './PortalCounters.js';
import type { PortalModel, SupportRuleModel } from './PortalModel.js';
import { REFUSAL_REASONS, type RefusalReason, type SupportCause } from './supportCauses.js';

// Local event kinds; all but ARRIVAL and SUPPORT carry (slot, generation), so an event of an
// application that has moved on (decided, given up) is stale and skipped.
const ARRIVAL = 1;
const RESUBMIT = 2;
const DECISION = 3;
const STATUS_CHECK = 4;
const DEADLINE_PASSED = 5;
/** int: index of the support rule in `rules`. */
const SUPPORT = 6;

const AWAITING_RESUBMIT = 1;
const PENDING = 2;

const DAY_S = 86_400;

const REFUSED_FIELD = {
  wrongType: 'refusedWrongType',
  tooBig: 'refusedTooBig',
  badField: 'refusedBadField',
} as const satisfies Record<RefusalReason, string>;

/** The model times of one received application (what a status page shows). */
export interface ApplicationTimes {
  readonly receivedAtS: number;
  /** Documents checked: the first working day after receipt, same time of day (at most the decision). */
  readonly documentsCheckedAtS: number;
  readonly decisionAtS: number;
  readonly decisionDays: number;
  readonly deadlineDays: number;
}

/** What the portal process tells an observer (a transport). */
export interface PortalObserver {
  decided(contactId: number, atS: number, onTime: boolean): void;
}

export interface PortalProcessOptions {
  readonly streams: Streams;
  /** Own applicants (batch, or a warm start's morning); null: applications come from outside. */
  readonly arrivals: ArrivalSource | null;
  readonly couplings: Couplings;
  readonly observer?: PortalObserver | null;
}

/**
 * The portal channel. An applicant submits a form with documents; validation refuses a share of
 * submissions (by reason), after which the applicant submits again (probability, delay, at most
 * maxAttempts) or gives up. A received application is decided after a number of WORKING days drawn
 * for its type (a back-office delay, not the hotline's agents), at the time of day it was received.
 * While it is pending the applicant checks its status (a Poisson process). Refusals, status checks,
 * a passed deadline and the decision each may make the applicant contact support: the contact is
 * offered to phone or chat through the couplings after its delay, and counted here by cause.
 */
export class PortalProcess implements EventHandler {
  readonly counters: PortalCounters;
  private readonly model: PortalModel;
  private readonly simulation: Simulation;
  private readonly base: number;
  private readonly arrivals: ArrivalSource | null;
  private readonly couplings: Couplings;
  private readonly observer: PortalObserver | null;
  /** Every support rule once; SUPPORT events carry an index into it. */
  private readonly rules: readonly SupportRuleModel[];
  private readonly ruleIndex: ReadonlyMap<SupportRuleModel, number>;

  private readonly typeRng: Rng;
  private readonly documentsRng: Rng;
  private readonly validationRng: Rng;
  private readonly resubmitRng: Rng;
  private readonly decisionRng: Rng;
  private readonly statusRng: Rng;
  private readonly supportRng: Rng;
  private readonly supportDelayRng: Rng;

  // Applications in the system, in slots of typed arrays; a slot's generation changes when freed.
  private capacity = 0;
  private state = new Uint8Array(0);
  private gen = new Int32Array(0);
  private typeOf = new Int32Array(0);
  private attempt = new Int32Array(0);
  private arrivalInterval = new Int32Array(0);
  private receivedAt = new Float64Array(0);
  private decisionAt = new Float64Array(0);
  private decisionDays = new Int32Array(0);
  private contactId = new Float64Array(0);
  private free: number[] = [];
  private nextContactId = 0;
  /** Slots of applications from outside, by contact id (status checks, decisions). */
  private readonly slotOf = new Map<number, number>();

  constructor(simulation: Simulation, model: PortalModel, options: PortalProcessOptions) {
    this.simulation = simulation;
    this.model = model;
    this.base = simulation.register(this);
    this.arrivals = options.arrivals;
    this.couplings = options.couplings;
    this.observer = options.observer ?? null;
    this.counters = createPortalCounters(simulation.intervals, model.types.length, model.maxDecisionDays);
    this.rules = Object.values(model.support).flat();
    this.ruleIndex = new Map(this.rules.map((rule, i) => [rule, i]));
    const { streams } = options;
    this.typeRng = streams.stream('portal.type');
    this.documentsRng = streams.stream('portal.documents');
    this.validationRng = streams.stream('portal.validation');
    this.resubmitRng = streams.stream('portal.resubmit');
    this.decisionRng = streams.stream('portal.decisionDays');
    this.statusRng = streams.stream('portal.statusChecks');
    this.supportRng = streams.stream('portal.support');
    this.supportDelayRng = streams.stream('portal.supportDelay');
    this.grow(64);
  }

  start(_t0: number): void {
    if (this.arrivals !== null) this.scheduleNextArrival();
  }

  /** Applications still in the system at the horizon, in the interval each started in. */
  finish(_horizonS: number): void {
    for (let slot = 0; slot < this.capacity; slot++)
      if (this.state[slot] !== 0) this.counters.pendingAtEnd[this.arrivalInterval[slot]!]!++;
  }

  // --- from outside (the mocks' transport) ----------------------------------------------------------

  /**
   * An application from outside passed the transport's validation at `t`: received now, decided by
   * the model. Returns the model times its status page shows.
   */
  submitFromOutside(t: number, contactId: number, type: number, documents: number): ApplicationTimes {
    const c = this.counters;
    const k = this.simulation.intervalAt(t);
    c.applications[k]!++;
    c.submissions[k]!++;
    c.documents[k]! += documents;
    const slot = this.allocate();
    this.typeOf[slot] = type;
    this.arrivalInterval[slot] = k;
    this.contactId[slot] = contactId;
    this.slotOf.set(contactId, slot);
    this.receive(t, slot);
    return this.timesOf(slot);
  }

  /** A submission from outside that the transport refused at `t`, for `reason`. */
  refusedFromOutside(t: number, reason: RefusalReason): void {
    const k = this.simulation.intervalAt(t);
    this.counters.submissions[k]!++;
    this.counters[REFUSED_FIELD[reason]][k]!++;
    this.maybeSupport('refusedUpload', t);
  }

  /** An applicant outside checked the status at `t`; its times while pending, else null. */
  statusCheckFromOutside(t: number, contactId: number): ApplicationTimes | null {
    this.counters.statusChecks[this.simulation.intervalAt(t)]!++;
    const slot = this.slotOf.get(contactId);
    if (slot === undefined) return null;
    this.maybeSupport('statusQuestion', t);
    return this.timesOf(slot);
  }

  handle(kind: number, t: number, int: number, float: number): void {
    if (kind === ARRIVAL) {
      this.arrive(t);
      this.scheduleNextArrival();
      return;
    }
    if (kind === SUPPORT) {
      this.offerSupport(t, this.rules[int]!);
      return;
    }
    if (this.gen[int] !== float) return;
    if (kind === RESUBMIT && this.state[int] === AWAITING_RESUBMIT) this.submit(t, int);
    else if (this.state[int] !== PENDING) return;
    else if (kind === DECISION) this.decide(t, int);
    else if (kind === STATUS_CHECK) this.statusCheck(t, int);
    else if (kind === DEADLINE_PASSED) this.maybeSupport('decisionLate', t);
  }

  // --- the application ------------------------------------------------------------------------------

  private arrive(t: number): void {
    const k = this.simulation.intervalAt(t);
    this.counters.applications[k]!++;
    const slot = this.allocate();
    const u = this.typeRng();
    const cumulative = this.model.typeCumulative;
    let type = 0;
    while (type < cumulative.length - 1 && u >= cumulative[type]!) type++;
    this.typeOf[slot] = type;
    this.attempt[slot] = 1;
    this.arrivalInterval[slot] = k;
    this.contactId[slot] = this.nextContactId++;
    this.submit(t, slot);
  }

  private submit(t: number, slot: number): void {
    const c = this.counters;
    const k = this.simulation.intervalAt(t);
    c.submissions[k]!++;
    c.documents[k]! += this.model.documents.sample(this.documentsRng);
    const reason = this.refusal(this.validationRng());
    if (reason === null) {
      this.receive(t, slot);
      return;
    }
    c[REFUSED_FIELD[reason]][k]!++;
    this.maybeSupport('refusedUpload', t);
    const model = this.model;
    const again = this.resubmitRng() < model.resubmitProbability && this.attempt[slot]! < model.maxAttempts;
    if (!again) {
      c.neverSubmitted[k]!++;
      this.release(slot);
      return;
    }
    this.attempt[slot]!++;
    this.state[slot] = AWAITING_RESUBMIT;
    this.scheduleInRun(t + model.resubmitDelay.sample(this.resubmitRng), RESUBMIT, slot);
  }

  /** The reason a submission is refused for, from one uniform draw; null when it passes. */
  private refusal(u: number): RefusalReason | null {
    let acc = 0;
    for (const reason of REFUSAL_REASONS) {
      acc += this.model.refused[reason];
      if (u < acc) return reason;
    }
    return null;
  }

  /** Received at `t`: the decision day is drawn now, in working days after the day of receipt. */
  private receive(t: number, slot: number): void {
    const c = this.counters;
    const k = this.simulation.intervalAt(t);
    const type = this.typeOf[slot]!;
    const { workingDays, types } = this.model;
    c.received[k]!++;
    c.byType.received[type * c.intervals + k]!++;
    const days = types[type]!.decisionDays.sample(this.decisionRng);
    const receiptDay = Math.floor(t / DAY_S);
    const timeOfDay = t - receiptDay * DAY_S;
    const decisionAt = workingDays.addWorkingDays(receiptDay, days) * DAY_S + timeOfDay;
    this.state[slot] = PENDING;
    this.receivedAt[slot] = t;
    this.decisionAt[slot] = decisionAt;
    this.decisionDays[slot] = days;
    this.scheduleInRun(decisionAt, DECISION, slot);
    const deadline = types[type]!.deadlineDays;
    // The applicant notices a missed deadline when its last working day is over.
    if (days > deadline)
      this.scheduleInRun(
        (workingDays.addWorkingDays(receiptDay, deadline) + 1) * DAY_S,
        DEADLINE_PASSED,
        slot,
      );
    if (!this.isOutside(slot)) this.scheduleStatusCheck(t, slot);
  }

  private statusCheck(t: number, slot: number): void {
    this.counters.statusChecks[this.simulation.intervalAt(t)]!++;
    this.maybeSupport('statusQuestion', t);
    this.scheduleStatusCheck(t, slot);
  }

  /** The next status check after `t` of a pending application, if it comes before the decision. */
  private scheduleStatusCheck(t: number, slot: number): void {
    const rate = this.model.statusCheckRatePerS;
    if (rate <= 0) return;
    const at = t - Math.log(1 - this.statusRng()) / rate;
    if (at < this.decisionAt[slot]!) this.scheduleInRun(at, STATUS_CHECK, slot);
  }

  private decide(t: number, slot: number): void {
    const c = this.counters;
    const k = this.simulation.intervalAt(t);
    const type = this.typeOf[slot]!;
    const days = this.decisionDays[slot]!;
    const onTime = days <= this.model.types[type]!.deadlineDays;
    const row = type * c.intervals + k;
    c.decided[k]!++;
    c.byType.decided[row]!++;
    c.decisionWorkingDaysSum[k]! += days;
    c.byType.decisionWorkingDaysSum[row]! += days;
    if (onTime) {
      c.decidedOnTime[k]!++;
      c.byType.decidedOnTime[row]!++;
    }
    c.decisionElapsedSumS[k]! += t - this.receivedAt[slot]!;
    c.decisionDaysHistogram[k * c.dayBuckets + days]!++;
    c.typeDecisionDaysHistogram[row * c.dayBuckets + days]!++;
    this.observer?.decided(this.contactId[slot]!, t, onTime);
    this.maybeSupport('decision', t);
    this.release(slot);
  }

  // --- support contacts -----------------------------------------------------------------------------

  /** One draw decides whether (and on which channel) an event of `cause` leads to a support contact. */
  private maybeSupport(cause: SupportCause, t: number): void {
    const rules = this.model.support[cause];
    if (rules.length === 0) return;
    const u = this.supportRng();
    let acc = 0;
    for (const rule of rules) {
      acc += rule.probability;
      if (u >= acc) continue;
      const at = t + rule.delay.sample(this.supportDelayRng);
      this.scheduleInRun(at, SUPPORT, this.ruleIndex.get(rule)!, 0);
      return;
    }
  }

  /** The contact happens now: offered to its channel, counted by cause and channel. */
  private offerSupport(t: number, rule: SupportRuleModel): void {
    if (!this.couplings.offer(rule.channel, t, rule.cause)) return;
    this.counters[supportField(rule.cause, rule.channel)][this.simulation.intervalAt(t)]!++;
  }

  // --- helpers --------------------------------------------------------------------------------------

  private timesOf(slot: number): ApplicationTimes {
    const received = this.receivedAt[slot]!;
    const receiptDay = Math.floor(received / DAY_S);
    const checked =
      this.model.workingDays.addWorkingDays(receiptDay, 1) * DAY_S + (received - receiptDay * DAY_S);
    return {
      receivedAtS: received,
      documentsCheckedAtS: Math.min(checked, this.decisionAt[slot]!),
      decisionAtS: this.decisionAt[slot]!,
      decisionDays: this.decisionDays[slot]!,
      deadlineDays: this.model.types[this.typeOf[slot]!]!.deadlineDays,
    };
  }

  /** Events past the horizon of a batch run never happen; a cyclic run (the mocks) goes on. */
  private scheduleInRun(at: number, kind: number, slot: number, generation = this.gen[slot]!): void {
    if (at < this.simulation.horizonS || this.simulation.cyclic)
      this.simulation.calendar.schedule(at, this.base | kind, slot, generation);
  }

  private scheduleNextArrival(): void {
    const t = this.arrivals!.next();
    if (t < this.simulation.horizonS) this.simulation.calendar.schedule(t, this.base | ARRIVAL);
  }

  /** Whether the applicant is outside the model (a client of the mocks checks the status itself). */
  private isOutside(slot: number): boolean {
    return this.arrivals === null || isExternalContact(this.contactId[slot]!);
  }

  private allocate(): number {
    if (this.free.length === 0) this.grow(this.capacity * 2);
    return this.free.pop()!;
  }

  private release(slot: number): void {
    if (this.isOutside(slot)) this.slotOf.delete(this.contactId[slot]!);
    this.state[slot] = 0;
    this.gen[slot]!++;
    this.free.push(slot);
  }

  private grow(capacity: number): void {
    const old = this.capacity;
    this.state = grown(this.state, capacity);
    this.gen = grown(this.gen, capacity);
    this.typeOf = grown(this.typeOf, capacity);
    this.attempt = grown(this.attempt, capacity);
    this.arrivalInterval = grown(this.arrivalInterval, capacity);
    this.receivedAt = grown(this.receivedAt, capacity);
    this.decisionAt = grown(this.decisionAt, capacity);
    this.decisionDays = grown(this.decisionDays, capacity);
    this.contactId = grown(this.contactId, capacity);
    for (let slot = capacity - 1; slot >= old; slot--) this.free.push(slot);
    this.capacity = capacity;
  }
}
