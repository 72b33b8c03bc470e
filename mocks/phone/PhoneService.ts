import type { PhoneObserver, PhoneOutcomeRecord } from '../../sim/channels/phone/PhoneOutcome.js';
import type { PhoneProcess } from '../../sim/channels/phone/PhoneProcess.js';
import { FIRST_EXTERNAL_CONTACT_ID, isExternalContact } from '../../sim/engine/externalContacts.js';
import type { ModelClock } from '../../sim/engine/ModelClock.js';
import type { RealtimeDriver } from '../../sim/engine/RealtimeDriver.js';
import type { ModelRun } from '../../sim/ModelRun.js';
import type { ModelService } from '../ModelService.js';
import {
  CALL_OUTCOMES,
  type CallCounts,
  type CallOutcome,
  type CallRequest,
  type CallResult,
  type PatienceSource,
} from './callTypes.js';

export interface AcdSnapshot {
  modelTimeS: number;
  /** Interval of the model time now (index within the scenario's horizon). */
  interval: number;
  queueLength: number;
  agentsBusy: number;
  agentsOnDuty: number;
  trunkLinesBusy: number;
  /** Retrials of the model's own callers still to come (a warm start's; 0 otherwise). */
  retrialsPending: number;
  /** Requests held open now (in the IVR or in the queue). */
  pendingCalls: number;
  calls: CallCounts;
  /** Outcomes of the model's own callers since the clock started (a warm start's; zero otherwise). */
  ownCalls: CallCounts;
  /** Calls ended by the caller hanging up (also counted in calls.abandoned). */
  hangUps: number;
}

interface HeldCall {
  readonly callId: string | undefined;
  readonly offeredAtS: number;
  /** Priority class, known once the model has drawn it. */
  klass: number;
  readonly resolve: (result: CallResult) => void;
}

/**
 * The phone channel over HTTP: transport only. The model is the simulator's own phone process
 * (sim/channels/phone/PhoneProcess.ts) in the mocks' one model run (ModelService: shared agent pool,
 * one real-time driver on the mocks' model clock, chat beside it); this class turns a request into an
 * offer, the process's outcome into a response, and a dropped connection into a hang-up. Arrivals
 * and retrials are the client's business.
 *
 * `patience` says who makes a queued caller give up when the request carries no patienceS:
 * 'scenario' (the class's draw) or 'client' (nobody but the caller hanging up: infinite patience).
 * The class's patience is drawn either way, so every later draw stays the simulator's.
 */
export class PhoneService {
  readonly driver: RealtimeDriver;
  private readonly run: ModelRun;
  private readonly phone: PhoneProcess;
  private readonly classIndex: Map<string, number>;
  readonly classNames: readonly string[];
  private readonly held = new Map<number, HeldCall>();
  private readonly counts: CallCounts = zeroCounts();
  private readonly ownCounts: CallCounts = zeroCounts();
  private hangUps = 0;
  /** Outside the model's own ids: a warm-started model has its own callers too, which are not ours. */
  private nextId = FIRST_EXTERNAL_CONTACT_ID;
  private readonly clock: ModelClock;

  constructor(
    private readonly model: ModelService,
    private readonly patience: PatienceSource = 'scenario',
  ) {
    const scenario = model.scenario;
    this.clock = model.clock;
    const phone = scenario.channels.phone;
    const process = model.run.processes.phone;
    if (phone === undefined || process === undefined) throw new Error('the scenario has no phone channel');
    this.classNames = phone.classes.map((c) => c.name);
    this.classIndex = new Map(this.classNames.map((name, i) => [name, i]));
    model.listen<PhoneObserver>('phone', {
      arrived: (id, _at, klass) => {
        const call = this.held.get(id);
        if (call !== undefined) call.klass = klass;
      },
      outcome: (record) => this.answer(record),
    });
    this.run = model.run;
    this.phone = process;
    this.driver = model.driver;
    model.onShutdown({ endAll: (now) => this.endAll(now) });
  }

  get isShutDown(): boolean {
    return this.model.isShutDown;
  }

  get pendingCalls(): number {
    return this.held.size;
  }

  /**
   * Offers a call now; resolves when it is answered, abandoned, blocked, closed or self-served. When
   * `signal` aborts first (the caller hung up, the connection dropped), what was due by then runs
   * first (an answer due earlier wins); a call still in the IVR or queue then leaves it as abandoned
   * at that model time (reason 'hangUp', its wait so far), frees its line and queue place and never
   * reaches an agent. Nobody reads that result over HTTP; it is for the log (onCallEnd) and tests.
   */
  offer(request: CallRequest = {}, signal?: AbortSignal): Promise<CallResult> {
    return new Promise((resolve) => {
      const id = this.nextId++;
      const klass = request.class === undefined ? undefined : this.classIndex.get(request.class);
      // With client patience, a call without patienceS waits until the caller hangs up.
      const patienceS =
        request.patienceS === undefined && this.patience === 'client'
          ? Number.POSITIVE_INFINITY
          : request.patienceS;
      const hangUp = () => {
        if (this.model.isShutDown) return;
        this.driver.act((now) => {
          // What was due ran first: a call answered before the hang-up stays answered.
          if (this.held.has(id)) this.phone.hangUp(now, id);
        });
      };
      this.driver.act((now) => {
        this.held.set(id, {
          callId: request.callId,
          offeredAtS: now,
          klass: 0,
          resolve: (result) => {
            signal?.removeEventListener('abort', hangUp);
            resolve(result);
          },
        });
        this.phone.offer(now, id, { klass, patienceS });
      });
      if (signal === undefined || !this.held.has(id)) return;
      if (signal.aborted) hangUp();
      else signal.addEventListener('abort', hangUp, { once: true });
    });
  }

  snapshot(): AcdSnapshot {
    const now = this.model.now();
    return {
      modelTimeS: now,
      interval: this.run.simulation.interval,
      queueLength: this.phone.queued,
      agentsBusy: this.run.agents.agentsBusy,
      agentsOnDuty: this.run.agents.agentsOnDuty,
      trunkLinesBusy: this.phone.trunkLinesBusy,
      retrialsPending: this.phone.pendingRetrials,
      pendingCalls: this.held.size,
      calls: { ...this.counts },
      ownCalls: { ...this.ownCounts },
      hangUps: this.hangUps,
    };
  }

  /**
   * Ends the model (every channel: ModelService.shutdown); every held call gets the outcome
   * "abandoned" with reason "shutdown", and later offers are refused by the routes.
   */
  shutdown(): void {
    this.model.shutdown();
  }

  /** At shutdown: waitS is the wait in queue so far, 0 in the IVR. */
  private endAll(now: number): void {
    for (const [id, call] of [...this.held]) {
      const queuedAt = this.phone.queuedSince(id);
      this.held.delete(id);
      this.counts.abandoned++;
      call.resolve({
        outcome: 'abandoned',
        waitS: finite(queuedAt === null ? 0 : now - queuedAt),
        waitMs: finite(queuedAt === null ? 0 : ((now - queuedAt) / this.clock.timeScale) * 1000),
        agent: null,
        interval: this.run.simulation.intervalAt(call.offeredAtS),
        class: this.classNames[call.klass]!,
        talkS: null,
        reason: 'shutdown',
        ...(call.callId === undefined ? {} : { callId: call.callId }),
      });
    }
  }

  /** The process's outcome of a held call becomes its response. */
  private answer(record: PhoneOutcomeRecord): void {
    const call = this.held.get(record.contactId);
    if (call === undefined) {
      // Not ours: one of the model's own callers (warm start). Counted apart, never answered here.
      if (!isExternalContact(record.contactId)) this.ownCounts[record.outcome]++;
      return;
    }
    this.held.delete(record.contactId);
    const outcome: CallOutcome = record.outcome;
    this.counts[outcome]++;
    if (record.reason === 'hangUp') this.hangUps++;
    const result: CallResult = {
      outcome,
      waitS: finite(record.waitS),
      waitMs: finite((record.waitS / this.clock.timeScale) * 1000),
      agent: record.agent >= 0 ? record.agent + 1 : null,
      interval: record.interval,
      class: this.classNames[record.klass]!,
      talkS: outcome === 'answered' ? finite(record.talkS) : null,
    };
    if (record.reason === 'hangUp') result.reason = 'hangUp';
    if (call.callId !== undefined) result.callId = call.callId;
    call.resolve(result);
  }
}

function zeroCounts(): CallCounts {
  return Object.fromEntries(CALL_OUTCOMES.map((o) => [o, 0])) as CallCounts;
}

/** Responses never carry NaN or Infinity; rounding keeps them readable (ms precision). */
function finite(value: number): number {
  return Number.isFinite(value) ? Math.max(0, Math.round(value * 1000) / 1000) : 0;
}
